import type { ComponentProps } from 'react';

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'primary';

/**
 * Shared tone classes (contrast-checked, see app/globals.css):
 * `badge` = tone-800 on tone-100, `panel` = tone-900 on tone-50 with a tone-600 accent border,
 * `fill` = solid tone-700 (≥ 3:1 against neutral-200 tracks and white).
 */
export const TONES: Record<Tone, { badge: string; panel: string; fill: string }> = {
  neutral: {
    badge: 'border-neutral-300 bg-neutral-100 text-neutral-800',
    panel: 'border-neutral-600 bg-neutral-100 text-neutral-900',
    fill: 'bg-neutral-700',
  },
  info: { badge: 'border-info-200 bg-info-100 text-info-800', panel: 'border-info-600 bg-info-50 text-info-900', fill: 'bg-info-700' },
  success: {
    badge: 'border-success-200 bg-success-100 text-success-800',
    panel: 'border-success-600 bg-success-50 text-success-900',
    fill: 'bg-success-700',
  },
  warning: {
    badge: 'border-warning-200 bg-warning-100 text-warning-800',
    panel: 'border-warning-600 bg-warning-50 text-warning-900',
    fill: 'bg-warning-700',
  },
  danger: {
    badge: 'border-danger-200 bg-danger-100 text-danger-800',
    panel: 'border-danger-600 bg-danger-50 text-danger-900',
    fill: 'bg-danger-700',
  },
  primary: {
    badge: 'border-primary-200 bg-primary-100 text-primary-800',
    panel: 'border-primary-600 bg-primary-50 text-primary-900',
    fill: 'bg-primary-700',
  },
};

export interface BadgeProps extends ComponentProps<'span'> {
  tone?: Tone;
}

/** Short status label. The text itself must carry the meaning (never colour alone). */
export function Badge({ tone = 'neutral', className, ...props }: BadgeProps) {
  return (
    <span
      // `.badge` (app/globals.css) holds the shape: badges repeat on every row of long lists.
      className={`badge ${TONES[tone].badge}${className ? ` ${className}` : ''}`}
      {...props}
    />
  );
}
