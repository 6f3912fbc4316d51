'use client';

// The regional committee form (create and edit). What is typed lives in React state, so a
// refused save (invalid data, concurrent edit, lost connection) never loses a keystroke.
// Validation runs the server's zod schema; on submit, an error summary receives focus and
// links to each field (RGAA 11.10). The action picker is a filterable checkbox list grouped
// by territory: native checkboxes, reachable and operable with the keyboard alone.
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { useRouter } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { Button, ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { RequiredFieldsNote, TextArea, TextInput, fieldAria } from '@/components/ui/form';
import type { CommitteeDto, LinkableTerritory } from '@/lib/committees/queries';
import { COMMITTEE_LIMITS } from '@/lib/committees/schemas';
import { formatDate } from '@/lib/labels';
import type { SaveCommitteeInput, SaveCommitteeResult } from '@/lib/committees/save-results';
import {
  COMMITTEE_FIELD_IDS,
  COMMITTEE_FORM_LABELS,
  buildCommitteePayload,
  checkboxId,
  committeeErrorTarget,
  committeeValuesOf,
  filterActionGroups,
  type CommitteeFormInitial,
  type CommitteeValues,
} from './committee-form-logic';

export type { CommitteeFormInitial };

type Errors = Record<string, string[]>;

export interface CommitteeFormProps {
  mode: 'create' | 'update';
  regionCode: string;
  initial?: CommitteeFormInitial;
  territories: LinkableTerritory[];
  saveCommittee: (input: SaveCommitteeInput) => Promise<SaveCommitteeResult>;
  cancelHref: string;
}

type Values = CommitteeValues;

const ID = COMMITTEE_FIELD_IDS;

const FIELD_ORDER = ['_', 'version', 'title', 'date', 'attendees', 'decisions', 'actionIds'];

const LABELS: Record<string, string> = COMMITTEE_FORM_LABELS;

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

const valuesOf = committeeValuesOf;

/** Top-level field of an error key (`attendees.2` → `attendees`). */
const topOf = (key: string) => key.split('.')[0] ?? key;

const targetOf = committeeErrorTarget;

/** Messages of one field, item errors prefixed with their line. */
function messagesFor(errors: Errors, field: string, itemWord: string): string[] | undefined {
  const out: string[] = [];
  for (const [key, messages] of Object.entries(errors)) {
    const [top, index] = key.split('.');
    if (top !== field) continue;
    if (index !== undefined && /^\d+$/.test(index)) out.push(...messages.map((m) => `${itemWord} ${Number(index) + 1} : ${m}`));
    else out.push(...messages);
  }
  return out.length ? out : undefined;
}

interface SummaryItem {
  key: string;
  message: string;
  target: string | null;
}

function summarize(errors: Errors, firstActionId: string | null): SummaryItem[] {
  const order = (k: string) => {
    const i = FIELD_ORDER.indexOf(topOf(k));
    return i === -1 ? FIELD_ORDER.length : i;
  };
  return Object.keys(errors)
    .sort((a, b) => order(a) - order(b) || a.localeCompare(b, 'fr', { numeric: true }))
    .flatMap((key) => {
      const [top, index] = key.split('.');
      const line = index !== undefined && /^\d+$/.test(index) ? Number(index) + 1 : null;
      const prefix = top && LABELS[top] ? `${LABELS[top]}${line ? ` (ligne ${line})` : ''} : ` : '';
      return (errors[key] ?? []).map((m) => ({ key, message: `${prefix}${m}`, target: targetOf(key, firstActionId) }));
    });
}

type Feedback =
  | { kind: 'errors'; items: SummaryItem[]; message?: string }
  | { kind: 'failure'; message: string }
  | { kind: 'conflict'; message: string; changedFields: string[]; current: CommitteeDto }
  | { kind: 'info'; message: string };

function focusById(id: string) {
  const el = document.getElementById(id);
  if (!el) return;
  el.focus();
  el.scrollIntoView({ block: 'center' });
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
  const router = useRouter();
  const [values, setValues] = useState<Values>(() => valuesOf(initial));
  const [saved, setSaved] = useState<Values>(values);
  const [baseVersion, setBaseVersion] = useState(initial?.version ?? 0);
  const [filter, setFilter] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [clientErrors, setClientErrors] = useState<Errors>({});
  const [serverErrors, setServerErrors] = useState<Errors>({});
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [pending, setPending] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const feedbackRef = useRef<HTMLDivElement>(null);

  const actionsById = useMemo(() => {
    const map = new Map<string, { reference: string; title: string; territory: string; archived: boolean }>();
    for (const g of territories) {
      for (const a of g.actions) map.set(a.id, { reference: a.reference, title: a.title, territory: g.territory.name, archived: a.archived });
    }
    return map;
  }, [territories]);
  const allIds = useMemo(() => territories.flatMap((g) => g.actions.map((a) => a.id)), [territories]);
  const selected = useMemo(() => new Set(values.actionIds), [values.actionIds]);

  const needle = filter.trim();
  const visibleGroups = filterActionGroups(territories, filter);
  const visibleCount = visibleGroups.reduce((n, g) => n + g.actions.length, 0);
  const firstVisibleActionId = visibleGroups[0]?.actions[0]?.id ?? null;

  const dirty = JSON.stringify(values) !== JSON.stringify(saved);
  useEffect(() => {
    if (!dirty || leaving) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty, leaving]);

  /* ---------- validation */
  const validate = (v: Values) => buildCommitteePayload(v, mode, baseVersion, allIds);

  const shown: Errors = { ...serverErrors, ...(submitted ? clientErrors : {}) };
  const errorsOf = (field: string, itemWord = 'Ligne') => messagesFor(shown, field, itemWord);

  /* ---------- updates */
  const update = (patch: Partial<Values>, field: keyof Values) => {
    const next = { ...values, ...patch };
    setValues(next);
    setServerErrors((prev) => {
      const keys = Object.keys(prev).filter((k) => topOf(k) === field);
      if (!keys.length) return prev;
      const out = { ...prev };
      for (const k of keys) delete out[k];
      return out;
    });
    // Once the person has tried to save, errors follow their corrections.
    if (submitted) setClientErrors(validate(next).errors);
  };

  const toggle = (id: string, checked: boolean) =>
    update({ actionIds: checked ? [...values.actionIds.filter((x) => x !== id), id] : values.actionIds.filter((x) => x !== id) }, 'actionIds');

  const removeSelected = (id: string, index: number) => {
    const remaining = values.actionIds.filter((x) => x !== id);
    flushSync(() => toggle(id, false));
    const next = remaining[Math.min(index, remaining.length - 1)];
    focusById(next ? `comite-retirer-${next}` : ID.filter);
  };

  /* ---------- save */
  const show = (next: Feedback, extra?: () => void) => {
    flushSync(() => {
      setFeedback(next);
      setPending(false);
      extra?.();
    });
    feedbackRef.current?.focus();
  };

  const submit = async () => {
    if (pending) return;
    const { data, errors } = validate(values);
    setSubmitted(true);
    if (Object.keys(errors).length) {
      show({ kind: 'errors', items: summarize({ ...serverErrors, ...errors }, firstVisibleActionId) }, () => setClientErrors(errors));
      return;
    }
    setClientErrors({});
    setPending(true);
    let result: SaveCommitteeResult;
    try {
      result =
        mode === 'update' && initial
          ? await saveCommittee({ mode: 'update', id: initial.id, data })
          : await saveCommittee({ mode: 'create', regionCode, data });
    } catch {
      show({
        kind: 'failure',
        message: "L'enregistrement n'a pas abouti (connexion au serveur interrompue ?). Vos saisies sont conservées : réessayez.",
      });
      return;
    }
    if (result.ok) {
      // Stay pending: the page is about to change.
      setLeaving(true);
      setSaved(values);
      router.push(result.redirectTo);
      return;
    }
    if (result.conflict) {
      show({ kind: 'conflict', message: result.message, changedFields: result.conflict.changedFields, current: result.conflict.committee });
      return;
    }
    if (result.errors && Object.keys(result.errors).length) {
      const serverSide = result.errors;
      show({ kind: 'errors', message: result.message, items: summarize(serverSide, firstVisibleActionId) }, () => setServerErrors(serverSide));
      return;
    }
    show({ kind: 'failure', message: result.message });
  };

  const keepMine = (current: CommitteeDto) =>
    show(
      { kind: 'info', message: 'Vos saisies sont conservées : en enregistrant, elles remplaceront la version à jour du comité.' },
      () => setBaseVersion(current.version),
    );

  const adoptCurrent = (current: CommitteeDto) =>
    show({ kind: 'info', message: 'Le formulaire affiche maintenant la version à jour du comité.' }, () => {
      const next = valuesOf(current);
      setValues(next);
      setSaved(next);
      setBaseVersion(current.version);
      setServerErrors({});
      setClientErrors({});
    });

  const selectedList = allIds.filter((id) => selected.has(id));
  const actionErrors = errorsOf('actionIds', 'Action');
  const actionsHint = `Actions des plans des territoires de la région. ${plural(selectedList.length, 'action sélectionnée', 'actions sélectionnées')}.`;

  return (
    <form
      noValidate
      className="space-y-8"
      aria-busy={pending}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div ref={feedbackRef} tabIndex={-1} className="outline-none">
        {feedback?.kind === 'errors' && (
          <Alert tone="error" title={feedback.message ?? `Le formulaire contient ${plural(feedback.items.length, 'erreur', 'erreurs')}`}>
            <ul className="list-disc space-y-1 pl-6">
              {feedback.items.map((item, i) => (
                <li key={`${item.key}-${i}`}>
                  {item.target ? (
                    <a
                      className="link"
                      href={`#${item.target}`}
                      onClick={(e) => {
                        e.preventDefault();
                        focusById(item.target as string);
                      }}
                    >
                      {item.message}
                    </a>
                  ) : (
                    item.message
                  )}
                </li>
              ))}
            </ul>
          </Alert>
        )}
        {feedback?.kind === 'failure' && <Alert tone="error" title="Enregistrement impossible">{feedback.message}</Alert>}
        {feedback?.kind === 'info' && <Alert tone="info">{feedback.message}</Alert>}
        {feedback?.kind === 'conflict' && (
          <Alert tone="warning" title="Modification concurrente">
            <p>{feedback.message}</p>
            {feedback.changedFields.length > 0 && (
              <dl className="mt-3 space-y-2">
                {feedback.changedFields.map((field) => (
                  <div key={field}>
                    <dt className="font-semibold">{LABELS[field] ?? field} (version à jour)</dt>
                    <dd className="whitespace-pre-line">{currentValue(feedback.current, field)}</dd>
                  </div>
                ))}
              </dl>
            )}
            <div className="mt-4 flex flex-wrap gap-2">
              <Button type="button" size="sm" variant="secondary" onClick={() => keepMine(feedback.current)}>
                Garder mes saisies
              </Button>
              <Button type="button" size="sm" variant="secondary" onClick={() => adoptCurrent(feedback.current)}>
                Reprendre la version à jour
              </Button>
            </div>
          </Alert>
        )}
      </div>

      <RequiredFieldsNote />

      <Section title="Le comité">
        <TextInput
          id={ID.title}
          name="title"
          label="Titre"
          required
          maxLength={COMMITTEE_LIMITS.title}
          hint="Par exemple : Revue régionale Territoires d'industrie — 2e semestre"
          value={values.title}
          error={errorsOf('title')}
          onChange={(e) => update({ title: e.target.value }, 'title')}
        />
        <TextInput
          id={ID.date}
          name="date"
          type="date"
          label="Date"
          required
          hint="Format : jj/mm/aaaa"
          className="max-w-xs"
          value={values.date}
          error={errorsOf('date')}
          onChange={(e) => update({ date: e.target.value }, 'date')}
        />
      </Section>

      <Section title="Participants et décisions">
        <TextArea
          id={ID.attendees}
          name="attendees"
          label="Participants"
          hint={`Un participant par ligne (nom, fonction, structure), ${COMMITTEE_LIMITS.attendees} au maximum.`}
          rows={6}
          value={values.attendees}
          error={errorsOf('attendees')}
          onChange={(e) => update({ attendees: e.target.value }, 'attendees')}
        />
        <TextArea
          id={ID.decisions}
          name="decisions"
          label="Décisions"
          hint="Relevé des décisions et suites à donner. Séparez les paragraphes par une ligne vide."
          rows={12}
          maxLength={COMMITTEE_LIMITS.decisions}
          value={values.decisions}
          error={errorsOf('decisions')}
          onChange={(e) => update({ decisions: e.target.value }, 'decisions')}
        />
      </Section>

      <Card>
        <fieldset id={ID.actions} aria-describedby={fieldAria(ID.actions, actionsHint, actionErrors)['aria-describedby']}>
          <legend className="mb-2 text-xl font-bold text-neutral-900">Actions examinées</legend>
          <p id={`${ID.actions}-aide`} className="text-sm text-neutral-700">
            {actionsHint}
          </p>
          {actionErrors && (
            <div id={`${ID.actions}-erreur`} className="mt-2 border-l-4 border-danger-700 pl-4 font-semibold text-danger-700">
              {actionErrors.map((m, i) => (
                <p key={i}>{m}</p>
              ))}
            </div>
          )}

          {selectedList.length > 0 && (
            <div className="mt-4">
              <h3 className="font-semibold text-neutral-900">Sélection</h3>
              <ul className="mt-2 space-y-1">
                {selectedList.map((id, index) => {
                  const a = actionsById.get(id);
                  if (!a) return null;
                  return (
                    <li key={id} className="flex flex-wrap items-center gap-2">
                      <span>
                        {a.territory} — {a.reference} : {a.title}
                      </span>
                      <Button
                        type="button"
                        size="sm"
                        variant="ghost"
                        id={`comite-retirer-${id}`}
                        aria-label={`Retirer ${a.reference} (${a.territory}) de la sélection`}
                        onClick={() => removeSelected(id, index)}
                      >
                        Retirer
                      </Button>
                    </li>
                  );
                })}
              </ul>
            </div>
          )}

          {territories.length === 0 ? (
            <p className="mt-4">Aucune action dans les plans des territoires de la région.</p>
          ) : (
            <>
              <div className="mt-6 flex max-w-xl flex-col gap-2">
                <label htmlFor={ID.filter} className="font-medium text-neutral-900">
                  Filtrer les actions
                </label>
                <p id={`${ID.filter}-aide`} className="text-sm text-neutral-700">
                  Référence (FA-3), mots du titre ou nom du territoire.
                </p>
                <input
                  id={ID.filter}
                  type="search"
                  autoComplete="off"
                  aria-describedby={`${ID.filter}-aide ${ID.filter}-resultat`}
                  className="block w-full rounded border border-neutral-500 bg-white px-3 py-2 text-neutral-900"
                  value={filter}
                  onChange={(e) => setFilter(e.target.value)}
                  onKeyDown={(e) => {
                    // Enter in the filter must not submit the whole form.
                    if (e.key === 'Enter') e.preventDefault();
                  }}
                />
                <p id={`${ID.filter}-resultat`} aria-live="polite" className="text-sm text-neutral-700">
                  {needle
                    ? `${plural(visibleCount, 'action affichée', 'actions affichées')} sur ${allIds.length}.`
                    : `${plural(allIds.length, 'action', 'actions')} dans ${plural(territories.length, 'territoire', 'territoires')}.`}
                </p>
              </div>
              {visibleGroups.length === 0 ? (
                <p className="mt-4">Aucune action ne correspond à ce filtre.</p>
              ) : (
                <div className="mt-4 space-y-6">
                  {visibleGroups.map((g) => {
                    const inGroup = g.actions.filter((a) => selected.has(a.id)).length;
                    return (
                      <fieldset key={g.territory.slug} className="rounded border border-neutral-200 p-4">
                        <legend className="px-1 font-semibold text-neutral-900">
                          {g.territory.name}
                          {inGroup > 0 && <span className="font-normal"> — {plural(inGroup, 'sélectionnée', 'sélectionnées')}</span>}
                        </legend>
                        <ul className="mt-2 space-y-2">
                          {g.actions.map((a) => {
                            const cid = checkboxId(a.id);
                            return (
                              <li key={a.id} className="flex items-start gap-2">
                                <input
                                  id={cid}
                                  type="checkbox"
                                  name="actionIds"
                                  value={a.id}
                                  checked={selected.has(a.id)}
                                  onChange={(e) => toggle(a.id, e.target.checked)}
                                  className="mt-0.5 size-5 shrink-0 accent-primary-700"
                                />
                                <label htmlFor={cid} className="text-neutral-900">
                                  <span className="font-medium">{a.reference}</span> — {a.title}
                                  {a.archived && (
                                    <>
                                      {' '}
                                      <Badge tone="neutral">archivée</Badge>
                                    </>
                                  )}
                                </label>
                              </li>
                            );
                          })}
                        </ul>
                      </fieldset>
                    );
                  })}
                </div>
              )}
            </>
          )}
        </fieldset>
      </Card>

      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? 'Enregistrement…' : mode === 'create' ? 'Enregistrer le comité' : 'Enregistrer les modifications'}
        </Button>
        <ButtonLink href={cancelHref} variant="ghost">
          Annuler
        </ButtonLink>
      </div>
    </form>
  );
}

function currentValue(current: CommitteeDto, field: string): string {
  switch (field) {
    case 'title':
      return current.title;
    case 'date':
      return formatDate(current.date);
    case 'attendees':
      return current.attendees?.join('\n') || 'Aucun participant.';
    case 'decisions':
      return current.decisions || 'Aucune décision saisie.';
    case 'actionIds':
      return current.actions.length
        ? current.actions.map((a) => `${a.territory.name} — ${a.reference} : ${a.title}`).join('\n')
        : 'Aucune action liée.';
    default:
      return '';
  }
}
