// Building blocks of the field registry (lib/actions/fields.ts, ADR 0018): the allowed
// codes, the zod fragments with their French messages, the spreadsheet column types and
// the parsers that read a cell back into an input. Nothing here knows a particular field.
import { z } from 'zod';
import '@/lib/validation';

/* ------------------------------------------------------------------ codes */

export const AXES = ['ECOLOGICAL_TRANSITION', 'INNOVATION', 'SKILLS', 'INDUSTRIAL_LAND'] as const;
export const PHASES = ['IDEA', 'STUDY', 'OPERATION'] as const;
export const STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'DONE', 'PAUSED', 'BLOCKED', 'LATE', 'ABANDONED'] as const;
export const PRIORITIES = ['LOW', 'MEDIUM', 'HIGH'] as const;
export const FINANCING_STATUSES = ['PLANNED', 'REQUESTED', 'GRANTED', 'REFUSED'] as const;
export const INDICATOR_KINDS = ['JOBS', 'INVESTMENT', 'HECTARES', 'PROJECTS', 'OTHER'] as const;

export interface Option {
  value: string;
  label: string;
}
export const options = <T extends string>(codes: readonly T[], labels: Record<T, string>): Option[] =>
  codes.map((value) => ({ value, label: labels[value] }));

/* ------------------------------------------------------------------ zod fragments */

export const MAX_CENTS = 10_000_000_000_000; // 100 billion euros

export const text = (max: number, label: string) =>
  z
    .string({ error: `${label} : texte attendu.` })
    .trim()
    .max(max, { error: `${label} : ${max} caractères au maximum.` });

export const requiredText = (max: number, label: string) => text(max, label).min(1, { error: `${label} est obligatoire.` });

export const isoDate = (label: string) =>
  z
    .string({ error: `${label} : date attendue (AAAA-MM-JJ).` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label} : date attendue au format AAAA-MM-JJ.` })
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
      error: `${label} : cette date n'existe pas.`,
    })
    .refine((s) => s >= '1990-01-01' && s <= '2100-12-31', { error: `${label} : date hors des bornes (1990-2100).` });

export const cents = (label: string) =>
  z
    .number({ error: `${label} : montant en centimes attendu (nombre entier).` })
    .int({ error: `${label} : montant en centimes attendu (nombre entier).` })
    .min(0, { error: `${label} : le montant ne peut pas être négatif.` })
    .max(MAX_CENTS, { error: `${label} : montant trop élevé.` });

export const decimal = (label: string) =>
  z
    .number({ error: `${label} : nombre attendu.` })
    .finite({ error: `${label} : nombre attendu.` })
    .min(-1e12, { error: `${label} : valeur trop petite.` })
    .max(1e12, { error: `${label} : valeur trop grande.` })
    .refine((n) => Math.round(n * 100) / 100 === n, { error: `${label} : deux décimales au maximum.` });

export const slug = z.string().regex(/^[a-z0-9-]{1,80}$/, { error: 'Identifiant invalide.' });
export const comment = text(500, 'Le commentaire');

// Output fragments (what the API returns): formats the OpenAPI document shows.
export const outDay = z.iso.date();
export const outInstant = z.iso.datetime({ offset: true });

/* ------------------------------------------------------------------ sub-registries */

export type InputKind =
  | 'text'
  | 'textarea'
  | 'select'
  | 'checkboxes'
  | 'date'
  | 'money'
  | 'decimal'
  | 'lines'
  | 'operators'
  | 'repeatable';

/** One field of a repeatable row (financing line, milestone, indicator). */
export interface SubFieldMeta {
  key: string;
  label: string;
  kind: Exclude<InputKind, 'repeatable' | 'checkboxes' | 'lines'>;
  options?: Option[];
  required: boolean;
  help?: string;
  maxLength?: number;
}

/* ------------------------------------------------------------------ form sections */

export const ACTION_FORM_SECTIONS = [
  { key: 'identification', id: 'section-identification', title: 'Identification' },
  { key: 'description', id: 'section-description', title: 'Description et objectifs' },
  { key: 'calendar', id: 'section-calendrier', title: 'Calendrier et pilotage' },
  { key: 'budget', id: 'section-budget', title: 'Budget et financements' },
  { key: 'milestones', id: 'section-jalons', title: 'Jalons' },
  { key: 'indicators', id: 'section-indicateurs', title: 'Indicateurs' },
  { key: 'notes', id: 'section-notes', title: 'Notes et liens' },
] as const;
export type SectionKey = (typeof ACTION_FORM_SECTIONS)[number]['key'];

/* ------------------------------------------------------------------ columns */

/** How a value is written in a spreadsheet: real date cells, numbers for amounts. */
export type ExportCellType = 'text' | 'integer' | 'decimal' | 'money' | 'day' | 'instant';
export type Cell = string | number | Date | null;

export interface ExportContext {
  /** Today's calendar day (YYYY-MM-DD), for "late" columns. */
  today: string;
}

/** A column of the programme CSV/XLSX export, computed from one field's DTO value. */
export interface ExportColumn<V = unknown> {
  header: string;
  type: ExportCellType;
  width?: number;
  value: (value: V, ctx: ExportContext) => Cell;
}

export type ParsedCell<T = unknown> = { ok: true; value: T } | { ok: false; message: string };

