// The operator edit form's pure logic: values, payload with its base version, conflict adapter.
import type { OperatorKind } from '@/lib/generated/prisma/enums';
import type { FieldErrors } from '@/lib/errors';
import { fieldErrorsFromZod } from '@/lib/validation';
import { OPERATOR_KIND_LABELS } from './labels';
import { operatorUpdateSchema } from './schemas';

export interface OperatorFormValues {
  name: string;
  kind: OperatorKind;
}

export interface OperatorFormSource extends OperatorFormValues {
  id: string;
  version: number;
}

export const OPERATOR_FIELD_LABELS: Record<string, string> = { name: 'Nom', kind: 'Type' };

export const operatorFormValues = (o: OperatorFormValues): OperatorFormValues => ({ name: o.name, kind: o.kind });

export function operatorPayload(values: OperatorFormValues, version: number): { data: OperatorFormValues & { version: number }; errors: FieldErrors } {
  const data = { name: values.name, kind: values.kind, version };
  const parsed = operatorUpdateSchema.safeParse(data);
  return { data, errors: parsed.success ? {} : fieldErrorsFromZod(parsed.error) };
}

export const operatorConflictAdapter = {
  entityKey: 'operator',
  valuesFrom: (dto: OperatorFormSource) => operatorFormValues(dto),
  compare: (values: OperatorFormValues, field: string): unknown => (field === 'name' ? values.name.trim() : values.kind),
  adopt: (values: OperatorFormValues, from: OperatorFormValues, field: string): OperatorFormValues =>
    field === 'name' ? { ...values, name: from.name } : field === 'kind' ? { ...values, kind: from.kind } : values,
  display: (values: OperatorFormValues, field: string): string => (field === 'kind' ? OPERATOR_KIND_LABELS[values.kind] : values.name),
  label: (field: string) => OPERATOR_FIELD_LABELS[field] ?? field,
};
