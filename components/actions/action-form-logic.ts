// Pure logic of the action form, derived from the field registry's form metadata: values from a
// DTO, the payload the schemas expect (with French messages for what cannot be converted), error
// keys → controls and summary wording, and the conflict adapter. No React, no DOM.
import type { ConflictAdapter } from '@/components/forms/conflict';
import { parseKey, type ErrorMap, type FieldErrors } from '@/components/forms/errors';
import { FIELD_LABELS, type ActionDto } from '@/lib/actions/dto';
import { formatFieldValue } from '@/lib/actions/format';
import { actionCreateSchema, actionUpdateSchema } from '@/lib/actions/schemas';
import { fieldErrorsFromZod } from '@/lib/validation';
import type { FormFieldMeta, InputKind, SubFieldMeta } from './action-form-fields';
import { formatCentsInput, formatDecimalInput, parseDecimalInput, parseEurosToCents } from './money';

/** One repeatable row as typed: a React key, the stored id (kept on update), one string per sub-field. */
export interface FormRow {
  key: string;
  id?: string;
  [field: string]: string | undefined;
}
export type FieldValue = string | string[] | FormRow[];
/** Form values by registry key; `@<key>` holds the French text of a tracked field the form does not edit. */
export type ActionValues = Record<string, FieldValue>;

export type Mode = 'create' | 'update';

/** Controls that edit a list as one (errors of items `partners.2` belong to `partners`). */
const GROUPED_KINDS: readonly InputKind[] = ['checkboxes', 'operators', 'lines'];

/** Presentation of the repeatables (nouns, buttons): the registry says what, this says how it reads. */
export const ROW_TEXT: Record<string, { noun: string; removeObject: string; add: string; empty: string; heading?: string }> = {
  financing: {
    noun: 'financement',
    removeObject: 'le financement',
    add: 'Ajouter un financement',
    empty: 'Aucune ligne de financement.',
    heading: 'Lignes de financement',
  },
  milestones: { noun: 'jalon', removeObject: 'le jalon', add: 'Ajouter un jalon', empty: 'Aucun jalon.' },
  indicators: { noun: 'indicateur', removeObject: "l'indicateur", add: 'Ajouter un indicateur', empty: 'Aucun indicateur.' },
};
export const rowText = (field: FormFieldMeta) =>
  ROW_TEXT[field.key] ?? {
    noun: 'ligne',
    removeObject: 'la ligne',
    add: `Ajouter : ${field.label.toLowerCase()}`,
    empty: 'Aucune ligne.',
  };

/** Initial values of a new action's selects and of a new row's selects, when not the first option. */
const CREATE_DEFAULTS: Record<string, string> = { phase: 'IDEA', status: 'NOT_STARTED', priority: 'MEDIUM' };
const ROW_DEFAULTS: Record<string, Record<string, string>> = { financing: { status: 'PLANNED' }, indicators: { kind: 'OTHER' } };

export const fieldId = (key: string) => `action-${key}`;
export const rowFieldId = (section: string, index: number, field: string) => `action-${section}-${index}-${field}`;
export const addButtonId = (section: string) => `action-${section}-ajouter`;

export const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

const AMOUNT_HELP = 'saisissez un nombre en euros, par exemple 250 000 ou 250 000,50 (deux décimales au maximum).';
const NUMBER_HELP = 'saisissez un nombre, par exemple 12 ou 12,5.';
/** "Budget prévisionnel (€)" → "Budget prévisionnel". */
const bare = (label: string) => label.replace(/\s*\(€\)\s*$/, '');

const str = (v: FieldValue | undefined) => (typeof v === 'string' ? v : '');
const arr = (v: FieldValue | undefined) => (Array.isArray(v) ? (v as string[]) : []);
const rowsOf = (v: FieldValue | undefined) => (Array.isArray(v) ? (v as FormRow[]) : []);

function inputOf(kind: InputKind, value: unknown): string {
  if (kind === 'money') return formatCentsInput((value as number | null | undefined) ?? null);
  if (kind === 'decimal') return formatDecimalInput((value as number | null | undefined) ?? null);
  return value === null || value === undefined ? '' : String(value);
}

export function newRow(field: FormFieldMeta, key: string): FormRow {
  const row: FormRow = { key };
  for (const sub of field.subFields ?? []) {
    row[sub.key] = ROW_DEFAULTS[field.key]?.[sub.key] ?? (sub.kind === 'select' ? (sub.options?.[0]?.value ?? '') : '');
  }
  return row;
}

