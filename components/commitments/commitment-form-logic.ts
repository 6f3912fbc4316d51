// The commitment form's pure logic, apart from its markup (ADR 0020): the values the form
// holds, the payload the schemas expect, the errors it would get, which field an error
// key belongs to, and what a conflict's "take theirs" puts back.
import { parseDecimalInput } from '@/components/actions/money';
import type { ConflictAdapter } from '@/components/forms/conflict';
import { fieldOfKey, labelledErrorMap } from '@/components/form-helpers/fields';
import type { CommitmentDto, CommitmentFormOptions } from '@/lib/commitments/queries';
import { commitmentCreateSchema, commitmentUpdateSchema } from '@/lib/commitments/schemas';
import { COMMITMENT_FIELD_LABELS, COMMITMENT_SCOPE_LABELS, EURO_UNIT, formatQuantity, formatQuantityInput } from '@/lib/commitments/labels';
import type { FieldErrors } from '@/lib/errors';
import type { Axis, CommitmentScope } from '@/lib/generated/prisma/enums';
import { AXIS_SHORT_LABELS, formatDate } from '@/lib/labels';
import { fieldErrorsFromZod } from '@/lib/validation';
import { savedCommitments } from './current-value';

export interface CommitmentValues {
  operator: string;
  title: string;
  description: string;
  axis: string;
  scope: string;
  regionCode: string;
  territory: string;
  unit: string;
  promised: string;
  dueDate: string;
}

export type CommitmentFormField = keyof CommitmentValues;

/** Field ids (error summary links, focus), in form order. */
export const COMMITMENT_FIELD_IDS: Record<CommitmentFormField, string> = {
  operator: 'engagement-operateur',
  title: 'engagement-intitule',
  description: 'engagement-description',
  axis: 'engagement-axe',
  scope: 'engagement-portee',
  regionCode: 'engagement-region',
  territory: 'engagement-territoire',
  unit: 'engagement-unite',
  promised: 'engagement-promis',
  dueDate: 'engagement-echeance',
};

export const COMMITMENT_FORM_FIELDS = Object.keys(COMMITMENT_FIELD_IDS) as CommitmentFormField[];

export const COMMITMENT_FORM_LABELS: Record<string, string> = COMMITMENT_FIELD_LABELS;

export const EMPTY_COMMITMENT: CommitmentValues = {
  operator: '',
  title: '',
  description: '',
  axis: '',
  scope: '',
  regionCode: '',
  territory: '',
  unit: '',
  promised: '',
  dueDate: '',
};

export function commitmentValuesOf(c: CommitmentDto | undefined): CommitmentValues {
  if (!c) return { ...EMPTY_COMMITMENT };
  return {
    operator: c.operator.slug,
    title: c.title,
    description: c.description,
    axis: c.axis ?? '',
    scope: c.scope,
    regionCode: c.region?.code ?? '',
    territory: c.territory?.slug ?? '',
    unit: c.unit,
    promised: formatQuantityInput(c.promised),
    dueDate: c.dueDate ?? '',
  };
}

/** The form field an error key belongs to (`promised` → promised; `_` → none). */
export const commitmentFieldOf = (key: string): CommitmentFormField | null => fieldOfKey(key, COMMITMENT_FIELD_IDS);

/** Fields whose errors a change of `field` makes stale (a new scope drops the place errors). */
export function commitmentFieldsClearedBy(field: CommitmentFormField): CommitmentFormField[] {
  return field === 'scope' ? ['scope', 'regionCode', 'territory'] : [field];
}

/** The payload the schemas expect, and the French errors it would get, per field key. */
export function buildCommitmentPayload(
  v: CommitmentValues,
  mode: 'create' | 'update',
  baseVersion: number,
): { data: Record<string, unknown>; errors: FieldErrors } {
  const promised = parseDecimalInput(v.promised);
  const data: Record<string, unknown> = {
    ...(mode === 'update' ? { version: baseVersion } : {}),
    operator: v.operator || undefined,
    title: v.title,
    description: v.description,
    axis: v.axis || null,
    scope: v.scope || undefined,
    ...(v.scope === 'REGION' ? { regionCode: v.regionCode || null } : {}),
    ...(v.scope === 'TERRITORY' ? { territory: v.territory || null } : {}),
    unit: v.unit,
    promised: promised === 'invalid' ? undefined : (promised ?? undefined),
    dueDate: v.dueDate || null,
  };
  const result = (mode === 'update' ? commitmentUpdateSchema : commitmentCreateSchema).safeParse(data);
  const errors: FieldErrors = result.success ? {} : fieldErrorsFromZod(result.error);
  // In update mode every field is optional for the schema, but the form always sends them.
  if (mode === 'update') {
    if (!v.operator) errors.operator ??= ['Opérateur : champ obligatoire.'];
    if (!v.scope) errors.scope ??= ['La portée : champ obligatoire.'];
    if (promised === null) errors.promised ??= ['Le promis : champ obligatoire.'];
  }
  if (promised === 'invalid') errors.promised = ['Saisissez un nombre, par exemple 1 500 000 ou 12,5.'];
  return { data, errors };
}

/** "EUR", "€", "euros" typed as a unit all mean an amount in euros. */
export const isEuroUnit = (unit: string) => /^(eur|€|euros?)$/i.test(unit.trim());

/** The summary: fields in form order, each message prefixed with its field's label. */
export const COMMITMENT_ERROR_MAP = labelledErrorMap(COMMITMENT_FIELD_IDS, COMMITMENT_FORM_LABELS, COMMITMENT_FORM_FIELDS);

const isFormField = (field: string): field is CommitmentFormField => commitmentFieldOf(field) === field;

/**
 * How the conflict panel compares, shows and takes each field of the commitment form. Fields
 * the form does not edit (delivery, status, funded actions) are reported with their saved value.
 */
export function commitmentConflictAdapter(options: CommitmentFormOptions): ConflictAdapter<CommitmentValues, CommitmentDto> {
  const saved = savedCommitments<CommitmentValues>();
  const display = (v: CommitmentValues, field: CommitmentFormField): string => {
    const value = v[field];
    switch (field) {
      case 'operator':
        return options.operators.find((o) => o.slug === value)?.name ?? (value || '—');
      case 'axis':
        return value ? (AXIS_SHORT_LABELS[value as Axis] ?? value) : 'Aucun axe';
      case 'scope':
        return value ? (COMMITMENT_SCOPE_LABELS[value as CommitmentScope] ?? value) : '—';
      case 'regionCode':
        return options.regions.find((r) => r.code === value)?.name ?? (value || '—');
      case 'territory':
        return options.territories.find((t) => t.slug === value)?.name ?? (value || '—');
      case 'promised': {
        const n = parseDecimalInput(value);
        return typeof n === 'number' ? formatQuantity(n, isEuroUnit(v.unit) ? EURO_UNIT : v.unit.trim()) : value || '—';
      }
      case 'dueDate':
        return value ? formatDate(value) : 'Aucune';
      default:
        return value || '—';
    }
  };
  return {
    entityKey: 'commitment',
    valuesFrom: (dto) => saved.remember(dto, commitmentValuesOf(dto)),
    compare: (v, field) => (field === 'promised' ? parseDecimalInput(v.promised) : isFormField(field) ? v[field].trim() : null),
    adopt: (v, from, field) => (isFormField(field) ? { ...v, [field]: from[field] } : v),
    display: (v, field) => (isFormField(field) ? display(v, field) : saved.display(v, field)),
    label: (field) => COMMITMENT_FORM_LABELS[field] ?? field,
    editable: isFormField,
  };
}
