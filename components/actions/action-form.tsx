'use client';

// The action sheet form (create and edit). Everything typed lives in React state, so a failed
// save (invalid data, concurrent edit, lost connection) never loses a keystroke. Validation
// runs the same zod schema as the server: on blur for the fields already visited, on submit
// for all of them, with an RGAA-style error summary that receives focus.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import type { SaveResult } from '@/app/(app)/actions/server-actions';
import { Alert } from '@/components/ui/alert';
import { Button, ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { CheckboxGroup, RequiredFieldsNote, Select, TextArea, TextInput } from '@/components/ui/form';
import { FIELD_LABELS, type ActionDto } from '@/lib/actions/dto';
import { formatFieldValue } from '@/lib/actions/format';
import {
  AXES,
  FINANCING_STATUSES,
  INDICATOR_KINDS,
  PHASES,
  PRIORITIES,
  STATUSES,
  actionCreateSchema,
  actionUpdateSchema,
} from '@/lib/actions/schemas';
import type { ActionPhase, ActionStatus, Axis, FinancingStatus, IndicatorKind, Priority } from '@/lib/generated/prisma/enums';
import {
  ACTION_STATUS_LABELS,
  AXIS_LABELS,
  FINANCING_STATUS_LABELS,
  INDICATOR_KIND_LABELS,
  PHASE_LABELS,
  PRIORITY_LABELS,
  formatEuros,
} from '@/lib/labels';
import { fieldErrorsFromZod } from '@/lib/validation';
import { formatCentsInput, formatDecimalInput, parseDecimalInput, parseEurosToCents } from './money';

export type { SaveResult };

export type SaveActionInput = { mode: 'create'; slug: string; data: unknown } | { mode: 'update'; id: string; data: unknown };

export interface ActionFormProps {
  mode: 'create' | 'update';
  /** Territory slug (used when creating). */
  slug: string;
  /** The action as loaded (required when updating; its `version` is the base version). */
  initial?: ActionDto;
  operators: { slug: string; name: string }[];
  saveAction: (input: SaveActionInput) => Promise<SaveResult>;
  cancelHref: string;
}

type Errors = Record<string, string[]>;

/* ------------------------------------------------------------------ form state */

interface FinancingRow {
  key: string;
  financer: string;
  operator: string;
  amount: string;
  status: FinancingStatus;
}
interface MilestoneRow {
  key: string;
  id?: string;
  title: string;
  dueDate: string;
  doneAt: string;
}
interface IndicatorRow {
  key: string;
  id?: string;
  name: string;
  kind: IndicatorKind;
  unit: string;
  target: string;
  actual: string;
}

interface FormValues {
  title: string;
  axes: Axis[];
  phase: ActionPhase;
  status: ActionStatus;
  priority: Priority;
  description: string;
  objectives: string;
  startDate: string;
  endDate: string;
  pilot: string;
  partners: string;
  operators: string[];
  budget: string;
  financing: FinancingRow[];
  milestones: MilestoneRow[];
  indicators: IndicatorRow[];
  notes: string;
  links: string;
}

type RowSection = 'financing' | 'milestones' | 'indicators';
type RowOf<S extends RowSection> = FormValues[S][number];

function valuesFromDto(dto: ActionDto | undefined, key: (section: RowSection, index: number) => string): FormValues {
  return {
    title: dto?.title ?? '',
    axes: dto ? [...dto.axes] : [],
    phase: dto?.phase ?? 'IDEA',
    status: dto?.status ?? 'NOT_STARTED',
    priority: dto?.priority ?? 'MEDIUM',
    description: dto?.description ?? '',
    objectives: dto?.objectives ?? '',
    startDate: dto?.startDate ?? '',
    endDate: dto?.endDate ?? '',
    pilot: dto?.pilot ?? '',
    partners: dto?.partners.join('\n') ?? '',
    operators: dto?.operators.map((o) => o.slug) ?? [],
    budget: formatCentsInput(dto?.budgetCents ?? null),
    financing: (dto?.financing ?? []).map((f, i) => ({
      key: key('financing', i),
      financer: f.financer,
      operator: f.operator ?? '',
      amount: formatCentsInput(f.amountCents),
      status: f.status,
    })),
    milestones: (dto?.milestones ?? []).map((m, i) => ({
      key: key('milestones', i),
      id: m.id,
      title: m.title,
      dueDate: m.dueDate,
      doneAt: m.doneAt ?? '',
    })),
    indicators: (dto?.indicators ?? []).map((ind, i) => ({
      key: key('indicators', i),
      id: ind.id,
      name: ind.name,
      kind: ind.kind,
      unit: ind.unit,
      target: formatDecimalInput(ind.target),
      actual: formatDecimalInput(ind.actual),
    })),
    notes: dto?.notes ?? '',
    links: dto?.links.join('\n') ?? '',
  };
}

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

const AMOUNT_HELP = 'saisissez un nombre en euros, par exemple 250 000 ou 250 000,50 (deux décimales au maximum).';
const NUMBER_HELP = 'saisissez un nombre, par exemple 12 ou 12,5.';

/** The payload exactly as the schema expects it, plus errors for what could not be converted. */
function buildPayload(v: FormValues, mode: 'create' | 'update', version: number): { data: Record<string, unknown>; parseErrors: Errors } {
  const parseErrors: Errors = {};
  const budget = parseEurosToCents(v.budget);
  if (budget === 'invalid') parseErrors.budgetCents = [`Budget prévisionnel invalide : ${AMOUNT_HELP}`];

  const financing = v.financing.map((row, i) => {
    const amount = parseEurosToCents(row.amount);
    if (amount === null) parseErrors[`financing.${i}.amountCents`] = ['Le montant est obligatoire.'];
    if (amount === 'invalid') parseErrors[`financing.${i}.amountCents`] = [`Montant invalide : ${AMOUNT_HELP}`];
    return {
      financer: row.financer,
      operator: row.operator || null,
      amountCents: typeof amount === 'number' ? amount : 0,
      status: row.status,
    };
  });

  const milestones = v.milestones.map((row, i) => {
    if (!row.dueDate) parseErrors[`milestones.${i}.dueDate`] = ["L'échéance est obligatoire."];
    return { ...(row.id ? { id: row.id } : {}), title: row.title, dueDate: row.dueDate, doneAt: row.doneAt || null };
  });

  const indicators = v.indicators.map((row, i) => {
    const number = (raw: string, field: 'target' | 'actual', label: string) => {
      const n = parseDecimalInput(raw);
      if (n === 'invalid') {
        parseErrors[`indicators.${i}.${field}`] = [`${label} invalide : ${NUMBER_HELP}`];
        return null;
      }
      return n;
    };
    return {
      ...(row.id ? { id: row.id } : {}),
      name: row.name,
      kind: row.kind,
      unit: row.unit,
      target: number(row.target, 'target', 'Cible'),
      actual: number(row.actual, 'actual', 'Valeur réalisée'),
    };
  });

  const data: Record<string, unknown> = {
    title: v.title,
    description: v.description,
    objectives: v.objectives,
    axes: v.axes,
    phase: v.phase,
    status: v.status,
    priority: v.priority,
    startDate: v.startDate || null,
    endDate: v.endDate || null,
    pilot: v.pilot,
    partners: lines(v.partners),
    operators: v.operators,
    budgetCents: budget === 'invalid' ? null : budget,
    financing,
    milestones,
    indicators,
    notes: v.notes,
    links: lines(v.links),
  };
  return { data: mode === 'update' ? { version, ...data } : data, parseErrors };
}

function validate(v: FormValues, mode: 'create' | 'update', version: number): { data: Record<string, unknown>; errors: Errors } {
  const { data, parseErrors } = buildPayload(v, mode, version);
  const result = (mode === 'create' ? actionCreateSchema : actionUpdateSchema).safeParse(data);
  const errors: Errors = result.success ? {} : fieldErrorsFromZod(result.error);
  // A value that could not be converted gets its own, more helpful message.
  return { data, errors: { ...errors, ...parseErrors } };
}

/** Comparable slice of the form for one tracked field (to tell what the person changed). */
function slice(v: FormValues, field: string): unknown {
  switch (field) {
    case 'budgetCents':
      return parseEurosToCents(v.budget);
    case 'partners':
      return lines(v.partners);
    case 'links':
      return lines(v.links);
    case 'axes':
    case 'operators':
      return [...v[field]].sort();
    case 'financing':
      return v.financing.map(({ key: _k, ...r }) => ({ ...r, amount: parseEurosToCents(r.amount) }));
    case 'milestones':
      return v.milestones.map(({ key: _k, id: _id, ...r }) => r);
    case 'indicators':
      return v.indicators.map(({ key: _k, id: _id, ...r }) => ({
        ...r,
        target: parseDecimalInput(r.target),
        actual: parseDecimalInput(r.actual),
      }));
    default:
      return field in v ? v[field as keyof FormValues] : undefined;
  }
}

/** Tracked fields this form edits (the others, e.g. archivedAt, are only reported). */
const EDITABLE = new Set([
  'title',
  'axes',
  'phase',
  'status',
  'priority',
  'description',
  'objectives',
  'startDate',
  'endDate',
  'pilot',
  'partners',
  'operators',
  'budgetCents',
  'financing',
  'milestones',
  'indicators',
  'notes',
  'links',
]);

/** Replaces one tracked field of `v` by its value in `from`. */
function adopt(v: FormValues, from: FormValues, field: string): FormValues {
  switch (field) {
    case 'budgetCents':
      return { ...v, budget: from.budget };
    case 'title':
    case 'axes':
    case 'phase':
    case 'status':
    case 'priority':
    case 'description':
    case 'objectives':
    case 'startDate':
    case 'endDate':
    case 'pilot':
    case 'partners':
    case 'operators':
    case 'financing':
    case 'milestones':
    case 'indicators':
    case 'notes':
    case 'links':
      return { ...v, [field]: from[field] };
    default:
      return v;
  }
}

/* ------------------------------------------------------------------ ids and error keys */

const SECTIONS = [
  { id: 'section-identification', title: 'Identification' },
  { id: 'section-description', title: 'Description et objectifs' },
  { id: 'section-calendrier', title: 'Calendrier et pilotage' },
  { id: 'section-budget', title: 'Budget et financements' },
  { id: 'section-jalons', title: 'Jalons' },
  { id: 'section-indicateurs', title: 'Indicateurs' },
  { id: 'section-notes', title: 'Notes et liens' },
] as const;

const FIELD_ORDER = [
  '_',
  'version',
  'title',
  'axes',
  'phase',
  'status',
  'priority',
  'description',
  'objectives',
  'startDate',
  'endDate',
  'pilot',
  'partners',
  'operators',
  'budgetCents',
  'financing',
  'milestones',
  'indicators',
  'notes',
  'links',
];

/** Fields edited as one control although the schema reports errors per item (`partners.2`). */
const GROUPED = new Set(['axes', 'operators', 'partners', 'links']);

const ROW_FIELDS: Record<RowSection, readonly string[]> = {
  financing: ['financer', 'operator', 'amountCents', 'status'],
  milestones: ['title', 'dueDate', 'doneAt'],
  indicators: ['name', 'kind', 'unit', 'target', 'actual'],
};
const ROW_FIRST: Record<RowSection, string> = { financing: 'financer', milestones: 'title', indicators: 'name' };
const ROW_NOUN: Record<RowSection, string> = { financing: 'financement', milestones: 'jalon', indicators: 'indicateur' };
const REMOVE_OBJECT: Record<RowSection, string> = { financing: 'le financement', milestones: 'le jalon', indicators: "l'indicateur" };
const ADD_LABEL: Record<RowSection, string> = {
  financing: 'Ajouter un financement',
  milestones: 'Ajouter un jalon',
  indicators: 'Ajouter un indicateur',
};
const ROW_LIMIT: Record<RowSection, number> = { financing: 30, milestones: 50, indicators: 30 };

const isRowSection = (s: string | undefined): s is RowSection => s === 'financing' || s === 'milestones' || s === 'indicators';

export const fieldId = (name: string) => `action-${name}`;
export const rowFieldId = (section: RowSection, index: number, field: string) => `action-${section}-${index}-${field}`;
export const addButtonId = (section: RowSection) => `action-${section}-ajouter`;

/** Key under which a control is "touched": the error key, or its top-level field for grouped controls. */
function uiKey(errorKey: string): string {
  const top = errorKey.split('.')[0] ?? errorKey;
  return GROUPED.has(top) ? top : errorKey;
}

/** The element an error summary link points to (null when no control matches). */
function targetId(errorKey: string, hasOperators: boolean): string | null {
  const [top, index, sub] = errorKey.split('.');
  if (isRowSection(top)) {
    if (index !== undefined && /^\d+$/.test(index) && sub && ROW_FIELDS[top].includes(sub)) return rowFieldId(top, Number(index), sub);
    return addButtonId(top);
  }
  switch (top) {
    case 'axes':
      return `${fieldId('axes')}-0`;
    case 'operators':
      return hasOperators ? `${fieldId('operators')}-0` : null;
    case 'budgetCents':
      return fieldId('budget');
    case 'title':
    case 'phase':
    case 'status':
    case 'priority':
    case 'description':
    case 'objectives':
    case 'startDate':
    case 'endDate':
    case 'pilot':
    case 'partners':
    case 'notes':
    case 'links':
      return fieldId(top);
    default:
      return null;
  }
}

const labelOf = (field: string) => (FIELD_LABELS as Record<string, string>)[field] ?? field;

/** Summary wording: row and line errors say where they are. */
function summaryText(errorKey: string, message: string): string {
  const [top, index] = errorKey.split('.');
  const n = index !== undefined && /^\d+$/.test(index) ? Number(index) + 1 : null;
  if (isRowSection(top) && n !== null) return `${ROW_NOUN[top].replace(/^./, (c) => c.toUpperCase())} ${n} : ${message}`;
  if (top && GROUPED.has(top) && n !== null) return `${labelOf(top)} (ligne ${n}) : ${message}`;
  if (top === 'operators') return `${labelOf(top)} : ${message}`;
  return message;
}

/** Form order: field, then row, then the row's field. */
function sortKey(errorKey: string): [number, number, number] {
  const [top, index, sub] = errorKey.split('.');
  const order = FIELD_ORDER.indexOf(top ?? '');
  const row = index !== undefined && /^\d+$/.test(index) ? Number(index) : -1;
  const column = isRowSection(top) && sub ? ROW_FIELDS[top].indexOf(sub) : -1;
  return [order === -1 ? FIELD_ORDER.length : order, row, column];
}

interface SummaryItem {
  key: string;
  message: string;
  target: string | null;
}

function summarize(errors: Errors, hasOperators: boolean): SummaryItem[] {
  return Object.keys(errors)
    .sort((a, b) => {
      const [a1, a2, a3] = sortKey(a);
      const [b1, b2, b3] = sortKey(b);
      return a1 - b1 || a2 - b2 || a3 - b3 || a.localeCompare(b);
    })
    .flatMap((key) =>
      (errors[key] ?? []).map((message) => ({ key, message: summaryText(key, message), target: targetId(key, hasOperators) })),
    );
}

/** After removing row `removed` of `section`, renumbers the keys of the following rows. */
function shiftKey(key: string, section: RowSection, removed: number): string | null {
  const [top, index, ...rest] = key.split('.');
  if (top !== section || index === undefined || !/^\d+$/.test(index)) return key;
  const i = Number(index);
  if (i === removed) return null;
  return i > removed ? [top, String(i - 1), ...rest].join('.') : key;
}
function shiftErrors(errors: Errors, section: RowSection, removed: number): Errors {
  const out: Errors = {};
  for (const [key, messages] of Object.entries(errors)) {
    const k = shiftKey(key, section, removed);
    if (k !== null) out[k] = messages;
  }
  return out;
}
function shiftTouched(touched: ReadonlySet<string>, section: RowSection, removed: number): Set<string> {
  const out = new Set<string>();
  for (const key of touched) {
    const k = shiftKey(key, section, removed);
    if (k !== null) out.add(k);
  }
  return out;
}

/* ------------------------------------------------------------------ feedback */

type Feedback =
  | { kind: 'errors'; message?: string; items: SummaryItem[] }
  | { kind: 'conflict'; message: string; changedFields: string[]; current: ActionDto }
  | { kind: 'failure'; message: string }
  | { kind: 'resumed'; version: number; kept: string[]; adopted: string[] };

interface Merge {
  current: ActionDto;
  fields: string[];
  adopted: string[];
}

const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? 's' : ''}`;
const currentValue = (dto: ActionDto, field: string) => formatFieldValue(field, (dto as unknown as Record<string, unknown>)[field]);

function focusById(id: string) {
  const el = document.getElementById(id);
  if (!el) return;
  el.focus();
  el.scrollIntoView({ block: 'center' });
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
      // After the click that follows this pointerup.
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

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  // Not labelled by its heading on purpose: a labelled <section> would also answer to
  // label lookups such as "Objectifs" and compete with the field of that name.
  return (
    <Card id={id} className="scroll-mt-6">
      <h2 className="mb-6 text-xl font-bold text-neutral-900">{title}</h2>
      <div className="space-y-6">{children}</div>
    </Card>
  );
}

function SrSuffix({ children }: { children: ReactNode }) {
  return <span className="sr-only">{children}</span>;
}

/* ------------------------------------------------------------------ component */

export function ActionForm({ mode, slug, initial, operators, saveAction, cancelHref }: ActionFormProps) {
  const [values, setValues] = useState<FormValues>(() => valuesFromDto(initial, (s, i) => `${s}-initial-${i}`));
  /** What the form held at the base version: tells, on a conflict, which fields the person changed. */
  const [baseValues, setBaseValues] = useState<FormValues>(values);
  const [baseVersion, setBaseVersion] = useState(initial?.version ?? 0);
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const [clientErrors, setClientErrors] = useState<Errors>({});
  const [serverErrors, setServerErrors] = useState<Errors>({});
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [merge, setMerge] = useState<Merge | null>(null);
  const [pending, setPending] = useState(false);
  /** Bumped to re-mount the (uncontrolled) checkbox groups when values are replaced. */
  const [groupsKey, setGroupsKey] = useState(0);
  const feedbackRef = useRef<HTMLDivElement>(null);
  const keySeq = useRef(0);
  /** Fields the person has typed in: leaving one untouched (e.g. tabbing through) reports nothing yet. */
  const edited = useRef(new Set<string>());
  /** Latest state, for blur validation deferred past a click. */
  const latest = useRef({ values, baseVersion });
  useEffect(() => {
    latest.current = { values, baseVersion };
  });
  const afterPointer = useAfterPointer();

  const newKey = () => `row-${++keySeq.current}`;
  const hasOperators = operators.length > 0 || values.operators.length > 0;

  /* ---------- errors shown */
  const shown: Errors = { ...serverErrors };
  for (const [key, messages] of Object.entries(clientErrors)) {
    if (submitted || touched.has(uiKey(key))) shown[key] = messages;
  }
  const errorsFor = (key: string): string[] | undefined => shown[key];
  /** Errors of a grouped control: its own plus its items' (prefixed with the line). */
  const groupErrors = (field: string, itemWord = 'Ligne'): string[] | undefined => {
    const out = [...(shown[field] ?? [])];
    for (const [key, messages] of Object.entries(shown)) {
      const [top, index] = key.split('.');
      if (top === field && index !== undefined) out.push(...messages.map((m) => `${itemWord} ${Number(index) + 1} : ${m}`));
    }
    return out.length ? out : undefined;
  };

  /* ---------- updates */
  const clearServer = (key: string) =>
    setServerErrors((prev) => {
      const grouped = GROUPED.has(key);
      const hit = Object.keys(prev).filter((k) => k === key || (grouped && k.startsWith(`${key}.`)));
      if (!hit.length) return prev;
      const next = { ...prev };
      for (const k of hit) delete next[k];
      return next;
    });

  const setField = <K extends Exclude<keyof FormValues, RowSection>>(field: K, value: FormValues[K], errorKey: string = field) => {
    setValues((v) => ({ ...v, [field]: value }));
    edited.current.add(errorKey);
    clearServer(errorKey);
  };

  const setRow = <S extends RowSection>(section: S, index: number, patch: Partial<RowOf<S>>, field: string) => {
    setValues((v) => ({ ...v, [section]: (v[section] as RowOf<S>[]).map((row, i) => (i === index ? { ...row, ...patch } : row)) }));
    edited.current.add(`${section}.${index}.${field}`);
    clearServer(`${section}.${index}.${field}`);
  };

  const toggle = (field: 'axes' | 'operators', value: string, checked: boolean) => {
    setValues((v) => {
      const list = v[field] as string[];
      const next = checked ? (list.includes(value) ? list : [...list, value]) : list.filter((x) => x !== value);
      return { ...v, [field]: next };
    });
    edited.current.add(field);
    clearServer(field);
  };

  /** On blur of an edited field: it now shows its errors, and the whole payload is validated again. */
  const touch = (key: string) => {
    if (!submitted && !touched.has(key) && !edited.current.has(key)) return;
    afterPointer(() => {
      setTouched((prev) => (prev.has(key) ? prev : new Set(prev).add(key)));
      setClientErrors(validate(latest.current.values, mode, latest.current.baseVersion).errors);
    });
  };
  /** Blur of a checkbox: only when focus leaves its group. */
  const touchGroup = (key: string, e: { currentTarget: HTMLElement; relatedTarget: EventTarget | null }) => {
    const group = e.currentTarget.closest('fieldset');
    if (group && e.relatedTarget instanceof Node && group.contains(e.relatedTarget)) return;
    touch(key);
  };

  const addRow = (section: RowSection) => {
    const key = newKey();
    const row =
      section === 'financing'
        ? ({ key, financer: '', operator: '', amount: '', status: 'PLANNED' } satisfies FinancingRow)
        : section === 'milestones'
          ? ({ key, title: '', dueDate: '', doneAt: '' } satisfies MilestoneRow)
          : ({ key, name: '', kind: 'OTHER', unit: '', target: '', actual: '' } satisfies IndicatorRow);
    const index = values[section].length;
    flushSync(() => setValues((v) => ({ ...v, [section]: [...v[section], row] })));
    focusById(rowFieldId(section, index, ROW_FIRST[section]));
  };

  const removeRow = (section: RowSection, index: number) => {
    edited.current = shiftTouched(edited.current, section, index);
    flushSync(() => {
      setValues((v) => ({ ...v, [section]: (v[section] as { key: string }[]).filter((_, i) => i !== index) }));
      setTouched((prev) => shiftTouched(prev, section, index));
      setClientErrors((prev) => shiftErrors(prev, section, index));
      setServerErrors((prev) => shiftErrors(prev, section, index));
    });
    focusById(addButtonId(section));
  };

  /* ---------- save */
  const showFeedback = (next: Feedback, extra?: () => void) => {
    flushSync(() => {
      setFeedback(next);
      setPending(false);
      extra?.();
    });
    feedbackRef.current?.focus();
  };

  const submit = async () => {
    if (pending) return;
    const { data, errors } = validate(values, mode, baseVersion);
    if (Object.keys(errors).length) {
      const all = { ...serverErrors, ...errors };
      showFeedback({ kind: 'errors', items: summarize(all, hasOperators) }, () => {
        setSubmitted(true);
        setClientErrors(errors);
      });
      return;
    }
    if (mode === 'update' && !initial) {
      showFeedback({ kind: 'failure', message: "L'action à modifier est introuvable : rechargez la page." });
      return;
    }
    setSubmitted(true);
    setClientErrors({});
    setPending(true);
    let result: SaveResult;
    try {
      result =
        mode === 'create' || !initial
          ? await saveAction({ mode: 'create', slug, data })
          : await saveAction({ mode: 'update', id: initial.id, data });
    } catch {
      showFeedback({
        kind: 'failure',
        message: "L'enregistrement n'a pas abouti (connexion au serveur interrompue ?). Vos saisies sont conservées : réessayez.",
      });
      return;
    }
    if (result.ok) {
      // Stay pending: the page is about to change.
      window.location.assign(result.redirectTo);
      return;
    }
    if (result.conflict) {
      showFeedback({ kind: 'conflict', message: result.message, ...result.conflict });
    } else if (result.errors && Object.keys(result.errors).length) {
      const received = result.errors;
      showFeedback({ kind: 'errors', message: result.message, items: summarize(received, hasOperators) }, () =>
        setServerErrors(received),
      );
    } else {
      showFeedback({ kind: 'failure', message: result.message });
    }
  };

  /** Continue on the current version: untouched fields take the saved value, typed ones are kept. */
  const resume = (current: ActionDto, changedFields: string[]) => {
    const currentValues = valuesFromDto(current, () => newKey());
    let next = values;
    const adopted: string[] = [];
    const kept: string[] = [];
    for (const field of changedFields) {
      if (!EDITABLE.has(field)) continue;
      const mine = JSON.stringify(slice(values, field));
      if (mine === JSON.stringify(slice(baseValues, field)) || mine === JSON.stringify(slice(currentValues, field))) {
        next = adopt(next, currentValues, field);
        adopted.push(field);
      } else {
        kept.push(field);
      }
    }
    const nextValues = next;
    showFeedback({ kind: 'resumed', version: current.version, kept, adopted }, () => {
      setValues(nextValues);
      setBaseValues(currentValues);
      setBaseVersion(current.version);
      setMerge({ current, fields: changedFields, adopted });
      setClientErrors(validate(nextValues, mode, current.version).errors);
      setGroupsKey((k) => k + 1);
    });
  };

  /* ---------- merge hints */
  const mergeNote = (field: string): ReactNode => {
    if (!merge || !merge.fields.includes(field)) return null;
    return (
      <span className="mt-1 block rounded bg-warning-50 px-2 py-1 font-medium text-warning-900">
        Valeur actuelle enregistrée : {currentValue(merge.current, field)}
        {merge.adopted.includes(field) ? ' (reprise dans le formulaire, vous n’aviez pas modifié ce champ)' : ''}
      </span>
    );
  };
  const hint = (field: string, base?: ReactNode): ReactNode => {
    const note = mergeNote(field);
    if (!note) return base;
    return (
      <>
        {base}
        {note}
      </>
    );
  };

  /* ---------- render helpers */
  const statusOptions = STATUSES.map((s) => ({ value: s, label: ACTION_STATUS_LABELS[s] }));
  const operatorOptions = [
    ...operators.map((o) => ({ value: o.slug, label: o.name })),
    // Keep an operator already linked even if it is no longer listed.
    ...(initial?.operators ?? [])
      .filter((o) => !operators.some((x) => x.slug === o.slug))
      .map((o) => ({ value: o.slug, label: o.name })),
  ];

  const financedCents = values.financing.reduce((sum, row) => {
    const cents = parseEurosToCents(row.amount);
    return row.status !== 'REFUSED' && typeof cents === 'number' ? sum + cents : sum;
  }, 0);
  const budgetCents = parseEurosToCents(values.budget);

  const rowLegend = (title: string) => <legend className="px-1 font-semibold text-neutral-900">{title}</legend>;

  const removeButton = (section: RowSection, index: number) => (
    <div className="flex justify-end">
      <Button type="button" variant="secondary" size="sm" onClick={() => removeRow(section, index)}>
        Retirer<SrSuffix>{` ${REMOVE_OBJECT[section]} ${index + 1}`}</SrSuffix>
      </Button>
    </div>
  );

  const addButton = (section: RowSection) => (
    <div>
      <Button
        type="button"
        variant="secondary"
        id={addButtonId(section)}
        onClick={() => addRow(section)}
        disabled={values[section].length >= ROW_LIMIT[section]}
      >
        {ADD_LABEL[section]}
      </Button>
      {values[section].length >= ROW_LIMIT[section] && (
        <p className="mt-1 text-sm text-neutral-700">{ROW_LIMIT[section]} lignes au maximum.</p>
      )}
    </div>
  );

  const sectionErrors = (section: RowSection) => {
    const errors = errorsFor(section);
    return errors ? (
      <div className="font-semibold text-danger-700">
        {errors.map((m, i) => (
          <p key={i}>{m}</p>
        ))}
      </div>
    ) : null;
  };

  const sectionMerge = (section: RowSection) => {
    const note = mergeNote(section);
    return note ? <p className="text-sm">{note}</p> : null;
  };

  const submitLabel = mode === 'create' ? "Créer l'action" : 'Enregistrer les modifications';

  return (
    <div className="lg:grid lg:grid-cols-[minmax(12rem,16rem)_minmax(0,1fr)] lg:gap-8">
      <nav aria-labelledby="action-form-sommaire" className="mb-6 lg:sticky lg:top-6 lg:mb-0 lg:self-start">
        <h2 id="action-form-sommaire" className="text-lg font-semibold text-neutral-900">
          Sommaire
        </h2>
        <ol className="mt-2 space-y-1">
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <a className="link" href={`#${s.id}`}>
                {s.title}
              </a>
            </li>
          ))}
        </ol>
      </nav>

      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        className="min-w-0 space-y-6"
        aria-busy={pending || undefined}
      >
        {feedback?.kind === 'errors' && (
          <Alert tone="error" ref={feedbackRef} tabIndex={-1}>
            <h2 className="text-lg font-bold">
              Le formulaire contient {plural(feedback.items.length, 'erreur')}
            </h2>
            {feedback.message && <p className="mt-1">{feedback.message}</p>}
            <ul className="mt-2 list-disc space-y-1 pl-6">
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
              <>
                <p className="mt-2">Champs modifiés entre-temps, avec leur valeur actuellement enregistrée :</p>
                <ul className="mt-1 list-disc space-y-1 pl-6">
                  {feedback.changedFields.map((field) => (
                    <li key={field}>
                      <strong>{labelOf(field)}</strong> : {currentValue(feedback.current, field)}
                    </li>
                  ))}
                </ul>
              </>
            )}
            <p className="mt-2">
              Vos saisies sont conservées. Reprenez sur la version à jour (version {feedback.current.version}) : la valeur
              enregistrée s’affichera sous chaque champ concerné, pour que vous puissiez fusionner avant d’enregistrer.
            </p>
            <Button type="button" className="mt-3" onClick={() => resume(feedback.current, feedback.changedFields)}>
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
          <Alert tone="info" title={`Vous travaillez sur la version à jour (version ${feedback.version})`} ref={feedbackRef} tabIndex={-1}>
            <p>Sous chaque champ modifié entre-temps figure la mention « Valeur actuelle enregistrée ».</p>
            {feedback.adopted.length > 0 && (
              <p className="mt-1">
                Repris de la version enregistrée (vous ne les aviez pas modifiés) : {feedback.adopted.map(labelOf).join(', ')}.
              </p>
            )}
            {feedback.kept.length > 0 && (
              <p className="mt-1">
                Votre saisie est conservée, à comparer avec la valeur enregistrée : {feedback.kept.map(labelOf).join(', ')}.
              </p>
            )}
            <p className="mt-1">Vérifiez puis cliquez sur « {submitLabel} ».</p>
          </Alert>
        )}

        <RequiredFieldsNote />

        <Section id="section-identification" title="Identification">
          <TextInput
            id={fieldId('title')}
            name="title"
            label="Titre"
            required
            maxLength={200}
            autoComplete="off"
            value={values.title}
            onChange={(e) => setField('title', e.target.value)}
            onBlur={() => touch('title')}
            error={errorsFor('title')}
            hint={hint('title')}
          />
          <CheckboxGroup
            key={`axes-${groupsKey}`}
            id={fieldId('axes')}
            name="axes"
            label="Axes du programme"
            required
            hint={hint('axes', 'Cochez au moins un axe.')}
            options={AXES.map((a) => ({ value: a, label: AXIS_LABELS[a] }))}
            defaultValues={values.axes}
            onChange={(e) => toggle('axes', e.currentTarget.value, e.currentTarget.checked)}
            onBlur={(e) => touchGroup('axes', e)}
            aria-invalid={groupErrors('axes', 'Axe') ? true : undefined}
            error={groupErrors('axes', 'Axe')}
          />
          <div className="grid gap-6 sm:grid-cols-3">
            <Select
              id={fieldId('phase')}
              name="phase"
              label="Phase"
              options={PHASES.map((p) => ({ value: p, label: PHASE_LABELS[p] }))}
              value={values.phase}
              onChange={(e) => setField('phase', e.target.value as ActionPhase)}
              onBlur={() => touch('phase')}
              error={errorsFor('phase')}
              hint={hint('phase')}
            />
            <Select
              id={fieldId('status')}
              name="status"
              label="Statut"
              options={statusOptions}
              value={values.status}
              onChange={(e) => setField('status', e.target.value as ActionStatus)}
              onBlur={() => touch('status')}
              error={errorsFor('status')}
              hint={hint('status')}
            />
            <Select
              id={fieldId('priority')}
              name="priority"
              label="Priorité"
              options={PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABELS[p] }))}
              value={values.priority}
              onChange={(e) => setField('priority', e.target.value as Priority)}
              onBlur={() => touch('priority')}
              error={errorsFor('priority')}
              hint={hint('priority')}
            />
          </div>
        </Section>

        <Section id="section-description" title="Description et objectifs">
          <TextArea
            id={fieldId('description')}
            name="description"
            label="Description"
            rows={6}
            maxLength={10_000}
            value={values.description}
            onChange={(e) => setField('description', e.target.value)}
            onBlur={() => touch('description')}
            error={errorsFor('description')}
            hint={hint('description')}
          />
          <TextArea
            id={fieldId('objectives')}
            name="objectives"
            label="Objectifs"
            rows={4}
            maxLength={5_000}
            value={values.objectives}
            onChange={(e) => setField('objectives', e.target.value)}
            onBlur={() => touch('objectives')}
            error={errorsFor('objectives')}
            hint={hint('objectives')}
          />
        </Section>

        <Section id="section-calendrier" title="Calendrier et pilotage">
          <div className="grid gap-6 sm:grid-cols-2">
            <TextInput
              id={fieldId('startDate')}
              name="startDate"
              type="date"
              label="Date de début"
              min="1990-01-01"
              max="2100-12-31"
              value={values.startDate}
              onChange={(e) => setField('startDate', e.target.value)}
              onBlur={() => touch('startDate')}
              error={errorsFor('startDate')}
              hint={hint('startDate')}
            />
            <TextInput
              id={fieldId('endDate')}
              name="endDate"
              type="date"
              label="Date de fin prévue"
              min="1990-01-01"
              max="2100-12-31"
              value={values.endDate}
              onChange={(e) => setField('endDate', e.target.value)}
              onBlur={() => touch('endDate')}
              error={errorsFor('endDate')}
              hint={hint('endDate')}
            />
          </div>
          <TextInput
            id={fieldId('pilot')}
            name="pilot"
            label="Pilote"
            maxLength={200}
            value={values.pilot}
            onChange={(e) => setField('pilot', e.target.value)}
            onBlur={() => touch('pilot')}
            error={errorsFor('pilot')}
            hint={hint('pilot', 'Structure ou personne qui porte l’action.')}
          />
          <TextArea
            id={fieldId('partners')}
            name="partners"
            label="Partenaires"
            rows={4}
            value={values.partners}
            onChange={(e) => setField('partners', e.target.value)}
            onBlur={() => touch('partners')}
            error={groupErrors('partners')}
            hint={hint('partners', 'Un partenaire par ligne (30 au maximum).')}
          />
          {operatorOptions.length > 0 ? (
            <CheckboxGroup
              key={`operators-${groupsKey}`}
              id={fieldId('operators')}
              name="operators"
              label="Opérateurs mobilisés"
              hint={hint('operators')}
              options={operatorOptions}
              defaultValues={values.operators}
              onChange={(e) => toggle('operators', e.currentTarget.value, e.currentTarget.checked)}
              onBlur={(e) => touchGroup('operators', e)}
              aria-invalid={groupErrors('operators') ? true : undefined}
              error={groupErrors('operators')}
            />
          ) : (
            <p className="text-neutral-700">Aucun opérateur n’est référencé.</p>
          )}
        </Section>

        <Section id="section-budget" title="Budget et financements">
          <TextInput
            id={fieldId('budget')}
            name="budget"
            label="Budget prévisionnel (€)"
            inputMode="decimal"
            autoComplete="off"
            className="max-w-sm"
            value={values.budget}
            onChange={(e) => setField('budget', e.target.value, 'budgetCents')}
            onBlur={() => touch('budgetCents')}
            error={errorsFor('budgetCents')}
            hint={hint('budgetCents', 'En euros, par exemple 250 000 ou 250 000,50. Laissez vide si inconnu.')}
          />
          <div className="space-y-4">
            <h3 className="text-lg font-semibold text-neutral-900">Lignes de financement</h3>
            {sectionMerge('financing')}
            {sectionErrors('financing')}
            {values.financing.length === 0 && <p className="text-neutral-700">Aucune ligne de financement.</p>}
            {values.financing.map((row, i) => {
              const n = i + 1;
              const suffix = <SrSuffix>{` (financement ${n})`}</SrSuffix>;
              return (
                <fieldset key={row.key} className="space-y-4 rounded border border-neutral-300 p-4">
                  {rowLegend(`Financement ${n}`)}
                  <div className="grid gap-4 sm:grid-cols-2">
                    <TextInput
                      id={rowFieldId('financing', i, 'financer')}
                      name={`financing.${i}.financer`}
                      label={<>Financeur{suffix}</>}
                      required
                      maxLength={200}
                      value={row.financer}
                      onChange={(e) => setRow('financing', i, { financer: e.target.value }, 'financer')}
                      onBlur={() => touch(`financing.${i}.financer`)}
                      error={errorsFor(`financing.${i}.financer`)}
                    />
                    <Select
                      id={rowFieldId('financing', i, 'operator')}
                      name={`financing.${i}.operator`}
                      label={<>Opérateur{suffix}</>}
                      placeholder="— Aucun —"
                      options={operatorOptions}
                      value={row.operator}
                      onChange={(e) => setRow('financing', i, { operator: e.target.value }, 'operator')}
                      onBlur={() => touch(`financing.${i}.operator`)}
                      error={errorsFor(`financing.${i}.operator`)}
                    />
                    <TextInput
                      id={rowFieldId('financing', i, 'amountCents')}
                      name={`financing.${i}.amount`}
                      label={<>Montant (€){suffix}</>}
                      required
                      inputMode="decimal"
                      autoComplete="off"
                      value={row.amount}
                      onChange={(e) => setRow('financing', i, { amount: e.target.value }, 'amountCents')}
                      onBlur={() => touch(`financing.${i}.amountCents`)}
                      error={errorsFor(`financing.${i}.amountCents`)}
                    />
                    <Select
                      id={rowFieldId('financing', i, 'status')}
                      name={`financing.${i}.status`}
                      label={<>Statut du financement{suffix}</>}
                      options={FINANCING_STATUSES.map((s) => ({ value: s, label: FINANCING_STATUS_LABELS[s] }))}
                      value={row.status}
                      onChange={(e) => setRow('financing', i, { status: e.target.value as FinancingStatus }, 'status')}
                      onBlur={() => touch(`financing.${i}.status`)}
                      error={errorsFor(`financing.${i}.status`)}
                    />
                  </div>
                  {removeButton('financing', i)}
                </fieldset>
              );
            })}
            {addButton('financing')}
            <p className="text-sm text-neutral-700">
              Financements envisagés, demandés ou accordés : <strong>{formatEuros(financedCents)}</strong>
              {typeof budgetCents === 'number' && (
                <>
                  {' '}
                  sur un budget prévisionnel de <strong>{formatEuros(budgetCents)}</strong>
                </>
              )}
              .
            </p>
          </div>
        </Section>

        <Section id="section-jalons" title="Jalons">
          {sectionMerge('milestones')}
          {sectionErrors('milestones')}
          {values.milestones.length === 0 && <p className="text-neutral-700">Aucun jalon.</p>}
          {values.milestones.map((row, i) => {
            const n = i + 1;
            const suffix = <SrSuffix>{` (jalon ${n})`}</SrSuffix>;
            return (
              <fieldset key={row.key} className="space-y-4 rounded border border-neutral-300 p-4">
                {rowLegend(`Jalon ${n}`)}
                <div className="grid gap-4 sm:grid-cols-3">
                  <TextInput
                    id={rowFieldId('milestones', i, 'title')}
                    name={`milestones.${i}.title`}
                    label={<>Intitulé du jalon{suffix}</>}
                    className="sm:col-span-3"
                    required
                    maxLength={200}
                    value={row.title}
                    onChange={(e) => setRow('milestones', i, { title: e.target.value }, 'title')}
                    onBlur={() => touch(`milestones.${i}.title`)}
                    error={errorsFor(`milestones.${i}.title`)}
                  />
                  <TextInput
                    id={rowFieldId('milestones', i, 'dueDate')}
                    name={`milestones.${i}.dueDate`}
                    type="date"
                    label={<>Échéance{suffix}</>}
                    required
                    min="1990-01-01"
                    max="2100-12-31"
                    value={row.dueDate}
                    onChange={(e) => setRow('milestones', i, { dueDate: e.target.value }, 'dueDate')}
                    onBlur={() => touch(`milestones.${i}.dueDate`)}
                    error={errorsFor(`milestones.${i}.dueDate`)}
                  />
                  <TextInput
                    id={rowFieldId('milestones', i, 'doneAt')}
                    name={`milestones.${i}.doneAt`}
                    type="date"
                    label={<>Date de réalisation{suffix}</>}
                    hint="Laissez vide tant que le jalon n’est pas atteint."
                    min="1990-01-01"
                    max="2100-12-31"
                    className="sm:col-span-2"
                    value={row.doneAt}
                    onChange={(e) => setRow('milestones', i, { doneAt: e.target.value }, 'doneAt')}
                    onBlur={() => touch(`milestones.${i}.doneAt`)}
                    error={errorsFor(`milestones.${i}.doneAt`)}
                  />
                </div>
                {removeButton('milestones', i)}
              </fieldset>
            );
          })}
          {addButton('milestones')}
        </Section>

        <Section id="section-indicateurs" title="Indicateurs">
          {sectionMerge('indicators')}
          {sectionErrors('indicators')}
          {values.indicators.length === 0 && <p className="text-neutral-700">Aucun indicateur.</p>}
          {values.indicators.map((row, i) => {
            const n = i + 1;
            const suffix = <SrSuffix>{` (indicateur ${n})`}</SrSuffix>;
            return (
              <fieldset key={row.key} className="space-y-4 rounded border border-neutral-300 p-4">
                {rowLegend(`Indicateur ${n}`)}
                <div className="grid gap-4 sm:grid-cols-2">
                  <TextInput
                    id={rowFieldId('indicators', i, 'name')}
                    name={`indicators.${i}.name`}
                    label={<>{"Nom de l'indicateur"}{suffix}</>}
                    required
                    maxLength={200}
                    value={row.name}
                    onChange={(e) => setRow('indicators', i, { name: e.target.value }, 'name')}
                    onBlur={() => touch(`indicators.${i}.name`)}
                    error={errorsFor(`indicators.${i}.name`)}
                  />
                  <Select
                    id={rowFieldId('indicators', i, 'kind')}
                    name={`indicators.${i}.kind`}
                    label={<>{"Type d'indicateur"}{suffix}</>}
                    options={INDICATOR_KINDS.map((k) => ({ value: k, label: INDICATOR_KIND_LABELS[k] }))}
                    value={row.kind}
                    onChange={(e) => setRow('indicators', i, { kind: e.target.value as IndicatorKind }, 'kind')}
                    onBlur={() => touch(`indicators.${i}.kind`)}
                    error={errorsFor(`indicators.${i}.kind`)}
                  />
                  <TextInput
                    id={rowFieldId('indicators', i, 'unit')}
                    name={`indicators.${i}.unit`}
                    label={<>Unité{suffix}</>}
                    hint="Par exemple : emplois, €, ha, MWh/an."
                    required
                    maxLength={40}
                    value={row.unit}
                    onChange={(e) => setRow('indicators', i, { unit: e.target.value }, 'unit')}
                    onBlur={() => touch(`indicators.${i}.unit`)}
                    error={errorsFor(`indicators.${i}.unit`)}
                  />
                  <div className="grid gap-4 sm:grid-cols-2">
                    <TextInput
                      id={rowFieldId('indicators', i, 'target')}
                      name={`indicators.${i}.target`}
                      label={<>Cible{suffix}</>}
                      inputMode="decimal"
                      autoComplete="off"
                      value={row.target}
                      onChange={(e) => setRow('indicators', i, { target: e.target.value }, 'target')}
                      onBlur={() => touch(`indicators.${i}.target`)}
                      error={errorsFor(`indicators.${i}.target`)}
                    />
                    <TextInput
                      id={rowFieldId('indicators', i, 'actual')}
                      name={`indicators.${i}.actual`}
                      label={<>Valeur réalisée{suffix}</>}
                      inputMode="decimal"
                      autoComplete="off"
                      value={row.actual}
                      onChange={(e) => setRow('indicators', i, { actual: e.target.value }, 'actual')}
                      onBlur={() => touch(`indicators.${i}.actual`)}
                      error={errorsFor(`indicators.${i}.actual`)}
                    />
                  </div>
                </div>
                {removeButton('indicators', i)}
              </fieldset>
            );
          })}
          {addButton('indicators')}
        </Section>

        <Section id="section-notes" title="Notes et liens">
          <TextArea
            id={fieldId('notes')}
            name="notes"
            label="Notes"
            rows={5}
            maxLength={10_000}
            value={values.notes}
            onChange={(e) => setField('notes', e.target.value)}
            onBlur={() => touch('notes')}
            error={errorsFor('notes')}
            hint={hint('notes')}
          />
          <TextArea
            id={fieldId('links')}
            name="links"
            label="Liens"
            rows={4}
            value={values.links}
            onChange={(e) => setField('links', e.target.value)}
            onBlur={() => touch('links')}
            error={groupErrors('links')}
            hint={hint('links', 'Une adresse web (http ou https) par ligne, 20 au maximum.')}
          />
        </Section>

        {merge?.fields.includes('archivedAt') && (
          <Alert tone="warning" title="Archivage modifié entre-temps">
            Archivage : {currentValue(merge.current, 'archivedAt')}
          </Alert>
        )}

        <div className="flex flex-wrap items-center gap-4">
          <Button type="submit" aria-disabled={pending || undefined}>
            {pending ? 'Enregistrement…' : submitLabel}
          </Button>
          <ButtonLink href={cancelHref} variant="secondary">
            Annuler
          </ButtonLink>
          <p role="status" className="sr-only">
            {pending ? 'Enregistrement en cours…' : ''}
          </p>
        </div>
      </form>
    </div>
  );
}
