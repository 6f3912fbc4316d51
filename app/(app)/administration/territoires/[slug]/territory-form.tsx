'use client';

// The territory edit form, on the form toolkit (components/forms): error summary, per-field
// errors, the one conflict panel (keep mine / take theirs) when another administrator saved
// first, unsaved-changes warning. Pure logic: lib/admin/territory-form-logic.ts.
import Link from 'next/link';
import { FormFeedback, SubmitBar } from '@/components/forms/form-feedback';
import { useForm } from '@/components/forms/use-form';
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
import type { TerritoryPhase, TerritoryStatus } from '@/lib/generated/prisma/enums';

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
        <TextInput
          id="name"
          name="name"
          label="Nom"
          required
          maxLength={200}
          value={form.values.name}
          onChange={(e) => form.setField('name', e.target.value)}
          onBlur={() => form.touch('name')}
          error={form.errorsFor('name')}
          hint={form.hint('name')}
        />
        <TextInput
          id="officialId"
          name="officialId"
          label="Identifiant officiel"
          hint={form.hint('officialId', 'Celui de la liste publiée sur data.gouv.fr (ti-XXXX). Vide : aucun.')}
          maxLength={15}
          value={form.values.officialId}
          onChange={(e) => form.setField('officialId', e.target.value)}
          onBlur={() => form.touch('officialId')}
          error={form.errorsFor('officialId')}
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
          id="status"
          name="status"
          label="Statut"
          required
          hint={form.hint('status')}
          value={form.values.status}
          onChange={(e) => form.setField('status', e.target.value as TerritoryStatus)}
          onBlur={() => form.touch('status')}
          options={TERRITORY_STATUSES.map((s) => ({ value: s, label: TERRITORY_STATUS_LABELS[s] }))}
          error={form.errorsFor('status')}
        />
      </div>
      <TextArea
        id="epcis"
        name="epcis"
        label="Composition : SIREN des EPCI"
        required
        rows={8}
        hint={form.hint(
          'epcis',
          'Un SIREN (9 chiffres) par ligne, ou séparés par des virgules. La liste remplace la composition actuelle ; départements, régions et population sont recalculés, et les copilotes régionaux voient le territoire selon ses nouvelles régions.',
        )}
        value={form.values.epcis}
        onChange={(e) => form.setField('epcis', e.target.value)}
        onBlur={() => form.touch('epcis')}
        className="max-w-md"
        error={form.groupErrors('epcis', 'Ligne')}
      />
      <SubmitBar form={form} label="Enregistrer le territoire">
        <Link href="/administration/territoires" className={buttonClasses('ghost', 'md')}>
          Retour à la liste
        </Link>
      </SubmitBar>
    </form>
  );
}
