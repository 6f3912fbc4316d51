'use client';

// Recording or editing an operator's commitment (national staff), on the form toolkit
// (components/forms, ADR 0019): what is typed is never lost on a refused save, the error
// summary links to each field, a concurrent edit opens the one conflict panel (per field:
// keep mine / take theirs), leaving with unsaved changes asks first. The pure logic
// (payload, error keys, conflict fields) is in commitment-form-logic.ts.
import { useMemo } from 'react';
import { FormFeedback, SubmitBar } from '@/components/forms/form-feedback';
import { useForm } from '@/components/forms/use-form';
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
  type CommitmentFormField,
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
  /** A new scope makes the place errors stale. */
  const set = (field: CommitmentFormField, value: string) =>
    form.update((v) => ({ ...v, [field]: value }), commitmentFieldsClearedBy(field));

  const selectedTerritory = options.territories.find((t) => t.slug === form.values.territory);
  const regionName = (code: string) => options.regions.find((r) => r.code === code)?.name ?? code;
  const promisedPreview = parseDecimalInput(form.values.promised);

  return (
    <form {...form.formProps} className="space-y-8">
      <FormFeedback form={form} submitLabel={submitLabel} />
      <RequiredFieldsNote />

      <Card title="L’engagement">
        <div className="space-y-6">
          <Select
            id={ID.operator}
            hint={form.hint('operator')}
            name="operator"
            label="Opérateur"
            required
            placeholder="— Choisir l’opérateur —"
            options={options.operators.map((o) => ({ value: o.slug, label: o.name }))}
            value={form.values.operator}
            error={form.errorsFor('operator')}
            onChange={(e) => set('operator', e.target.value)}
            onBlur={() => form.touch('operator')}
            className="max-w-md"
          />
          <TextInput
            id={ID.title}
            name="title"
            label="Intitulé"
            required
            maxLength={COMMITMENT_LIMITS.title}
            hint={form.hint('title', 'Ce à quoi l’opérateur s’engage, par exemple : Cofinancement de l’ingénierie des chefs de projet.')}
            value={form.values.title}
            error={form.errorsFor('title')}
            onChange={(e) => set('title', e.target.value)}
            onBlur={() => form.touch('title')}
          />
          <TextArea
            id={ID.description}
            name="description"
            label="Description"
            rows={4}
            maxLength={COMMITMENT_LIMITS.description}
            hint={form.hint('description', 'Modalités, conditions, contacts (facultatif).')}
            value={form.values.description}
            error={form.errorsFor('description')}
            onChange={(e) => set('description', e.target.value)}
            onBlur={() => form.touch('description')}
          />
          <Select
            id={ID.axis}
            hint={form.hint('axis')}
            name="axis"
            label="Axe du programme"
            options={[{ value: '', label: 'Aucun axe en particulier' }, ...AXES.map((a) => ({ value: a, label: AXIS_SHORT_LABELS[a] }))]}
            value={form.values.axis}
            error={form.errorsFor('axis')}
            onChange={(e) => set('axis', e.target.value)}
            onBlur={() => form.touch('axis')}
            className="max-w-md"
          />
        </div>
      </Card>

      <Card title="Où s’applique l’engagement">
        <div className="space-y-6">
          <Select
            id={ID.scope}
            name="scope"
            label="Portée"
            required
            hint={form.hint('scope', 'Un engagement national concerne tout le programme ; un engagement régional, une région ; un engagement territorial, un territoire d’industrie.')}
            placeholder="— Choisir la portée —"
            options={COMMITMENT_SCOPES.map((s) => ({ value: s, label: COMMITMENT_SCOPE_LABELS[s] }))}
            value={form.values.scope}
            error={form.errorsFor('scope')}
            onChange={(e) => set('scope', e.target.value)}
            onBlur={() => form.touch('scope')}
            className="max-w-md"
          />
          {form.values.scope === 'REGION' && (
            <Select
              id={ID.regionCode}
              hint={form.hint('regionCode')}
              name="regionCode"
              label="Région"
              required
              placeholder="— Choisir la région —"
              options={options.regions.map((r) => ({ value: r.code, label: r.name }))}
              value={form.values.regionCode}
              error={form.errorsFor('regionCode')}
              onChange={(e) => set('regionCode', e.target.value)}
              onBlur={() => form.touch('regionCode')}
              className="max-w-md"
            />
          )}
          {form.values.scope === 'TERRITORY' && (
            <Select
              id={ID.territory}
              name="territory"
              label="Territoire d’industrie"
              required
              placeholder="— Choisir le territoire —"
              hint={form.hint(
                'territory',
                selectedTerritory
                  ? `Région${selectedTerritory.regionCodes.length > 1 ? 's' : ''} : ${selectedTerritory.regionCodes.map(regionName).join(', ')}.`
                  : undefined,
              )}
              options={options.territories.map((t) => ({ value: t.slug, label: t.name }))}
              value={form.values.territory}
              error={form.errorsFor('territory')}
              onChange={(e) => set('territory', e.target.value)}
              onBlur={() => form.touch('territory')}
              className="max-w-md"
            />
          )}
        </div>
      </Card>

      <Card title="Combien et quand">
        <div className="grid gap-6 sm:grid-cols-3">
          <TextInput
            id={ID.unit}
            name="unit"
            label="Unité"
            required
            maxLength={COMMITMENT_LIMITS.unit}
            list="engagement-unites"
            autoComplete="off"
            hint={form.hint('unit', 'EUR pour un montant en euros ; sinon ce qui est compté (entreprises, recrutements…).')}
            value={form.values.unit}
            error={form.errorsFor('unit')}
            onChange={(e) => set('unit', e.target.value)}
            onBlur={() => form.touch('unit')}
          />
          <datalist id="engagement-unites">
            {UNIT_SUGGESTIONS.map((u) => (
              <option key={u} value={u} />
            ))}
          </datalist>
          <TextInput
            id={ID.promised}
            name="promised"
            label="Promis"
            required
            inputMode="decimal"
            autoComplete="off"
            hint={form.hint(
              'promised',
              typeof promisedPreview === 'number' && form.values.unit.trim()
                ? `Soit ${formatQuantity(promisedPreview, isEuroUnit(form.values.unit) ? 'EUR' : form.values.unit.trim())}.`
                : 'Nombre, deux décimales au plus (1 500 000 ou 12,5).',
            )}
            value={form.values.promised}
            error={form.errorsFor('promised')}
            onChange={(e) => set('promised', e.target.value)}
            onBlur={() => form.touch('promised')}
          />
          <TextInput
            id={ID.dueDate}
            name="dueDate"
            type="date"
            label="Échéance"
            hint={form.hint('dueDate', 'Date à laquelle tout doit être réalisé (facultative).')}
            value={form.values.dueDate}
            error={form.errorsFor('dueDate')}
            onChange={(e) => set('dueDate', e.target.value)}
            onBlur={() => form.touch('dueDate')}
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
