'use client';

// The form toolkit's state: values typed (kept through every failed save), the values and
// version the form is based on, errors (shown once a field was edited and left, or after a
// submit), the feedback banner (error summary, failure, conflict panel, resumed, saved) and
// its focus, repeatable rows, the unsaved-changes warning. Pure logic lives in the .ts modules.
import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import type { FieldErrors } from '@/lib/errors';
import type { FormSaveResult, SaveSuccess } from '@/lib/forms/save-result';
import { planConflict, readConflict, resolveConflict, type Conflict, type ConflictAdapter, type ConflictChoice, type ConflictPlan } from './conflict';
import { afterMove, afterRemove, groupErrors, remapRowErrors, remapRowKeys, summarizeErrors, withoutKey, type ErrorMap, type SummaryItem } from './errors';
import { appendRow, focusAfterRemove, moveRow, removeRowAt } from './rows';
import { useUnsavedWarning } from './unsaved-warning';
import { isDirty } from './values';

export const NETWORK_FAILURE =
  "L'enregistrement n'a pas abouti (connexion au serveur interrompue ?). Vos saisies sont conservées : réessayez.";

export type FormFeedbackState<V> =
  | { kind: 'errors'; message?: string; items: SummaryItem[] }
  | { kind: 'failure'; message: string }
  | { kind: 'conflict'; message: string; conflict: Conflict<unknown>; plan: ConflictPlan<V>; choices: Record<string, ConflictChoice> }
  | { kind: 'resumed'; version: number; kept: string[]; adopted: string[]; labels: Record<string, string> }
  | { kind: 'saved'; message: string }
  | { kind: 'info'; message: string };

export interface Validation<TData> {
  data: TData;
  errors: FieldErrors;
}

export interface UseFormOptions<V, TDto extends { version: number }, TData> {
  /** Prefix of the ids the toolkit generates (conflict choices, feedback). */
  id: string;
  initialValues: V | (() => V);
  /** The version the form is based on (sent back with the save; 0 when creating). */
  baseVersion: number;
  /** Builds the payload and validates it (the same zod schema as the server). */
  validate(values: V, baseVersion: number): Validation<TData>;
  save(data: TData, baseVersion: number): Promise<FormSaveResult>;
  errorMap: ErrorMap;
  /** Key under which an error's control counts as "touched" (default: the key; grouped controls map `axes.2` to `axes`). */
  touchKey?(errorKey: string): string;
  /** How the conflict panel compares, shows and takes each field. Without it a conflict is a plain failure. */
  conflict?: ConflictAdapter<V, TDto>;
  /** Comparable value of the whole form for the unsaved-changes check (default: the values). */
  compare?(values: V): unknown;
  /** Warn before leaving with unsaved changes (default true). */
  warnUnsaved?: boolean;
  /** After a save: go to `redirectTo` (default) or stay, rebased on the saved version, with a focused confirmation. */
  afterSave?: 'navigate' | 'stay';
  /** Called after a successful save (after rebasing when staying). */
  onSaved?(result: SaveSuccess): void;
  /** Navigation after a save (default: a full page load of `redirectTo`). */
  navigate?(href: string): void;
}

type ArrayField<V> = { [K in keyof V]: V[K] extends readonly unknown[] ? K : never }[keyof V] & string;

export interface FormApi<V> {
  values: V;
  baseValues: V;
  baseVersion: number;
  pending: boolean;
  dirty: boolean;
  feedback: FormFeedbackState<V> | null;
  /** Callback ref of the feedback container (`ref={form.feedbackContainer}`): it receives focus when feedback appears. */
  feedbackContainer: (element: HTMLDivElement | null) => void;
  /** Bumped when values are replaced as a whole (re-mount uncontrolled controls with it as key). */
  revision: number;
  id: string;
  /** Errors currently shown, by key. */
  shown: FieldErrors;
  errorsFor(key: string): string[] | undefined;
  /** Errors of a control that edits a list (`partners`, `axes`): its own plus its items'. */
  groupErrors(field: string, itemWord?: string): string[] | undefined;
  /** Sets one top-level field; `errorKey` (default the field) is marked edited and its server error cleared. */
  setField<K extends keyof V & string>(field: K, value: V[K], errorKey?: string): void;
  /** Any update; the given error keys are marked edited and their server errors cleared. */
  update(change: (values: V) => V, errorKeys?: string | readonly string[]): void;
  /** Blur of a control: shows its errors once it was edited (validation waits for the pointer's release). */
  touch(key: string): void;
  /** Blur of a checkbox/radio: only when focus leaves its fieldset. */
  touchGroup(key: string, event: { currentTarget: HTMLElement; relatedTarget: EventTarget | null }): void;
  addRow<K extends ArrayField<V>>(section: K, row: V[K] extends readonly (infer R)[] ? R : never, focusId: (index: number) => string): void;
  removeRow<K extends ArrayField<V>>(section: K, index: number, focus: { row: (index: number) => string; empty: string }): void;
  moveRow<K extends ArrayField<V>>(section: K, from: number, to: number, focusId: (index: number) => string): void;
  submit(): Promise<void>;
  /** `<form {...form.formProps}>`: noValidate, onSubmit, aria-busy. */
  formProps: { noValidate: true; onSubmit: (e: FormEvent<HTMLFormElement>) => void; 'aria-busy'?: true };
  chooseConflict(field: string, choice: ConflictChoice): void;
  /** Applies the conflict panel's choices and rebases the form on the saved version. */
  resumeConflict(): void;
  /** After a resumed conflict: the saved value of a changed field (null for other fields). */
  savedValue(field: string): { theirs: string; kept: boolean } | null;
  /** Hint of a field, followed by its saved value after a resumed conflict. */
  hint(field: string, base?: ReactNode): ReactNode;
  /** Replaces values and base (e.g. after loading a new version). */
  reset(values: V, baseVersion: number): void;
  showFeedback(next: FormFeedbackState<V>): void;
}

