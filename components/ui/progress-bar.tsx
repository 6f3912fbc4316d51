import { TONES, type Tone } from './badge';

export interface ProgressBarProps {
  /** Percentage, clamped to 0..100. */
  value: number;
  /** Accessible name (e.g. "Avancement du plan d'actions"). */
  label: string;
  /** Also display the label above the bar. */
  showLabel?: boolean;
  tone?: Tone;
  className?: string;
}

export function ProgressBar({ value, label, showLabel, tone = 'primary', className }: ProgressBarProps) {
  const percent = Math.round(Math.min(100, Math.max(0, Number.isFinite(value) ? value : 0)));
  const text = `${percent}\u00a0%`;
  return (
    <div className={className}>
      {showLabel && (
        <p aria-hidden="true" className="mb-1 text-sm font-medium text-neutral-900">
          {label}
        </p>
      )}
      <div className="flex items-center gap-2">
        <div
          role="progressbar"
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={text}
          className="h-2 min-w-16 flex-1 overflow-hidden rounded-full bg-neutral-200"
        >
          <div className={`h-full ${TONES[tone].fill}`} style={{ width: `${percent}%` }} />
        </div>
        {/* Exposed to assistive technologies through aria-valuetext. */}
        <span aria-hidden="true" className="min-w-12 shrink-0 text-right text-sm font-semibold tabular-nums text-neutral-800">
          {text}
        </span>
      </div>
    </div>
  );
}