/** A column of the plan workbook (Excel round trip): written from the DTO, read back to an input. */
export interface ImportColumn<V = unknown> {
  header: string;
  type: ExportCellType;
  width?: number;
  /** What the column accepts, for the explanation sheet (French). */
  explain: string;
  /** Allowed values, listed on the explanation sheet (and offered as a drop-down when single-valued). */
  allowed?: Option[];
  toCell: (value: V) => Cell;
  /** Reads a cell (exceljs value) into the input the zod fragment validates; French message on failure. */
  parse: (cell: unknown) => ParsedCell;
}

export const day = (s: string | null) => (s ? new Date(`${s}T00:00:00Z`) : null);
export const euros = (c: number | null) => (c === null ? null : c / 100);

/** A cell as exceljs gives it, reduced to text (rich text, hyperlinks, formulas' results). */
export function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'object') {
    const c = cell as { richText?: { text: string }[]; text?: unknown; result?: unknown; hyperlink?: string };
    if (Array.isArray(c.richText)) return c.richText.map((r) => r.text).join('').trim();
    if (c.result !== undefined) return cellText(c.result);
    if (typeof c.text === 'string') return c.text.trim();
    if (c.text !== undefined) return cellText(c.text);
    if (typeof c.hyperlink === 'string') return c.hyperlink;
    return '';
  }
  return String(cell).trim();
}

export const ok = <T>(value: T): ParsedCell<T> => ({ ok: true, value });
export const fail = (message: string): ParsedCell<never> => ({ ok: false, message });

export const textCell = (cell: unknown) => ok(cellText(cell));

export function dayCell(cell: unknown): ParsedCell<string | null> {
  if (cell instanceof Date) return ok(cell.toISOString().slice(0, 10));
  const s = cellText(cell);
  if (!s) return ok(null);
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (fr) return ok(`${fr[3]}-${fr[2]!.padStart(2, '0')}-${fr[1]!.padStart(2, '0')}`);
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return ok(s);
  return fail('date attendue (JJ/MM/AAAA ou cellule de date).');
}

export const GROUP_SPACES = /[\s\u00a0\u202f\u2007\u2009]/g;

export function eurosCell(cell: unknown): ParsedCell<number | null> {
  const v = typeof cell === 'object' && cell !== null && 'result' in cell ? (cell as { result: unknown }).result : cell;
  if (typeof v === 'number') {
    const c = Math.round(v * 100);
    return Math.abs(c / 100 - v) < 1e-6 ? ok(c) : fail('deux décimales au maximum.');
  }
  const s = cellText(v).replace(GROUP_SPACES, '').replace(/€$/, '');
  if (!s) return ok(null);
  const m = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(s);
  if (!m) return fail('montant en euros attendu (par exemple 250000 ou 250000,50).');
  return ok(Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')));
}

/** A single code given by its French label (or the code itself). */
export function codeCell(codes: readonly string[], labels: Record<string, string>, what: string) {
  return (cell: unknown): ParsedCell<string | null> => {
    const s = cellText(cell);
    if (!s) return ok(null);
    const found = codes.find((c) => c === s || labels[c]!.toLowerCase() === s.toLowerCase());
    return found ? ok(found) : fail(`${what} inconnu(e) : « ${s} ». Valeurs possibles : ${codes.map((c) => labels[c]).join(', ')}.`);
  };
}

/** Several codes, separated by commas or semicolons, by label or code. */
export function codesCell(codes: readonly string[], labels: Record<string, string>, what: string) {
  const one = codeCell(codes, labels, what);
  return (cell: unknown): ParsedCell<string[]> => {
    const out: string[] = [];
    for (const part of splitList(cellText(cell))) {
      const r = one(part);
      if (!r.ok) return r;
      if (r.value) out.push(r.value);
    }
    return ok(out);
  };
}

/** "a ; b", "a, b" or one per line: the list separators people use in a cell. */
export function splitList(s: string, separators = /[;\n]|,(?=\s)|,$/): string[] {
  return s
    .split(separators)
    .map((p) => p.trim())
    .filter(Boolean);
}

export const linesCell = (cell: unknown) => ok(splitList(cellText(cell), /[\n;]/));


/* ------------------------------------------------------------------ a registry entry */

export interface FormMeta {
  section: SectionKey;
  /** Form label when it differs from the history label. */
  label?: string;
  kind: InputKind;
  options?: Option[];
  required: boolean;
  help?: string;
  maxLength?: number;
  maxItems?: number;
  rows?: number;
  subFields?: readonly SubFieldMeta[];
}

export interface ColumnDef<V = unknown> {
  toColumn?: (v: never) => unknown;
  fromColumn?: (v: never) => V;
}

export interface FieldDef<O extends z.ZodType = z.ZodType, I extends z.ZodType | null = z.ZodType | null> {
  /** French label: history, version comparison, conflict messages. */
  label: string;
  /** zod OUTPUT fragment: the field in the action's DTO (API contract, OpenAPI). */
  output: O;
  /** zod INPUT fragment (null: read-only, not editable). */
  input: I;
  /** On creation: 'required', or the value when absent. */
  onCreate?: 'required' | { default: unknown };
  /** A person edits it: it appears in history, conflicts, version comparison. */
  tracked: boolean;
  /**
   * Stored in a scalar column of Action of the same name: selected, read into the DTO
   * (fromColumn converts the stored value) and written by `columnData` (toColumn converts the input).
   */
  column: ColumnDef<z.output<O>> | false;
  form?: FormMeta;
  /** Comparable form (ids of sub-rows left out: they change on rewrite). */
  compare?: (v: z.output<O>) => unknown;
  /** Readable French rendering (history, conflicts, comparisons); `v` may be a comparable form. */
  format?: (v: never) => string;
  export?: ExportColumn<z.output<O>>[];
  import?: ImportColumn<z.output<O>>;
}

