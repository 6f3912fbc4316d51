'use client';

// "Mise à jour rapide": status, indicators' actual values and milestones' completion, without
// opening the whole action form. Same guarantees as the action form: what is typed survives a
// failed save, a concurrent edit is reported with the saved values and can be resumed.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import type { SaveResult } from '@/app/(app)/actions/server-actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Select, TextInput, fieldAria } from '@/components/ui/form';
import { FIELD_LABELS, type ActionDto } from '@/lib/actions/dto';
import { formatFieldValue } from '@/lib/actions/format';
import { STATUSES, progressUpdateSchema } from '@/lib/actions/schemas';
import type { ActionStatus } from '@/lib/generated/prisma/enums';
import { ACTION_STATUS_LABELS, formatDate } from '@/lib/labels';
import { fieldErrorsFromZod } from '@/lib/validation';
import { formatDecimalInput, parseDecimalInput } from './money';

export type { SaveResult };

export interface ProgressFormProps {
  action: ActionDto;
  saveProgress: (input: { id: string; data: unknown }) => Promise<SaveResult>;
}

type Errors = Record<string, string[]>;

type Feedback =
  | { kind: 'errors'; message?: string; items: { key: string; message: string; target: string | null }[] }
  | { kind: 'conflict'; message: string; changedFields: string[]; current: ActionDto }
  | { kind: 'failure'; message: string }
  | { kind: 'resumed'; version: number; dropped: string[] };

const STATUS_ID = 'progress-status';
const indicatorId = (index: number) => `progress-indicator-${index}`;
const milestoneId = (index: number) => `progress-milestone-${index}`;

const number = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
const pad = (n: number) => String(n).padStart(2, '0');
/** Today in the person's time zone, as the schema's YYYY-MM-DD. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const labelOf = (field: string) => (FIELD_LABELS as Record<string, string>)[field] ?? field;
const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? 's' : ''}`;

function initialActuals(action: ActionDto): Record<string, string> {
  return Object.fromEntries(action.indicators.map((i) => [i.id, formatDecimalInput(i.actual)]));
}
function initialDone(action: ActionDto): Record<string, string | null> {
  return Object.fromEntries(action.milestones.map((m) => [m.id, m.doneAt]));
}

function targetId(key: string): string | null {
  const [top, index] = key.split('.');
  const i = index !== undefined && /^\d+$/.test(index) ? Number(index) : null;
  if (top === 'status') return STATUS_ID;
  if (top === 'indicators' && i !== null) return indicatorId(i);
  if (top === 'milestones' && i !== null) return milestoneId(i);
  return null;
}

function focusById(id: string) {
  const el = document.getElementById(id);
  if (!el) return;
  el.focus();
  el.scrollIntoView({ block: 'center' });
}

/** Blur validation waits for the pointer's release, so that a layout shift never swallows a click. */
function useAfterPointer(): (job: () => void) => void {
  const down = useRef(false);
  const queue = useRef<(() => void)[]>([]);
  useEffect(() => {
    const press = () => {
      down.current = true;
    };
    const release = () => {
      down.current = false;
      const jobs = queue.current.splice(0);
      if (jobs.length) setTimeout(() => jobs.forEach((job) => job()), 0);
    };
    document.addEventListener('pointerdown', press, true);
    document.addEventListener('pointerup', release, true);
    document.addEventListener('pointercancel', release, true);
    return () => {
      document.removeEventListener('pointerdown', press, true);
      document.removeEventListener('pointerup', release, true);
      document.removeEventListener('pointercancel', release, true);
    };
  }, []);
  return (job) => {
    if (down.current) queue.current.push(job);
    else job();
  };
}

interface ProgressState {
  source: ActionDto;
  status: ActionStatus;
  actuals: Record<string, string>;
  done: Record<string, string | null>;
}

/** The payload as progressUpdateSchema expects it, and the errors it would get. */
function build({ source, status, actuals, done }: ProgressState): { data: Record<string, unknown>; errors: Errors } {
  const parseErrors: Errors = {};
  const indicators = source.indicators.map((ind, i) => {
    const n = parseDecimalInput(actuals[ind.id] ?? '');
    if (n === 'invalid') parseErrors[`indicators.${i}.actual`] = ['Valeur réalisée invalide : saisissez un nombre, par exemple 12 ou 12,5.'];
    return { id: ind.id, actual: n === 'invalid' ? null : n };
  });
  const milestones = source.milestones.map((m) => ({ id: m.id, doneAt: done[m.id] ?? null }));
  const data: Record<string, unknown> = {
    version: source.version,
    status,
    ...(indicators.length ? { indicators } : {}),
    ...(milestones.length ? { milestones } : {}),
  };
  const result = progressUpdateSchema.safeParse(data);
  return { data, errors: { ...(result.success ? {} : fieldErrorsFromZod(result.error)), ...parseErrors } };
}

