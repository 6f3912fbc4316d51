'use client';

// Renaming an operator (or changing its kind), on the form toolkit: base version sent, the one
// conflict panel when another administrator saved first. Pure logic: lib/admin/operator-form-logic.ts.
import { FormFeedback, SubmitBar } from '@/components/forms/form-feedback';
import { useForm } from '@/components/forms/use-form';
import { bindField } from '@/components/form-helpers/fields';
import { Select, TextInput } from '@/components/ui/form';
import { OPERATOR_KIND_LABELS } from '@/lib/admin/labels';
import {
  operatorConflictAdapter,
  operatorFormValues,
  operatorPayload,
  OPERATOR_FIELD_LABELS,
  type OperatorFormSource,
  type OperatorFormValues,
} from '@/lib/admin/operator-form-logic';
import { OPERATOR_KINDS } from '@/lib/admin/schemas';
import type { FormSaveResult } from '@/lib/forms/save-result';

const kindOptions = OPERATOR_KINDS.map((k) => ({ value: k, label: OPERATOR_KIND_LABELS[k] }));

export function OperatorForm({
  operator,
  slug,
  save,
}: {
  operator: OperatorFormSource;
  slug: string;
  save: (raw: unknown) => Promise<FormSaveResult>;
}) {
  const base = `op-${slug}`;
  const form = useForm<OperatorFormValues, OperatorFormSource, OperatorFormValues & { version: number }>({
    id: base,
    initialValues: () => operatorFormValues(operator),
    baseVersion: operator.version,
    validate: operatorPayload,
    save: (data) => save({ id: operator.id, data }),
    errorMap: {
      order: ['name', 'kind'],
      target: (key) => (key === 'name' ? `${base}-nom` : key === 'kind' ? `${base}-type` : null),
      text: (key, m) => `${OPERATOR_FIELD_LABELS[key] ?? key} : ${m}`,
    },
    conflict: operatorConflictAdapter,
    afterSave: 'stay',
  });
  return (
    <form {...form.formProps} className="mt-3 w-72 space-y-3">
      <FormFeedback form={form} submitLabel="Enregistrer" />
      <TextInput label="Nom" required maxLength={200} {...bindField(form, 'name', `${base}-nom`)} />
      <Select label="Type" options={kindOptions} {...bindField(form, 'kind', `${base}-type`)} />
      <SubmitBar form={form} label="Enregistrer" />
    </form>
  );
}
