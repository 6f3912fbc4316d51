// The delivery form's pure logic, apart from its markup (ADR 0020).
import { parseDecimalInput } from '@/components/actions/money';
import type { ConflictAdapter } from '@/components/forms/conflict';
import { fieldOfKey, labelledErrorMap } from '@/components/form-helpers/fields';
import type { CommitmentDto } from '@/lib/commitments/queries';
import { COMMITMENT_STATUSES, deliveryUpdateSchema } from '@/lib/commitments/schemas';
import { COMMITMENT_FIELD_LABELS, COMMITMENT_STATUS_LABELS, formatQuantity, formatQuantityInput } from '@/lib/commitments/labels';
import { savedCommitments } from './current-value';
import type { FieldErrors } from '@/lib/errors';
import type { CommitmentStatus } from '@/lib/generated/prisma/enums';
import { fieldErrorsFromZod } from '@/lib/validation';

export interface DeliveryValues {
  delivered: string;
  status: CommitmentStatus;
}

export type DeliveryFormField = keyof DeliveryValues;

export const DELIVERY_FIELD_IDS: Record<DeliveryFormField, string> = {
  delivered: 'realisation-quantite',
  status: 'realisation-statut',
};

export const deliveryValuesOf = (c: Pick<CommitmentDto, 'delivered' | 'status'>): DeliveryValues => ({
  delivered: formatQuantityInput(c.delivered),
  status: c.status,
});

export const deliveryFieldOf = (key: string): DeliveryFormField | null => fieldOfKey(key, DELIVERY_FIELD_IDS);

/** The payload `deliveryUpdateSchema` expects, and the French errors it would get. */
export function buildDeliveryPayload(v: DeliveryValues, baseVersion: number): { data: Record<string, unknown>; errors: FieldErrors } {
  const n = parseDecimalInput(v.delivered);
  const data = { version: baseVersion, ...(typeof n === 'number' ? { delivered: n } : {}), status: v.status };
  const result = deliveryUpdateSchema.safeParse(data);
  const errors: FieldErrors = result.success ? {} : fieldErrorsFromZod(result.error);
  if (n === 'invalid') errors.delivered = ['Saisissez un nombre, par exemple 250 000 ou 12,5.'];
  if (n === null) errors.delivered = ['Le réalisé : champ obligatoire (0 si rien n’est encore réalisé).'];
  return { data, errors };
}

/** Statuses the person may pick: only national staff may cancel (policy `commitment:cancel`). */
export function selectableStatuses(status: CommitmentStatus, canManage: boolean): CommitmentStatus[] {
  return COMMITMENT_STATUSES.filter((s) => s !== 'CANCELLED' || canManage || status === 'CANCELLED');
}

const LABELS: Record<string, string> = COMMITMENT_FIELD_LABELS;

export const DELIVERY_ERROR_MAP = labelledErrorMap(DELIVERY_FIELD_IDS, LABELS, ['delivered', 'status']);

/** The conflict panel of the delivery form: delivered and status are edited, the rest reported. */
export function deliveryConflictAdapter(unit: string): ConflictAdapter<DeliveryValues, CommitmentDto> {
  const saved = savedCommitments<DeliveryValues>();
  return {
    entityKey: 'commitment',
    valuesFrom: (dto) => saved.remember(dto, deliveryValuesOf(dto)),
    compare: (v, field) => (field === 'delivered' ? parseDecimalInput(v.delivered) : field === 'status' ? v.status : null),
    adopt: (v, from, field) => (deliveryFieldOf(field) === field ? { ...v, [field]: from[field as DeliveryFormField] } : v),
    display: (v, field) => {
      if (field === 'status') return COMMITMENT_STATUS_LABELS[v.status];
      if (field !== 'delivered') return saved.display(v, field);
      const n = parseDecimalInput(v.delivered);
      return typeof n === 'number' ? formatQuantity(n, unit) : v.delivered || '—';
    },
    label: (field) => LABELS[field] ?? field,
    editable: (field) => deliveryFieldOf(field) === field,
  };
}