export function focusById(id: string) {
  const el = document.getElementById(id);
  if (!el) return;
  el.focus();
  el.scrollIntoView?.({ block: 'center' });
}

/**
 * Runs blur validation once the pointer is released. Showing or hiding an error on blur moves
 * the content below it; done while a button is being pressed, the click would miss the button.
 */
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

interface Merge {
  rows: { field: string; theirs: string }[];
  kept: string[];
}

export function useForm<V, TDto extends { version: number } = { version: number }, TData = unknown>(
  options: UseFormOptions<V, TDto, TData>,
): FormApi<V> {
  const { id, validate, errorMap, conflict: adapter } = options;
  const touchKey = options.touchKey ?? ((k: string) => k);
  const [values, setValues] = useState<V>(options.initialValues);
  const [baseValues, setBaseValues] = useState<V>(values);
  const [baseVersion, setBaseVersion] = useState(options.baseVersion);
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [feedback, setFeedback] = useState<FormFeedbackState<V> | null>(null);
  const [merge, setMerge] = useState<Merge | null>(null);
  const [pending, setPending] = useState(false);
  const [revision, setRevision] = useState(0);
  const feedbackElement = useRef<HTMLDivElement | null>(null);
  const feedbackContainer = useCallback((element: HTMLDivElement | null) => {
    feedbackElement.current = element;
  }, []);
  /** Fields the person has typed in: tabbing through an untouched field reports nothing yet. */
  const edited = useRef(new Set<string>());
  const latest = useRef({ values, baseVersion, options });
  useEffect(() => {
    latest.current = { values, baseVersion, options };
  });
  const afterPointer = useAfterPointer();

  const dirty = isDirty(values, baseValues, options.compare);
  const { allowLeave } = useUnsavedWarning(dirty && options.warnUnsaved !== false);

  const shown: FieldErrors = { ...serverErrors };
  for (const [key, messages] of Object.entries(clientErrors)) {
    if (submitted || touched.has(touchKey(key))) shown[key] = messages;
  }

  const clearServer = (keys: readonly string[]) =>
    setServerErrors((prev) => keys.reduce((acc, key) => withoutKey(acc, key, touchKey(key) === key), prev));

  const update = (change: (v: V) => V, errorKeys: string | readonly string[] = []) => {
    const keys = typeof errorKeys === 'string' ? [errorKeys] : errorKeys;
    setValues(change);
    for (const k of keys) edited.current.add(k);
    if (keys.length) clearServer(keys);
  };

  const showFeedback = (next: FormFeedbackState<V>, extra?: () => void) => {
    flushSync(() => {
      setFeedback(next);
      setPending(false);
      extra?.();
    });
    feedbackElement.current?.focus();
  };

  const touch = (key: string) => {
    if (!submitted && !touched.has(key) && !edited.current.has(key)) return;
    afterPointer(() => {
      setTouched((prev) => (prev.has(key) ? prev : new Set(prev).add(key)));
      const { values: v, baseVersion: b, options: o } = latest.current;
      setClientErrors(o.validate(v, b).errors);
    });
  };

  const remapAll = (section: string, map: (i: number) => number | null) => {
    edited.current = remapRowKeys(edited.current, section, map);
    setTouched((prev) => remapRowKeys(prev, section, map));
    setClientErrors((prev) => remapRowErrors(prev, section, map));
    setServerErrors((prev) => remapRowErrors(prev, section, map));
  };

  const listOf = (v: V, section: string) => (v as Record<string, unknown>)[section] as readonly unknown[];

  const submit = async () => {
    if (pending) return;
    const { data, errors } = validate(values, baseVersion);
    setSubmitted(true);
    if (Object.keys(errors).length) {
      showFeedback({ kind: 'errors', items: summarizeErrors({ ...serverErrors, ...errors }, errorMap) }, () => setClientErrors(errors));
      return;
    }
    setClientErrors({});
    setPending(true);
    let result: FormSaveResult;
    try {
      result = await options.save(data, baseVersion);
    } catch {
      showFeedback({ kind: 'failure', message: NETWORK_FAILURE });
      return;
    }
    if (result.ok) {
      if (options.afterSave === 'stay') {
        const saved = result;
        showFeedback({ kind: 'saved', message: saved.message ?? 'Modifications enregistrées.' }, () => {
          setBaseValues(values);
          setBaseVersion(saved.version);
          setMerge(null);
          setServerErrors({});
          setTouched(new Set());
          setSubmitted(false);
          edited.current = new Set();
        });
        options.onSaved?.(saved);
        return;
      }
      // Stay pending: the page is about to change.
      allowLeave();
      options.onSaved?.(result);
      (options.navigate ?? ((href: string) => window.location.assign(href)))(result.redirectTo);
      return;
    }
    const read = adapter && result.conflict ? readConflict<TDto>(result.conflict, adapter.entityKey, adapter.label) : null;
    if (adapter && read) {
      const plan = planConflict(adapter, read, values, baseValues);
      showFeedback({ kind: 'conflict', message: result.message, conflict: read, plan, choices: plan.choices });
      return;
    }
    if (result.errors && Object.keys(result.errors).length) {
      const received = result.errors;
      showFeedback({ kind: 'errors', message: result.message, items: summarizeErrors(received, errorMap) }, () => setServerErrors(received));
      return;
    }
    showFeedback({ kind: 'failure', message: result.message });
  };

  const resumeConflict = () => {
    if (feedback?.kind !== 'conflict' || !adapter) return;
    const { plan, choices, conflict } = feedback;
    const resolved = resolveConflict(adapter, plan, values, choices);
    const labels = Object.fromEntries(plan.rows.map((r) => [r.field, r.label]));
    showFeedback({ kind: 'resumed', version: conflict.version, kept: resolved.kept, adopted: resolved.adopted, labels }, () => {
      setValues(resolved.values);
      setBaseValues(plan.theirs);
      setBaseVersion(conflict.version);
      setMerge({ rows: plan.rows.map((r) => ({ field: r.field, theirs: r.theirs })), kept: resolved.kept });
      setServerErrors({});
      setClientErrors(validate(resolved.values, conflict.version).errors);
      setRevision((r) => r + 1);
    });
  };

  const savedValue = (field: string) => {
    const row = merge?.rows.find((r) => r.field === field);
    return row ? { theirs: row.theirs, kept: merge?.kept.includes(field) ?? false } : null;
  };

  return {
    values,
    baseValues,
    baseVersion,
    pending,
    dirty,
    feedback,
    feedbackContainer,
    revision,
    id,
    shown,
    errorsFor: (key) => shown[key],
    groupErrors: (field, itemWord) => groupErrors(shown, field, itemWord),
    setField: (field, value, errorKey = field) => update((v) => ({ ...v, [field]: value }), errorKey),
    update,
    touch,
    touchGroup: (key, e) => {
      const group = e.currentTarget.closest('fieldset');
      if (group && e.relatedTarget instanceof Node && group.contains(e.relatedTarget)) return;
      touch(key);
    },
    addRow: (section, row, focusId) => {
      const index = listOf(values, section).length;
      flushSync(() => setValues((v) => ({ ...v, [section]: appendRow(listOf(v, section), row) })));
      focusById(focusId(index));
    },
    removeRow: (section, index, focus) => {
      const length = listOf(values, section).length;
      flushSync(() => {
        setValues((v) => ({ ...v, [section]: removeRowAt(listOf(v, section), index) }));
        remapAll(section, afterRemove(index));
      });
      const next = focusAfterRemove(length, index);
      focusById(next === null ? focus.empty : focus.row(next));
    },
    moveRow: (section, from, to, focusId) => {
      const length = listOf(values, section).length;
      if (to < 0 || to >= length || from === to) return;
      flushSync(() => {
        setValues((v) => ({ ...v, [section]: moveRow(listOf(v, section), from, to) }));
        remapAll(section, afterMove(from, to));
      });
      focusById(focusId(to));
    },
    submit,
    formProps: {
      noValidate: true,
      onSubmit: (e) => {
        e.preventDefault();
        void submit();
      },
      ...(pending ? { 'aria-busy': true as const } : {}),
    },
    chooseConflict: (field, choice) =>
      setFeedback((f) => (f?.kind === 'conflict' ? { ...f, choices: { ...f.choices, [field]: choice } } : f)),
    resumeConflict,
    savedValue,
    hint: (field, base) => {
      const saved = savedValue(field);
      if (!saved) return base;
      return (
        <>
          {base}
          <span className="mt-1 block rounded bg-warning-50 px-2 py-1 font-medium text-warning-900">
            Valeur actuelle enregistrée : {saved.theirs}
            {saved.kept ? ' (vous avez gardé votre saisie)' : ''}
          </span>
        </>
      );
    },
    reset: (next, version) => {
      setValues(next);
      setBaseValues(next);
      setBaseVersion(version);
      setMerge(null);
      setServerErrors({});
      setClientErrors({});
      setTouched(new Set());
      setSubmitted(false);
      edited.current = new Set();
      setRevision((r) => r + 1);
    },
    showFeedback: (next) => showFeedback(next),
  };
}
