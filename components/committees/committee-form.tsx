'use client';

// The regional committee form (create and edit), on the form toolkit (components/forms,
// ADR 0019): what is typed is never lost on a refused save, the error summary links to each
// field, a concurrent edit opens the one conflict panel (per field: keep mine / take theirs),
// leaving with unsaved changes asks first. Pure logic in committee-form-logic.ts; the action
// picker in action-picker.tsx.
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { FormFeedback, SubmitBar } from '@/components/forms/form-feedback';
import { plural } from '@/components/forms/errors';
import { focusById, useForm } from '@/components/forms/use-form';
import { bindField } from '@/components/form-helpers/fields';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { RequiredFieldsNote, TextArea, TextInput } from '@/components/ui/form';
import type { CommitteeDto, LinkableTerritory } from '@/lib/committees/queries';
import type { LinkableSearch } from '@/lib/committees/picker';
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
  removeButtonId,
  type CommitteeFormInitial,
  type CommitteeValues,
} from './committee-form-logic';

export type { CommitteeFormInitial };

export interface CommitteeFormProps {
  mode: 'create' | 'update';
  regionCode: string;
  initial?: CommitteeFormInitial;
  /** The actions already linked (an edit), described for the selection list. */
  selectedActions: LinkableTerritory[];
  /** The picker's first results (no filter). */
  initialResults: LinkableSearch;
  /** The region's actions matching a filter (server action, at most 50 at a time). */
  searchActions: (input: { regionCode: string; query: string }) => Promise<LinkableSearch | null>;
  saveCommittee: (input: SaveCommitteeInput) => Promise<SaveCommitteeResult>;
  cancelHref: string;
}

type ActionDescription = { reference: string; title: string; territory: string };

function describeActions(map: Map<string, ActionDescription>, groups: LinkableTerritory[]): Map<string, ActionDescription> {
  for (const g of groups) for (const a of g.actions) map.set(a.id, { reference: a.reference, title: a.title, territory: g.territory.name });
  return map;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card>
      <h2 className="mb-6 text-xl font-bold text-neutral-900">{title}</h2>
      <div className="space-y-6">{children}</div>
    </Card>
  );
}

export function CommitteeForm({ mode, regionCode, initial, selectedActions, initialResults, searchActions, saveCommittee, cancelHref }: CommitteeFormProps) {
  const [filter, setFilter] = useState('');
  const [results, setResults] = useState({ query: '', ...initialResults });
  // Every action seen (the initial selection, then each answer) stays described, so that
  // the selection can list actions the current filter hides.
  const [known, setKnown] = useState(() => describeActions(new Map(), [...selectedActions, ...initialResults.groups]));
  const [searching, setSearching] = useState(false);
  // The picker asks the server for the actions matching the filter (a region holds too many
  // to send them all, ADR 0026): a quarter of a second after the last keystroke, and only
  // the answer to the latest question is kept.
  const asked = useRef({ query: '', seq: 0 });
  useEffect(() => {
    if (filter === asked.current.query) return;
    const timer = setTimeout(() => {
      const seq = ++asked.current.seq;
      asked.current.query = filter;
      setSearching(true);
      searchActions({ regionCode, query: filter })
        .then((r) => {
          if (seq !== asked.current.seq || !r) return;
          setResults({ query: filter, ...r });
          setKnown((k) => describeActions(new Map(k), r.groups));
        })
        .catch(() => undefined)
        .finally(() => {
          if (seq === asked.current.seq) setSearching(false);
        });
    }, 250);
    return () => clearTimeout(timer);
  }, [filter, regionCode, searchActions]);
  const actionsById = known;
  const conflict = useMemo(
    () =>
      committeeConflictAdapter((id) => {
        const a = actionsById.get(id);
        return a && `${a.territory} — ${a.reference} : ${a.title}`;
      }),
    [actionsById],
  );
  const submitLabel = mode === 'create' ? 'Enregistrer le comité' : 'Enregistrer les modifications';

  const form = useForm<CommitteeValues, CommitteeDto, Record<string, unknown>>({
    id: 'comite',
    initialValues: () => committeeValuesOf(initial),
    baseVersion: initial?.version ?? 0,
    validate: (values, version) => buildCommitteePayload(values, mode, version, []),
    save: (data) =>
      saveCommittee(mode === 'update' && initial ? { mode: 'update', id: initial.id, data } : { mode: 'create', regionCode, data }),
    errorMap: committeeErrorMap(results.groups[0]?.actions[0]?.id ?? null),
    touchKey: committeeTouchKey,
    conflict,
  });

  // In the order they were chosen.
  const selectedList = form.values.actionIds;
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
          results={results}
          // Until the answer for what is typed arrives, the list is the previous one's.
          searching={searching || results.query !== filter}
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
