// Status and alert badges of a commitment. The text carries the meaning, never colour alone.
import { Badge } from '@/components/ui/badge';
import type { CommitmentSummary } from '@/lib/commitments/queries';
import { COMMITMENT_STATUS_LABELS, COMMITMENT_STATUS_TONES } from '@/lib/commitments/labels';

export function CommitmentStatusBadge({ status }: { status: CommitmentSummary['status'] }) {
  return <Badge tone={COMMITMENT_STATUS_TONES[status]}>{COMMITMENT_STATUS_LABELS[status]}</Badge>;
}

/** "Échéance dépassée" / "Sous-réalisé" alerts; nothing when on track. */
export function CommitmentAlerts({ commitment }: { commitment: Pick<CommitmentSummary, 'late' | 'underDelivered'> }) {
  if (!commitment.late && !commitment.underDelivered) return <span className="text-neutral-700">—</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {commitment.late && <Badge tone="danger">Échéance dépassée</Badge>}
      {commitment.underDelivered && <Badge tone="warning">Sous-réalisé</Badge>}
    </span>
  );
}

/** Where a commitment applies, in words. */
export function placeOf(c: Pick<CommitmentSummary, 'scope' | 'region' | 'territory' | 'regions'>): string {
  switch (c.scope) {
    case 'REGION':
      return `Région ${c.region?.name ?? ''}`.trim();
    case 'TERRITORY':
      return c.territory ? `${c.territory.name} (${c.regions.map((r) => r.name).join(', ')})` : 'Territoire';
    default:
      return 'National';
  }
}