export function ProgressForm({ action, saveProgress }: ProgressFormProps) {
  /** The version the form is based on (replaced by the saved one when resuming after a conflict). */
  const [source, setSource] = useState<ActionDto>(action);
  const [status, setStatus] = useState<ActionStatus>(action.status);
  const [actuals, setActuals] = useState<Record<string, string>>(() => initialActuals(action));
  const [done, setDone] = useState<Record<string, string | null>>(() => initialDone(action));
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const [clientErrors, setClientErrors] = useState<Errors>({});
  const [serverErrors, setServerErrors] = useState<Errors>({});
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [resumed, setResumed] = useState(false);
  const [pending, setPending] = useState(false);
  const feedbackRef = useRef<HTMLDivElement>(null);

  const edited = useRef(new Set<string>());
  const latest = useRef<ProgressState>({ source, status, actuals, done });
  useEffect(() => {
    latest.current = { source, status, actuals, done };
  });
  const afterPointer = useAfterPointer();

  const shown: Errors = { ...serverErrors };
  for (const [key, messages] of Object.entries(clientErrors)) if (submitted || touched.has(key)) shown[key] = messages;

  const clearServer = (key: string) =>
    setServerErrors((prev) => {
      if (!(key in prev)) return prev;
      const next = { ...prev };
      delete next[key];
      return next;
    });

  const touch = (key: string) => {
    if (!submitted && !touched.has(key) && !edited.current.has(key)) return;
    afterPointer(() => {
      setTouched((prev) => (prev.has(key) ? prev : new Set(prev).add(key)));
      setClientErrors(build(latest.current).errors);
    });
  };

  const showFeedback = (next: Feedback, extra?: () => void) => {
    flushSync(() => {
      setFeedback(next);
      setPending(false);
      extra?.();
    });
    feedbackRef.current?.focus();
  };

  const summarize = (errors: Errors) =>
    Object.entries(errors).flatMap(([key, messages]) => {
      const [top, index] = key.split('.');
      const i = index !== undefined && /^\d+$/.test(index) ? Number(index) : null;
      const where =
        top === 'indicators' && i !== null
          ? `${source.indicators[i]?.name ?? `Indicateur ${i + 1}`} : `
          : top === 'milestones' && i !== null
            ? `${source.milestones[i]?.title ?? `Jalon ${i + 1}`} : `
            : '';
      return messages.map((m) => ({ key, message: `${where}${m}`, target: targetId(key) }));
    });

  const submit = async () => {
    if (pending) return;
    const { data, errors } = build({ source, status, actuals, done });
    if (Object.keys(errors).length) {
      showFeedback({ kind: 'errors', items: summarize({ ...serverErrors, ...errors }) }, () => {
        setSubmitted(true);
        setClientErrors(errors);
      });
      return;
    }
    setSubmitted(true);
    setClientErrors({});
    setPending(true);
    let result: SaveResult;
    try {
      result = await saveProgress({ id: source.id, data });
    } catch {
      showFeedback({
        kind: 'failure',
        message: "L'enregistrement n'a pas abouti (connexion au serveur interrompue ?). Vos saisies sont conservées : réessayez.",
      });
      return;
    }
    if (result.ok) {
      window.location.assign(result.redirectTo);
      return;
    }
    if (result.conflict) {
      showFeedback({ kind: 'conflict', message: result.message, ...result.conflict });
    } else if (result.errors && Object.keys(result.errors).length) {
      const received = result.errors;
      showFeedback({ kind: 'errors', message: result.message, items: summarize(received) }, () => setServerErrors(received));
    } else {
      showFeedback({ kind: 'failure', message: result.message });
    }
  };

  /** Rebase on the saved version: values the person changed are kept, the others take the saved value. */
  const resume = (current: ActionDto) => {
    const nextStatus = status !== source.status ? status : current.status;
    const dropped: string[] = [];
    const nextActuals: Record<string, string> = {};
    for (const ind of current.indicators) {
      const old = source.indicators.find((o) => o.id === ind.id) ?? source.indicators.find((o) => o.name === ind.name);
      const typed = old ? actuals[old.id] : undefined;
      const changed = old !== undefined && typed !== undefined && typed !== formatDecimalInput(old.actual);
      nextActuals[ind.id] = changed ? typed : formatDecimalInput(ind.actual);
    }
    for (const old of source.indicators) {
      const typed = actuals[old.id] ?? '';
      const matched = current.indicators.some((c) => c.id === old.id || c.name === old.name);
      if (!matched && typed !== formatDecimalInput(old.actual)) dropped.push(`${old.name} : ${typed || '—'}`);
    }
    const nextDone: Record<string, string | null> = {};
    for (const m of current.milestones) {
      const old =
        source.milestones.find((o) => o.id === m.id) ??
        source.milestones.find((o) => o.title === m.title && o.dueDate === m.dueDate) ??
        source.milestones.find((o) => o.title === m.title);
      const mine = old ? (done[old.id] ?? null) : undefined;
      const changed = old !== undefined && mine !== undefined && mine !== old.doneAt;
      nextDone[m.id] = changed ? (mine ?? null) : m.doneAt;
    }
    for (const old of source.milestones) {
      const mine = done[old.id] ?? null;
      const matched = current.milestones.some((c) => c.id === old.id || c.title === old.title);
      if (!matched && mine !== old.doneAt) dropped.push(`${old.title} : ${mine ? `réalisé le ${formatDate(mine)}` : 'non réalisé'}`);
    }
    showFeedback({ kind: 'resumed', version: current.version, dropped }, () => {
      setSource(current);
      setStatus(nextStatus);
      setActuals(nextActuals);
      setDone(nextDone);
      setResumed(true);
      edited.current = new Set();
      setTouched(new Set());
      setSubmitted(false);
      setClientErrors({});
      setServerErrors({});
    });
  };

  /** After resuming: the saved value, under a field whose typed value differs from it. */
  const savedNote = (differs: boolean, saved: string): ReactNode =>
    resumed && differs ? (
      <span className="mt-1 block rounded bg-warning-50 px-2 py-1 font-medium text-warning-900">
        Valeur actuelle enregistrée : {saved}
      </span>
    ) : undefined;

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      className="space-y-4"
      aria-busy={pending || undefined}
    >
      {feedback?.kind === 'errors' && (
        <Alert
          tone="error"
          title={`Le formulaire contient ${plural(feedback.items.length, 'erreur')}`}
          ref={feedbackRef}
          tabIndex={-1}
        >
          {feedback.message && <p>{feedback.message}</p>}
          <ul className="mt-1 list-disc space-y-1 pl-6">
            {feedback.items.map((item, i) => (
              <li key={`${item.key}-${i}`}>
                {item.target ? (
                  <a
                    className="link"
                    href={`#${item.target}`}
                    onClick={(e) => {
                      const target = item.target;
                      if (!target || !document.getElementById(target)) return;
                      e.preventDefault();
                      focusById(target);
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
      {feedback?.kind === 'conflict' && (
        <Alert tone="error" title="Conflit de modification" ref={feedbackRef} tabIndex={-1}>
          <p>{feedback.message}</p>
          {feedback.changedFields.length > 0 && (
            <ul className="mt-2 list-disc space-y-1 pl-6">
              {feedback.changedFields.map((field) => (
                <li key={field}>
                  <strong>{labelOf(field)}</strong> :{' '}
                  {formatFieldValue(field, (feedback.current as unknown as Record<string, unknown>)[field])}
                </li>
              ))}
            </ul>
          )}
          <p className="mt-2">Vos saisies sont conservées.</p>
          <Button type="button" size="sm" className="mt-2" onClick={() => resume(feedback.current)}>
            Reprendre sur la version à jour
          </Button>
        </Alert>
      )}
      {feedback?.kind === 'failure' && (
        <Alert tone="error" title="L'enregistrement a échoué" ref={feedbackRef} tabIndex={-1}>
          {feedback.message}
        </Alert>
      )}
      {feedback?.kind === 'resumed' && (
        <Alert tone="info" title={`Version à jour (version ${feedback.version})`} ref={feedbackRef} tabIndex={-1}>
          <p>
            Vos modifications sont conservées ; les autres champs ont repris la valeur enregistrée. Sous un champ que vous
            avez modifié figure la valeur actuelle enregistrée.
          </p>
          {feedback.dropped.length > 0 && (
            <>
              <p className="mt-1">Supprimés entre-temps (votre saisie, pour mémoire) :</p>
              <ul className="list-disc pl-6">
                {feedback.dropped.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            </>
          )}
        </Alert>
      )}

      <Select
        id={STATUS_ID}
        name="status"
        label="Statut"
        options={STATUSES.map((s) => ({ value: s, label: ACTION_STATUS_LABELS[s] }))}
        value={status}
        onChange={(e) => {
          setStatus(e.target.value as ActionStatus);
          edited.current.add('status');
          clearServer('status');
        }}
        onBlur={() => touch('status')}
        error={shown.status}
        hint={savedNote(status !== source.status, ACTION_STATUS_LABELS[source.status])}
      />

      {source.indicators.length > 0 && (
        <fieldset className="space-y-4">
          <legend className="font-semibold text-neutral-900">Indicateurs</legend>
          {source.indicators.map((ind, i) => {
            const key = `indicators.${i}.actual`;
            const value = actuals[ind.id] ?? '';
            return (
              <TextInput
                key={ind.id}
                id={indicatorId(i)}
                name={`indicators.${i}.actual`}
                label={`Valeur réalisée — ${ind.name} (${ind.unit}), cible ${ind.target === null ? 'non définie' : number.format(ind.target)}`}
                inputMode="decimal"
                autoComplete="off"
                value={value}
                onChange={(e) => {
                  const next = e.target.value;
                  setActuals((prev) => ({ ...prev, [ind.id]: next }));
                  edited.current.add(key);
                  clearServer(key);
                }}
                onBlur={() => touch(key)}
                error={shown[key]}
                hint={savedNote(
                  parseDecimalInput(value) !== ind.actual,
                  ind.actual === null ? '—' : number.format(ind.actual),
                )}
              />
            );
          })}
        </fieldset>
      )}

      {source.milestones.length > 0 && (
        <fieldset>
          <legend className="font-semibold text-neutral-900">Jalons</legend>
          <div className="mt-2 space-y-3">
            {source.milestones.map((m, i) => {
              const key = `milestones.${i}.doneAt`;
              const id = milestoneId(i);
              const doneAt = done[m.id] ?? null;
              const errors = shown[key];
              const note = savedNote(doneAt !== m.doneAt, m.doneAt ? `réalisé le ${formatDate(m.doneAt)}` : 'non réalisé');
              const hint = doneAt ? `Réalisé le ${formatDate(doneAt)}.` : undefined;
              const describedHint = note || hint ? true : undefined;
              return (
                <div key={m.id} className={errors ? 'border-l-4 border-danger-700 pl-4' : undefined}>
                  <div className="flex items-start gap-2">
                    <input
                      id={id}
                      type="checkbox"
                      name={key}
                      checked={doneAt !== null}
                      onChange={(e) => {
                        // Keep the recorded date when a milestone already done is unticked then ticked again.
                        const next = e.target.checked ? (m.doneAt ?? today()) : null;
                        setDone((prev) => ({ ...prev, [m.id]: next }));
                        edited.current.add(key);
                        clearServer(key);
                      }}
                      onBlur={() => touch(key)}
                      className="mt-0.5 size-5 shrink-0 accent-primary-700"
                      {...fieldAria(id, describedHint, errors)}
                    />
                    <div>
                      <label htmlFor={id} className="text-neutral-900">
                        Réalisé — {m.title} (échéance {formatDate(m.dueDate)})
                      </label>
                      {describedHint && (
                        <p id={`${id}-aide`} className="text-sm text-neutral-700">
                          {hint}
                          {note}
                        </p>
                      )}
                      {errors && (
                        <div id={`${id}-erreur`} className="font-semibold text-danger-700">
                          {errors.map((message, j) => (
                            <p key={j}>{message}</p>
                          ))}
                        </div>
                      )}
                    </div>
                  </div>
                </div>
              );
            })}
          </div>
        </fieldset>
      )}

      {shown.indicators && <p className="font-semibold text-danger-700">{shown.indicators.join(' ')}</p>}
      {shown.milestones && <p className="font-semibold text-danger-700">{shown.milestones.join(' ')}</p>}

      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" aria-disabled={pending || undefined}>
          {pending ? 'Enregistrement…' : "Enregistrer l'avancement"}
        </Button>
        <p role="status" className="sr-only">
          {pending ? 'Enregistrement en cours…' : ''}
        </p>
      </div>
    </form>
  );
}
