// French labels and formatting of commitments, shared by pages, forms and messages.
import type { CommitmentScope, CommitmentStatus } from '@/lib/generated/prisma/enums';

export const COMMITMENT_STATUS_LABELS: Record<CommitmentStatus, string> = {
  PLANNED: 'Prévu',
  IN_PROGRESS: 'En cours',
  DELIVERED: 'Réalisé',
  LATE: 'Retard signalé',
  CANCELLED: 'Annulé',
};

export const COMMITMENT_STATUS_TONES: Record<CommitmentStatus, 'neutral' | 'info' | 'success' | 'warning' | 'danger'> = {
  PLANNED: 'neutral',
  IN_PROGRESS: 'info',
  DELIVERED: 'success',
  LATE: 'warning',
  CANCELLED: 'neutral',
};

export const COMMITMENT_SCOPE_LABELS: Record<CommitmentScope, string> = {
  NATIONAL: 'National',
  REGION: 'Région',
  TERRITORY: 'Territoire',
};

/** What the audit trail and conflict messages call each recorded field. */
export const COMMITMENT_FIELD_LABELS = {
  operator: 'Opérateur',
  title: 'Intitulé',
  description: 'Description',
  axis: 'Axe',
  scope: 'Portée',
  regionCode: 'Région',
  territory: 'Territoire',
  unit: 'Unité',
  promised: 'Promis',
  delivered: 'Réalisé',
  dueDate: 'Échéance',
  status: 'Statut',
  actionIds: 'Actions financées',
} as const;

export type CommitmentField = keyof typeof COMMITMENT_FIELD_LABELS;

/** The unit that marks an amount in euros. */
export const EURO_UNIT = 'EUR';

const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 2, minimumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 });

/** "62 500 000 €", "310 entreprises". */
export function formatQuantity(value: number, unit: string): string {
  return unit === EURO_UNIT ? euros.format(value) : `${decimal.format(value)} ${unit}`;
}

export const formatShare = (share: number | null): string => (share === null ? '—' : percent.format(share));

/** A quantity as typed in a French field: decimal comma, no grouping. */
export const formatQuantityInput = (n: number): string => String(n).replace('.', ',');
