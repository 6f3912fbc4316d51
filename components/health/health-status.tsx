// A territory's health: a shape, a word and its reasons, so that colour never carries
// the meaning alone (badge colours are the contrast-checked tones of components/ui/badge).
import { Badge } from '@/components/ui/badge';
import { HEALTH_LABELS, HEALTH_SYMBOLS, HEALTH_TONES, type HealthStatus } from '@/lib/health/territory-health';

export function HealthBadge({ status }: { status: HealthStatus }) {
  return (
    <Badge tone={HEALTH_TONES[status]}>
      <span aria-hidden="true" className="mr-1">
        {HEALTH_SYMBOLS[status]}
      </span>
      {HEALTH_LABELS[status]}
    </Badge>
  );
}

/** Badge and reasons, for a table cell or a card. */
export function HealthStatusCell({ health }: { health: { status: HealthStatus; summary: string } | undefined }) {
  if (!health) return <>—</>;
  return (
    <div>
      <HealthBadge status={health.status} />
      <span className="mt-1 block text-sm text-neutral-700">{health.summary}</span>
    </div>
  );
}
