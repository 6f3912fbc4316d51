'use client';

// The regional committee form (create and edit), on the form toolkit (components/forms,
// ADR 0019): what is typed is never lost on a refused save, the error summary links to each
// field, a concurrent edit opens the one conflict panel (per field: keep mine / take theirs),
// leaving with unsaved changes asks first. Pure logic in committee-form-logic.ts; the action
// picker in action-picker.tsx.
import { useMemo, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { FormFeedback, SubmitBar } from '@/components/forms/form-feedback';
import { plural } from '@/components/forms/errors';
import { focusById, useForm } from '@/components/forms/use-form';
import { bindField } from '@/components/form-helpers/fields';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { RequiredFieldsNote, TextArea, TextInput } from '@/components/ui/form';
import type { CommitteeDto, LinkableTerritory } from '@/lib/committees/queries';
import { COMMITTEE_LIMITS } from '@/lib/committees/schemas';
import type { SaveCommitteeInput, SaveCommitteeResult } from '@/lib/committees/save-results';
import { ActionPicker } from './action-picker';
import {
  COMMITTEE_FIELD_IDS as ID,
  buildCommitteePayload,
  committeeConflictAdapter,
  committeeErrorMap,
  committeeTouchKey,
  committeeValuesOf,
  filterActionGroups,
  removeButtonId,
  type CommitteeFormInitial,
  type CommitteeValues,
} from './committee-form-logic';

export type { CommitteeFormInitial };

export interface CommitteeFormProps {
  mode: 'create' | 'update';
  regionCode: string;
  initial?: CommitteeFormInitial;
  territories: LinkableTerritory[];
  saveCommittee: (input: SaveCommitteeInput) => Promise<SaveCommitteeResult>;
  cancelHref: string;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card>
      <h2 className="mb-6 text-xl font-bold text-neutral-900">{title}</h2>
      <div className="space-y-6">{children}</div>
    </Card>
  );
}

export function CommitteeForm({ mode, regionCode, initial, territories, saveCommittee, cancelHref }: CommitteeFormProps) {
  const [filter, setFilter] = useState('');
  const actionsById = useMemo(() => {
    const map = new Map<string, { reference: string; title: string; territory: string }>();
    for (const g of territories) for (const a of g.actions) map.set(a.id, { reference: a.reference, title: a.title, territory: g.territory.name });
    return map;
  }, [territories]);
  const allIds = useMemo(() => territories.flatMap((g) => g.actions.map((a) => a.id)), [territories]);
  const conflict = useMemo(
    () =>
      committeeConflictAdapter((id) => {
        const a = actionsById.get(id);
        return a && `${a.territory} — ${a.reference} : ${a.title}`;
      }),
    [actionsById],
  );
  const visibleGroups = filterActionGroups(territories, filter);
  const submitLabel = mode === 'create' ? 'Enregistrer le comité' : 'Enregistrer les modifications';

  const form = useForm<CommitteeValues, CommitteeDto, Record<string, unknown>>({
    id: 'comite',
    initialValues: () => committeeValuesOf(initial),
    baseVersion: initial?.version ?? 0,
    validate: (values, version) => buildCommitteePayload(values, mode, version, allIds),
    save: (data) =>
      saveCommittee(mode === 'update' && initial ? { mode: 'update', id: initial.id, data } : { mode: 'create', regionCode, data }),
    errorMap: committeeErrorMap(visibleGroups[0]?.actions[0]?.id ?? null),
    touchKey: committeeTouchKey,
    conflict,
  });

  const selectedList = allIds.filter((id) => form.values.actionIds.includes(id));
  const toggle = (id: string, checked: boolean) =>
    form.update((v) => ({ ...v, actionIds: checked ? [...v.actionIds.filter((x) => x !== id), id] : v.actionIds.filter((x) => x !== id) }), 'actionIds');
  const removeSelected = (id: string, index: number) => {
    const remaining = selectedList.filter((x) => x !== id);
    flushSync(() => toggle(id, false));
    const next = remaining[Math.min(index, remaining.length - 1)];
    focusById(next ? removeButtonId(next) : ID.filter);
  };

  return (
    <form {...form.formProps} className="space-y-8">
      <FormFeedback form={form} submitLabel={submitLabel} />
      <RequiredFieldsNote />

      <Section title="Le comité">
        <TextInput
          label="Titre"
          required
          maxLength={COMMITTEE_LIMITS.title}
          {...bindField(form, 'title', ID.title, { hint: "Par exemple : Revue régionale Territoires d'industrie — 2e semestre" })}
        />
        <TextInput
          type="date"
          label="Date"
          required
          className="max-w-xs"
          {...bindField(form, 'date', ID.date, { hint: 'Format : jj/mm/aaaa' })}
        />
      </Section>

      <Section title="Participants et décisions">
        <TextArea
          label="Participants"
          rows={6}
          {...bindField(form, 'attendees', ID.attendees, {
            hint: `Un participant par ligne (nom, fonction, structure), ${COMMITTEE_LIMITS.attendees} au maximum.`,
            itemWord: 'Ligne',
          })}
        />
        <TextArea
          label="Décisions"
          rows={12}
          maxLength={COMMITTEE_LIMITS.decisions}
          {...bindField(form, 'decisions', ID.decisions, { hint: 'Relevé des décisions et suites à donner. Séparez les paragraphes par une ligne vide.' })}
        />
      </Section>

      <Card>
        <ActionPicker
          territories={territories}
          visibleGroups={visibleGroups}
          selectedList={selectedList}
          describe={(id) => actionsById.get(id)}
          filter={filter}
          onFilter={setFilter}
          onToggle={toggle}
          onRemove={removeSelected}
          onBlur={(e) => form.touchGroup('actionIds', e)}
          hint={`Actions des plans des territoires de la région. ${plural(selectedList.length, 'action sélectionnée', 'actions sélectionnées')}.`}
          errors={form.groupErrors('actionIds', 'Action')}
        />
      </Card>

      <SubmitBar form={form} label={submitLabel}>
        <ButtonLink href={cancelHref} variant="ghost">
          Annuler
        </ButtonLink>
      </SubmitBar>
    </form>
  );
}