export function valuesFromDto(dto: ActionDto | undefined, fields: readonly FormFieldMeta[], key: (section: string, index: number) => string): ActionValues {
  const source = (dto ?? {}) as unknown as Record<string, unknown>;
  const out: ActionValues = {};
  for (const f of fields) {
    const v = source[f.key];
    switch (f.kind) {
      case 'checkboxes':
        out[f.key] = Array.isArray(v) ? [...(v as string[])] : [];
        break;
      case 'operators':
        out[f.key] = Array.isArray(v) ? (v as { slug: string }[]).map((o) => o.slug) : [];
        break;
      case 'lines':
        out[f.key] = Array.isArray(v) ? (v as string[]).join('\n') : '';
        break;
      case 'repeatable':
        out[f.key] = (Array.isArray(v) ? (v as Record<string, unknown>[]) : []).map((row, i) => {
          const r: FormRow = { key: key(f.key, i) };
          if (typeof row.id === 'string') r.id = row.id;
          for (const sub of f.subFields ?? []) r[sub.key] = inputOf(sub.kind, row[sub.key]);
          return r;
        });
        break;
      case 'select':
        out[f.key] = dto ? inputOf(f.kind, v) : (CREATE_DEFAULTS[f.key] ?? f.options?.[0]?.value ?? '');
        break;
      default:
        out[f.key] = inputOf(f.kind, v);
    }
  }
  // Tracked fields this form does not edit (e.g. archivedAt): kept as text for the conflict panel.
  const edited = new Set<string>(fields.map((f) => f.key));
  for (const k of Object.keys(FIELD_LABELS)) if (!edited.has(k)) out[`@${k}`] = dto ? formatFieldValue(k, source[k]) : '—';
  return out;
}

/** One typed value as the schema expects it; `error` when it cannot be converted. */
function convert(kind: InputKind, raw: string, label: string, required: boolean): { value: unknown; error?: string } {
  switch (kind) {
    case 'money': {
      const n = parseEurosToCents(raw);
      if (n === 'invalid') return { value: null, error: `${bare(label)} invalide : ${AMOUNT_HELP}` };
      if (n === null && required) return { value: 0, error: `${bare(label)} : champ obligatoire.` };
      return { value: n };
    }
    case 'decimal': {
      const n = parseDecimalInput(raw);
      return n === 'invalid' ? { value: null, error: `${label} invalide : ${NUMBER_HELP}` } : { value: n };
    }
    case 'date':
      if (!raw && required) return { value: null, error: `${label} : champ obligatoire.` };
      return { value: raw || null };
    case 'operators':
      return { value: raw || null };
    default:
      return { value: raw };
  }
}

/** The payload exactly as the schema expects it, plus errors for what could not be converted. */
export function buildPayload(v: ActionValues, fields: readonly FormFieldMeta[], mode: Mode, version: number) {
  const parseErrors: FieldErrors = {};
  const data: Record<string, unknown> = {};
  for (const f of fields) {
    const value = v[f.key];
    if (f.kind === 'checkboxes' || f.kind === 'operators') data[f.key] = [...arr(value)];
    else if (f.kind === 'lines') data[f.key] = lines(str(value));
    else if (f.kind === 'repeatable') {
      data[f.key] = rowsOf(value).map((row, i) => {
        const out: Record<string, unknown> = row.id ? { id: row.id } : {};
        for (const sub of f.subFields ?? []) {
          const c = convert(sub.kind, row[sub.key] ?? '', sub.label, sub.required);
          if (c.error) parseErrors[`${f.key}.${i}.${sub.key}`] = [c.error];
          out[sub.key] = c.value;
        }
        return out;
      });
    } else {
      const c = convert(f.kind, str(value), f.label, false);
      if (c.error) parseErrors[f.key] = [c.error];
      data[f.key] = c.value;
    }
  }
  return { data: mode === 'update' ? { version, ...data } : data, parseErrors };
}

export function validateAction(v: ActionValues, fields: readonly FormFieldMeta[], mode: Mode, version: number) {
  const { data, parseErrors } = buildPayload(v, fields, mode, version);
  const result = (mode === 'create' ? actionCreateSchema : actionUpdateSchema).safeParse(data);
  const errors: FieldErrors = result.success ? {} : fieldErrorsFromZod(result.error);
  // A value that could not be converted gets its own, more helpful message.
  return { data, errors: { ...errors, ...parseErrors } };
}

/* ------------------------------------------------------------------ error keys */

export function touchKeyFor(fields: readonly FormFieldMeta[]) {
  const grouped = new Set<string>(fields.filter((f) => GROUPED_KINDS.includes(f.kind)).map((f) => f.key));
  return (errorKey: string) => {
    const top = parseKey(errorKey).top;
    return grouped.has(top) ? top : errorKey;
  };
}

