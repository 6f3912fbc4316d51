'use client';

// The territory edit form, on the form toolkit (components/forms): error summary, per-field
// errors, the one conflict panel (keep mine / take theirs) when another administrator saved
// first, unsaved-changes warning. Pure logic: lib/admin/territory-form-logic.ts.
import Link from 'next/link';
import { FormFeedback, SubmitBar } from '@/components/forms/form-feedback';
import { useForm } from '@/components/forms/use-form';
import { bindField } from '@/components/form-helpers/fields';
import { buttonClasses } from '@/components/ui/button';
import { RadioGroup, RequiredFieldsNote, Select, TextArea, TextInput } from '@/components/ui/form';
import { TERRITORY_PHASES, TERRITORY_STATUSES } from '@/lib/admin/schemas';
import {
  territoryConflictAdapter,
  territoryFormValues,
  territoryPayload,
  TERRITORY_FIELD_LABELS,
  TERRITORY_FORM_FIELDS,
  type TerritoryFormSource,
  type TerritoryFormValues,
  type TerritoryPayload,
} from '@/lib/admin/territory-form-logic';
import type { FormSaveResult } from '@/lib/forms/save-result';
import { TERRITORY_PHASE_LABELS, TERRITORY_STATUS_LABELS } from '@/lib/labels';
import type { TerritoryPhase } from '@/lib/generated/prisma/enums';

const ids: Record<string, string> = { name: 'name', officialId: 'officialId', phase: 'phase-0', status: 'status', epcis: 'epcis' };

export function TerritoryForm({
  slug,
  initial,
  save,
}: {
  slug: string;
  initial: TerritoryFormSource;
  save: (raw: unknown) => Promise<FormSaveResult>;
}) {
  const form = useForm<TerritoryFormValues, TerritoryFormSource, TerritoryPayload>({
    id: 'territoire',
    initialValues: () => territoryFormValues(initial),
    baseVersion: initial.version,
    validate: territoryPayload,
    save: (data) => save({ slug, data }),
    errorMap: {
      order: TERRITORY_FORM_FIELDS,
      target: (key) => ids[key.split('.')[0] ?? ''] ?? null,
      text: (key, m) => `${TERRITORY_FIELD_LABELS[key.split('.')[0] ?? ''] ?? key} : ${m}`,
    },
    touchKey: (key) => key.split('.')[0] ?? key,
    conflict: territoryConflictAdapter,
  });
  return (
    <form {...form.formProps} className="space-y-6">
      <FormFeedback form={form} submitLabel="Enregistrer le territoire" />
      <RequiredFieldsNote />
      <div className="grid gap-4 md:grid-cols-2">
        <TextInput label="Nom" required maxLength={200} {...bindField(form, 'name', 'name')} />
        <TextInput
          label="Identifiant officiel"
          maxLength={15}
          {...bindField(form, 'officialId', 'officialId', { hint: 'Celui de la liste publiée sur data.gouv.fr (ti-XXXX). Vide : aucun.' })}
        />
        <RadioGroup
          key={`phase-${form.revision}`}
          id="phase"
          name="phase"
          label="Phase"
          required
          hint={form.hint('phase')}
          defaultValue={form.values.phase}
          onChange={(e) => form.setField('phase', e.target.value as TerritoryPhase)}
          options={TERRITORY_PHASES.map((p) => ({ value: p, label: TERRITORY_PHASE_LABELS[p] }))}
          error={form.errorsFor('phase')}
        />
        <Select
          label="Statut"
          required
          options={TERRITORY_STATUSES.map((s) => ({ value: s, label: TERRITORY_STATUS_LABELS[s] }))}
          {...bindField(form, 'status', 'status')}
        />
      </div>
      <TextArea
        label="Composition : SIREN des EPCI"
        required
        rows={8}
        className="max-w-md"
        {...bindField(form, 'epcis', 'epcis', {
          itemWord: 'Ligne',
          hint: 'Un SIREN (9 chiffres) par ligne, ou séparés par des virgules. La liste remplace la composition actuelle ; départements, régions et population sont recalculés, et les copilotes régionaux voient le territoire selon ses nouvelles régions.',
        })}
      />
      <SubmitBar form={form} label="Enregistrer le territoire">
        <Link href="/administration/territoires" className={buttonClasses('ghost', 'md')}>
          Retour à la liste
        </Link>
      </SubmitBar>
    </form>
  );
}
