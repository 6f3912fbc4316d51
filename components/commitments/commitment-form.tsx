'use client';

// Recording or editing an operator's commitment (national staff), on the form toolkit
// (components/forms, ADR 0019): what is typed is never lost on a refused save, the error
// summary links to each field, a concurrent edit opens the one conflict panel (per field:
// keep mine / take theirs), leaving with unsaved changes asks first. The pure logic
// (payload, error keys, conflict fields) is in commitment-form-logic.ts.
import { useMemo } from 'react';
import { FormFeedback, SubmitBar } from '@/components/forms/form-feedback';
import { useForm } from '@/components/forms/use-form';
import { bindField } from '@/components/form-helpers/fields';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { RequiredFieldsNote, Select, TextArea, TextInput } from '@/components/ui/form';
import { parseDecimalInput } from '@/components/actions/money';
import { AXES } from '@/lib/actions/schemas';
import { AXIS_SHORT_LABELS } from '@/lib/labels';
import type { CommitmentDto, CommitmentFormOptions } from '@/lib/commitments/queries';
import { COMMITMENT_LIMITS, COMMITMENT_SCOPES } from '@/lib/commitments/schemas';
import type { SaveCommitmentInput, SaveCommitmentResult } from '@/lib/commitments/save-results';
import { COMMITMENT_SCOPE_LABELS, formatQuantity } from '@/lib/commitments/labels';
import {
  COMMITMENT_ERROR_MAP,
  COMMITMENT_FIELD_IDS as ID,
  buildCommitmentPayload,
  commitmentConflictAdapter,
  commitmentFieldsClearedBy,
  commitmentValuesOf,
  isEuroUnit,
  type CommitmentValues,
} from './commitment-form-logic';

const UNIT_SUGGESTIONS = ['EUR', 'entreprises', 'recrutements', 'territoires accompagnés', 'projets', 'diagnostics', 'hectares'];

export interface CommitmentFormProps {
  mode: 'create' | 'update';
  initial?: CommitmentDto;
  options: CommitmentFormOptions;
  saveCommitment: (input: SaveCommitmentInput) => Promise<SaveCommitmentResult>;
  cancelHref: string;
}

export function CommitmentForm({ mode, initial, options, saveCommitment, cancelHref }: CommitmentFormProps) {
  const conflict = useMemo(() => commitmentConflictAdapter(options), [options]);
  const submitLabel = mode === 'create' ? 'Enregistrer l’engagement' : 'Enregistrer les modifications';
  const form = useForm<CommitmentValues, CommitmentDto, Record<string, unknown>>({
    id: 'engagement',
    initialValues: () => commitmentValuesOf(initial),
    baseVersion: initial?.version ?? 0,
    validate: (values, version) => buildCommitmentPayload(values, mode, version),
    save: (data) => saveCommitment(mode === 'update' && initial ? { mode: 'update', id: initial.id, data } : { mode: 'create', data }),
    errorMap: COMMITMENT_ERROR_MAP,
    conflict,
  });
  const selectedTerritory = options.territories.find((t) => t.slug === form.values.territory);
  const regionName = (code: string) => options.regions.find((r) => r.code === code)?.name ?? code;
  const territoryHint = selectedTerritory
    ? `Région${selectedTerritory.regionCodes.length > 1 ? 's' : ''} : ${selectedTerritory.regionCodes.map(regionName).join(', ')}.`
    : undefined;
  const promisedPreview = parseDecimalInput(form.values.promised);
  const promisedHint =
    typeof promisedPreview === 'number' && form.values.unit.trim()
      ? `Soit ${formatQuantity(promisedPreview, isEuroUnit(form.values.unit) ? 'EUR' : form.values.unit.trim())}.`
      : 'Nombre, deux décimales au plus (1 500 000 ou 12,5).';

  return (
    <form {...form.formProps} className="space-y-8">
      <FormFeedback form={form} submitLabel={submitLabel} />
      <RequiredFieldsNote />

      <Card title="L’engagement">
        <div className="space-y-6">
          <Select
            label="Opérateur"
            required
            placeholder="— Choisir l’opérateur —"
            options={options.operators.map((o) => ({ value: o.slug, label: o.name }))}
            className="max-w-md"
            {...bindField(form, 'operator', ID.operator)}
          />
          <TextInput
            label="Intitulé"
            required
            maxLength={COMMITMENT_LIMITS.title}
            {...bindField(form, 'title', ID.title, { hint: 'Ce à quoi l’opérateur s’engage, par exemple : Cofinancement de l’ingénierie des chefs de projet.' })}
          />
          <TextArea
            label="Description"
            rows={4}
            maxLength={COMMITMENT_LIMITS.description}
            {...bindField(form, 'description', ID.description, { hint: 'Modalités, conditions, contacts (facultatif).' })}
          />
          <Select
            label="Axe du programme"
            options={[{ value: '', label: 'Aucun axe en particulier' }, ...AXES.map((a) => ({ value: a, label: AXIS_SHORT_LABELS[a] }))]}
            className="max-w-md"
            {...bindField(form, 'axis', ID.axis)}
          />
        </div>
      </Card>

      <Card title="Où s’applique l’engagement">
        <div className="space-y-6">
          <Select
            label="Portée"
            required
            placeholder="— Choisir la portée —"
            options={COMMITMENT_SCOPES.map((s) => ({ value: s, label: COMMITMENT_SCOPE_LABELS[s] }))}
            className="max-w-md"
            {...bindField(form, 'scope', ID.scope, {
              hint: 'Un engagement national concerne tout le programme ; un engagement régional, une région ; un engagement territorial, un territoire d’industrie.',
              clears: commitmentFieldsClearedBy('scope'),
            })}
          />
          {form.values.scope === 'REGION' && (
            <Select
              label="Région"
              required
              placeholder="— Choisir la région —"
              options={options.regions.map((r) => ({ value: r.code, label: r.name }))}
              className="max-w-md"
              {...bindField(form, 'regionCode', ID.regionCode)}
            />
          )}
          {form.values.scope === 'TERRITORY' && (
            <Select
              label="Territoire d’industrie"
              required
              placeholder="— Choisir le territoire —"
              options={options.territories.map((t) => ({ value: t.slug, label: t.name }))}
              className="max-w-md"
              {...bindField(form, 'territory', ID.territory, { hint: territoryHint })}
            />
          )}
        </div>
      </Card>

      <Card title="Combien et quand">
        <div className="grid gap-6 sm:grid-cols-3">
          <TextInput
            label="Unité"
            required
            maxLength={COMMITMENT_LIMITS.unit}
            list="engagement-unites"
            autoComplete="off"
            {...bindField(form, 'unit', ID.unit, { hint: 'EUR pour un montant en euros ; sinon ce qui est compté (entreprises, recrutements…).' })}
          />
          <datalist id="engagement-unites">
            {UNIT_SUGGESTIONS.map((u) => (
              <option key={u} value={u} />
            ))}
          </datalist>
          <TextInput
            label="Promis"
            required
            inputMode="decimal"
            autoComplete="off"
            {...bindField(form, 'promised', ID.promised, { hint: promisedHint })}
          />
          <TextInput
            type="date"
            label="Échéance"
            {...bindField(form, 'dueDate', ID.dueDate, { hint: 'Date à laquelle tout doit être réalisé (facultative).' })}
          />
        </div>
      </Card>

      <SubmitBar form={form} label={submitLabel}>
        <ButtonLink href={cancelHref} variant="ghost">
          Annuler
        </ButtonLink>
      </SubmitBar>
    </form>
  );
}