const capitalize = (s: string) => s.replace(/^./, (c) => c.toUpperCase());

export function actionErrorMap(fields: readonly FormFieldMeta[], hasOperators: boolean): ErrorMap {
  const byKey = new Map<string, FormFieldMeta>(fields.map((f) => [f.key, f]));
  return {
    order: ['_', 'version', ...fields.map((f) => f.key)],
    rowFields: Object.fromEntries(fields.filter((f) => f.subFields).map((f) => [f.key, (f.subFields ?? []).map((s) => s.key)])),
    target(key) {
      const { top, index, sub } = parseKey(key);
      const f = byKey.get(top);
      if (!f) return null;
      if (f.kind === 'repeatable') {
        if (index !== null && sub && f.subFields?.some((s) => s.key === sub)) return rowFieldId(top, index, sub);
        return addButtonId(top);
      }
      if (f.kind === 'checkboxes') return `${fieldId(top)}-0`;
      if (f.kind === 'operators') return hasOperators ? `${fieldId(top)}-0` : null;
      return fieldId(top);
    },
    text(key, message) {
      const { top, index } = parseKey(key);
      const f = byKey.get(top);
      if (!f || index === null) return f?.kind === 'operators' ? `${f.label} : ${message}` : message;
      if (f.kind === 'repeatable') return `${capitalize(rowText(f).noun)} ${index + 1} : ${message}`;
      if (GROUPED_KINDS.includes(f.kind)) return `${f.label} (ligne ${index + 1}) : ${message}`;
      return message;
    },
  };
}

/* ------------------------------------------------------------------ comparison and conflicts */

function comparableRow(row: FormRow, subs: readonly SubFieldMeta[]) {
  return Object.fromEntries(
    subs.map((s) => {
      const raw = row[s.key] ?? '';
      return [s.key, s.kind === 'money' ? parseEurosToCents(raw) : s.kind === 'decimal' ? parseDecimalInput(raw) : raw];
    }),
  );
}

/** Comparable value of one field (what tells whether the person changed it). */
export function comparable(v: ActionValues, f: FormFieldMeta): unknown {
  const value = v[f.key];
  switch (f.kind) {
    case 'money':
      return parseEurosToCents(str(value));
    case 'decimal':
      return parseDecimalInput(str(value));
    case 'lines':
      return lines(str(value));
    case 'checkboxes':
    case 'operators':
      return [...arr(value)].sort();
    case 'repeatable':
      return rowsOf(value).map((row) => comparableRow(row, f.subFields ?? []));
    default:
      return value;
  }
}

/** The whole form without row keys and ids, for the unsaved-changes check. */
export const comparableForm = (fields: readonly FormFieldMeta[]) => (v: ActionValues) => fields.map((f) => comparable(v, f));

/** French text of one field's value, as the history shows it. */
export function display(v: ActionValues, f: FormFieldMeta, operatorName: (slug: string) => string): string {
  const c = comparable(v, f);
  if (f.kind === 'operators') return formatFieldValue(f.key, (c as string[]).map((slug) => operatorName(slug)));
  if (f.kind === 'money' || f.kind === 'decimal') return typeof c === 'number' || c === null ? formatFieldValue(f.key, c) : str(v[f.key]);
  if (f.kind === 'repeatable') {
    const rows = (c as Record<string, unknown>[]).map((r) =>
      Object.fromEntries(Object.entries(r).map(([k, x]) => [k, x === 'invalid' ? null : x === '' ? null : x])),
    );
    return formatFieldValue(f.key, rows);
  }
  return formatFieldValue(f.key, c);
}

let savedSeq = 0;
const savedKey = () => `row-saved-${++savedSeq}`;

export function actionConflict(
  fields: readonly FormFieldMeta[],
  operatorName: (slug: string) => string,
  newKey: () => string = savedKey,
): ConflictAdapter<ActionValues, ActionDto> {
  const byKey = new Map<string, FormFieldMeta>(fields.map((f) => [f.key, f]));
  const label = (field: string) => (FIELD_LABELS as Record<string, string>)[field] ?? byKey.get(field)?.label ?? field;
  return {
    entityKey: 'action',
    valuesFrom: (dto) => valuesFromDto(dto, fields, () => newKey()),
    editable: (field) => byKey.has(field),
    compare: (v, field) => {
      const f = byKey.get(field);
      return f ? comparable(v, f) : v[`@${field}`];
    },
    adopt: (v, from, field) => (byKey.has(field) ? { ...v, [field]: from[field] as FieldValue } : v),
    display: (v, field) => {
      const f = byKey.get(field);
      return f ? display(v, f, operatorName) : str(v[`@${field}`]) || '—';
    },
    label,
  };
}
