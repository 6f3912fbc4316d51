// THE FIELD REGISTRY OF A FICHE ACTION (ADR 0018). One entry per field says everything
// the app knows about it; every other description of an action is derived from here.
//
// Public names (stable: later changes may add names, never rename or remove them):
//   ACTION_FIELDS               the registry: key → FieldDef (order of the keys = canonical order:
//                               export columns, tracked fields, and form order within a section)
//   ACTION_FIELD_KEYS           every key, in that order
//   TRACKED_FIELDS, TrackedField  the fields a person edits (history, conflicts, comparisons)
//   FIELD_LABELS                French label of each tracked field
//   fieldLabel(key)             French label of any key ('' unknown → the key itself)
//   ACTION_FORM_SECTIONS        the form's sections in order: { key, id, title }
//   ACTION_FORM_FIELDS          what a form renders, in form order: FormFieldMeta[]
//                               { key, label, section, order, kind, options?, required, help?,
//                                 maxLength?, maxItems?, rows?, subFields? }
//   FINANCING_LINE_FIELDS, MILESTONE_FIELDS, INDICATOR_FIELDS  sub-registries of the repeatables
//                               (SubFieldMeta[]: { key, label, kind, options?, required, help?, maxLength? })
//   AXES, PHASES, STATUSES, PRIORITIES, FINANCING_STATUSES, INDICATOR_KINDS  allowed codes
//   actionCreateSchema, actionUpdateSchema, versionField, financingLineSchema, milestoneSchema,
//   indicatorSchema, indicatorValueSchema, statusInput, ActionCreateInput, ActionUpdateInput
//   (inputs that are not the fiche's fields, progress/reorder/filters, stay in schemas.ts)
//   actionDtoFieldShape         zod OUTPUT fragments of the registry's fields (lib/actions/contracts.ts)
//   comparable, diffActions, formatFieldValue   comparison and readable rendering
//   columnData(input)           the Prisma `data` of the scalar columns in an input
//   EXPORT_COLUMNS, ExportColumn, ExportCellType   programme CSV/XLSX columns of the registry's fields
//   IMPORT_COLUMNS, ImportColumn, ParsedCell     plan workbook columns (header, toCell, parse)
//
// Adding a field: the migration, one entry below, and (for a new column) its line in
// `actionSelect` / `toActionDto` in dto.ts when it is not a plain scalar (see ADR 0018).
import { z } from 'zod';
import '@/lib/validation';
import {
  ACTION_STATUS_LABELS, AXIS_LABELS, AXIS_SHORT_LABELS, FINANCING_STATUS_LABELS, PHASE_LABELS, PRIORITY_LABELS,
  formatDate, formatEuros
} from '@/lib/labels';
import {
  AXES, PHASES, PRIORITIES, STATUSES, cellText, codeCell, codesCell, cents, day, dayCell,
  euros, eurosCell, isoDate, linesCell, ok, options, outDay, outInstant, requiredText, slug, splitList, text,
  textCell, ACTION_FORM_SECTIONS, type ColumnDef, type ExportColumn, type FieldDef, type ImportColumn, type InputKind,
  type Option, type SectionKey, type SubFieldMeta
} from './field-kit';
import {
  FINANCING_LINE_FIELDS, INDICATOR_FIELDS, MILESTONE_FIELDS, financingLineSchema, financingOut, indicatorOut,
  indicatorSchema, milestoneOut, milestoneSchema
} from './field-repeatables';

export {
  AXES, PHASES, STATUSES, PRIORITIES, FINANCING_STATUSES, INDICATOR_KINDS, cellText, type Cell,
  type ExportCellType, type ExportColumn, type ExportContext, type ImportColumn, type InputKind, type Option,
  type ParsedCell, type SubFieldMeta, ACTION_FORM_SECTIONS, type SectionKey, type FieldDef, type FormMeta, type ColumnDef
} from './field-kit';
export {
  FINANCING_LINE_FIELDS, MILESTONE_FIELDS, INDICATOR_FIELDS, financingLineSchema, milestoneSchema,
  indicatorValueSchema, indicatorSchema
} from './field-repeatables';

/* ------------------------------------------------------------------ the registry */

// The type parameters keep `tracked` and `column` literal, so that key lists derive at the type level.
function field<O extends z.ZodType, I extends z.ZodType | null, T extends boolean, C extends ColumnDef<z.output<O>> | false>(
  def: FieldDef<O, I> & { tracked: T; column: C },
): FieldDef<O, I> & { tracked: T; column: C } {
  return def;
}

const list = (v: string[]) => v.join(', ');
const num = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
const sumCents = (f: { amountCents: number; status: string }[], statuses: string[]) =>
  f.filter((l) => statuses.includes(l.status)).reduce((s, l) => s + l.amountCents, 0) / 100;

const axisOptions = options(AXES, AXIS_LABELS);
const shortAxisOptions = options(AXES, AXIS_SHORT_LABELS);

export const ACTION_FIELDS = {
  reference: field({
    label: 'Référence',
    output: z.string(),
    input: null,
    tracked: false,
    column: false,
    export: [{ header: 'Référence', type: 'text', value: (v) => v }],
  }),
  title: field({
    label: 'Titre',
    output: z.string(),
    input: requiredText(200, 'Le titre'),
    onCreate: 'required',
    tracked: true,
    column: {},
    form: { section: 'identification', kind: 'text', required: true, maxLength: 200 },
    export: [{ header: 'Titre', type: 'text', width: 60, value: (v) => v }],
    import: { header: 'Titre', type: 'text', width: 60, explain: 'Texte, obligatoire, 200 caractères au maximum.', toCell: (v) => v, parse: textCell },
  }),
  description: field({
    label: 'Description',
    output: z.string(),
    input: text(10_000, 'La description'),
    onCreate: { default: '' },
    tracked: true,
    column: {},
    form: { section: 'description', kind: 'textarea', required: false, maxLength: 10_000, rows: 6 },
    import: { header: 'Description', type: 'text', width: 60, explain: 'Texte libre, 10 000 caractères au maximum.', toCell: (v) => v, parse: textCell },
  }),
  objectives: field({
    label: 'Objectifs',
    output: z.string(),
    input: text(5_000, 'Les objectifs'),
    onCreate: { default: '' },
    tracked: true,
    column: {},
    form: { section: 'description', kind: 'textarea', required: false, maxLength: 5_000, rows: 4 },
    import: { header: 'Objectifs', type: 'text', width: 40, explain: 'Texte libre, 5 000 caractères au maximum.', toCell: (v) => v, parse: textCell },
  }),
  axes: field({
    label: 'Axes',
    output: z.array(z.enum(AXES)),
    input: z
      .array(z.enum(AXES, { error: 'Axe inconnu.' }), { error: 'Choisissez au moins un axe.' })
      .min(1, { error: 'Choisissez au moins un axe.' })
      .max(4)
      .refine((a) => new Set(a).size === a.length, { error: 'Un axe est en double.' }),
    onCreate: 'required',
    tracked: true,
    column: {},
    form: { section: 'identification', label: 'Axes du programme', kind: 'checkboxes', options: axisOptions, required: true, help: 'Cochez au moins un axe.' },
    format: (v: string[]) => v.map((a) => AXIS_SHORT_LABELS[a as (typeof AXES)[number]] ?? a).join(', '),
    export: [{ header: 'Axes', type: 'text', value: (v) => v.map((x) => AXIS_SHORT_LABELS[x]).join(', ') }],
    import: {
      header: 'Axes',
      type: 'text',
      explain: 'Un ou plusieurs axes, séparés par des points-virgules.',
      allowed: shortAxisOptions,
      toCell: (v) => v.map((x) => AXIS_SHORT_LABELS[x]).join(' ; '),
      parse: codesCell(AXES, { ...AXIS_SHORT_LABELS }, 'Axe'),
    },
  }),
  phase: field({
    label: 'Phase',
    output: z.enum(PHASES),
    input: z.enum(PHASES, { error: 'Phase invalide (IDEA, STUDY ou OPERATION).' }),
    onCreate: { default: 'IDEA' },
    tracked: true,
    column: {},
    form: { section: 'identification', kind: 'select', options: options(PHASES, PHASE_LABELS), required: true },
    format: (v: string) => PHASE_LABELS[v as (typeof PHASES)[number]] ?? String(v),
    export: [{ header: 'Phase', type: 'text', value: (v) => PHASE_LABELS[v] }],
    import: {
      header: 'Phase',
      type: 'text',
      explain: 'Une valeur de la liste.',
      allowed: options(PHASES, PHASE_LABELS),
      toCell: (v) => PHASE_LABELS[v],
      parse: codeCell(PHASES, PHASE_LABELS, 'Phase'),
    },
  }),
  status: field({
    label: 'Statut',
    output: z.enum(STATUSES),
    input: z.enum(STATUSES, { error: 'Statut invalide.' }),
    onCreate: 'required',
    tracked: true,
    column: {},
    form: { section: 'identification', kind: 'select', options: options(STATUSES, ACTION_STATUS_LABELS), required: true },
    format: (v: string) => ACTION_STATUS_LABELS[v as (typeof STATUSES)[number]] ?? String(v),
    export: [{ header: 'Statut', type: 'text', value: (v) => ACTION_STATUS_LABELS[v] }],
    import: {
      header: 'Statut',
      type: 'text',
      explain: 'Une valeur de la liste, obligatoire.',
      allowed: options(STATUSES, ACTION_STATUS_LABELS),
      toCell: (v) => ACTION_STATUS_LABELS[v],
      parse: codeCell(STATUSES, ACTION_STATUS_LABELS, 'Statut'),
    },
  }),
  priority: field({
    label: 'Priorité',
    output: z.enum(PRIORITIES),
    input: z.enum(PRIORITIES, { error: 'Priorité invalide.' }),
    onCreate: { default: 'MEDIUM' },
    tracked: true,
    column: {},
    form: { section: 'identification', kind: 'select', options: options(PRIORITIES, PRIORITY_LABELS), required: true },
    format: (v: string) => PRIORITY_LABELS[v as (typeof PRIORITIES)[number]] ?? String(v),
    export: [{ header: 'Priorité', type: 'text', value: (v) => PRIORITY_LABELS[v] }],
    import: {
      header: 'Priorité',
      type: 'text',
      explain: 'Une valeur de la liste.',
      allowed: options(PRIORITIES, PRIORITY_LABELS),
      toCell: (v) => PRIORITY_LABELS[v],
      parse: codeCell(PRIORITIES, PRIORITY_LABELS, 'Priorité'),
    },
  }),
  startDate: field({
    label: 'Date de début',
    output: outDay.nullable(),
    input: isoDate('Date de début').nullable(),
    onCreate: { default: null },
    tracked: true,
    column: { toColumn: (v: string | null) => day(v), fromColumn: (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null) },
    form: { section: 'calendar', kind: 'date', required: false },
    format: (v: string) => formatDate(v),
    export: [{ header: 'Date de début', type: 'day', value: day }],
    import: { header: 'Date de début', type: 'day', explain: 'Date (JJ/MM/AAAA), facultative.', toCell: day, parse: dayCell },
  }),
  endDate: field({
    label: 'Date de fin prévue',
    output: outDay.nullable(),
    input: isoDate('Date de fin prévue').nullable(),
    onCreate: { default: null },
    tracked: true,
    column: { toColumn: (v: string | null) => day(v), fromColumn: (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null) },
    form: { section: 'calendar', kind: 'date', required: false },
    format: (v: string) => formatDate(v),
    export: [{ header: 'Date de fin prévue', type: 'day', value: day }],
    import: { header: 'Date de fin prévue', type: 'day', explain: 'Date (JJ/MM/AAAA), facultative, après la date de début.', toCell: day, parse: dayCell },
  }),
  pilot: field({
    label: 'Pilote',
    output: z.string(),
    input: text(200, 'Le pilote'),
    onCreate: { default: '' },
    tracked: true,
    column: {},
    form: { section: 'calendar', kind: 'text', required: false, maxLength: 200, help: 'Structure ou personne qui porte l’action.' },
    export: [{ header: 'Pilote', type: 'text', value: (v) => v }],
    import: { header: 'Pilote', type: 'text', explain: 'Texte, 200 caractères au maximum.', toCell: (v) => v, parse: textCell },
  }),
  partners: field({
    label: 'Partenaires',
    output: z.array(z.string()),
    input: z.array(requiredText(200, 'Le partenaire')).max(30, { error: '30 partenaires au maximum.' }),
    onCreate: { default: [] },
    tracked: true,
    column: {},
    form: { section: 'calendar', kind: 'lines', required: false, maxItems: 30, rows: 3, help: 'Un partenaire par ligne (30 au maximum).' },
    import: {
      header: 'Partenaires',
      type: 'text',
      explain: 'Un partenaire par ligne de la cellule (ou séparés par des points-virgules), 30 au maximum.',
      toCell: (v) => v.join('\n'),
      parse: linesCell,
    },
  }),
  operators: field({
    label: 'Opérateurs',
    output: z.array(z.object({ slug: z.string(), name: z.string() })),
    input: z
      .array(slug)
      .max(20, { error: '20 opérateurs au maximum.' })
      .refine((a) => new Set(a).size === a.length, { error: 'Un opérateur est en double.' }),
    onCreate: { default: [] },
    tracked: true,
    column: false,
    form: { section: 'calendar', label: 'Opérateurs mobilisés', kind: 'operators', required: false },
    compare: (v) => v.map((o) => o.slug),
    format: (v: (string | { name: string })[]) => v.map((o) => (typeof o === 'string' ? o : o.name)).join(', '),
    export: [{ header: 'Opérateurs', type: 'text', value: (v) => v.map((o) => o.name).join(', ') }],
    import: {
      header: 'Opérateurs',
      type: 'text',
      explain: 'Identifiants des opérateurs (feuille « Opérateurs »), séparés par des points-virgules.',
      toCell: (v) => v.map((o) => o.slug).join(' ; '),
      // Checked against the operators in base by the import itself (unknown → error on the cell).
      parse: (cell) => ok(splitList(cellText(cell), /[;\n,]/).map((s) => s.toLowerCase())),
    },
  }),
  budgetCents: field({
    label: 'Budget prévisionnel',
    output: z.number().int().nullable(),
    input: cents('Budget prévisionnel').nullable(),
    onCreate: { default: null },
    tracked: true,
    column: { toColumn: (v: number | null) => (v === null ? null : BigInt(v)), fromColumn: (v: bigint | null) => (v === null ? null : Number(v)) },
    form: {
      section: 'budget',
      label: 'Budget prévisionnel (€)',
      kind: 'money',
      required: false,
      help: 'En euros, par exemple 250 000 ou 250 000,50. Laissez vide si inconnu.',
    },
    format: (v: number) => formatEuros(v),
    export: [{ header: 'Budget prévisionnel (€)', type: 'money', value: euros }],
    import: { header: 'Budget prévisionnel (€)', type: 'money', explain: 'Montant en euros (nombre), facultatif.', toCell: euros, parse: eurosCell },
  }),
  financing: field({
    label: 'Financements',
    output: z.array(financingOut),
    input: z.array(financingLineSchema).max(30, { error: '30 lignes de financement au maximum.' }),
    onCreate: { default: [] },
    tracked: true,
    column: false,
    form: { section: 'budget', kind: 'repeatable', required: false, maxItems: 30, subFields: FINANCING_LINE_FIELDS },
    format: (v: z.output<typeof financingOut>[]) =>
      v.map((f) => `${f.financer} : ${formatEuros(f.amountCents)} (${FINANCING_STATUS_LABELS[f.status].toLowerCase()})`).join(' ; '),
    export: [
      { header: 'Financements accordés (€)', type: 'money', value: (v) => sumCents(v, ['GRANTED']) },
      { header: 'Financements demandés ou envisagés (€)', type: 'money', value: (v) => sumCents(v, ['REQUESTED', 'PLANNED']) },
    ],
  }),
  milestones: field({
    label: 'Jalons',
    output: z.array(milestoneOut),
    input: z.array(milestoneSchema).max(50, { error: '50 jalons au maximum.' }),
    onCreate: { default: [] },
    tracked: true,
    column: false,
    form: { section: 'milestones', kind: 'repeatable', required: false, maxItems: 50, subFields: MILESTONE_FIELDS },
    compare: (v) => v.map(({ id: _id, ...m }) => m),
    format: (v: { title: string; dueDate: string; doneAt: string | null }[]) =>
      v.map((m) => `${m.title} (échéance ${formatDate(m.dueDate)}${m.doneAt ? `, réalisé le ${formatDate(m.doneAt)}` : ''})`).join(' ; '),
    export: [{ header: 'Jalons en retard', type: 'integer', value: (v, ctx) => v.filter((m) => !m.doneAt && m.dueDate < ctx.today).length }],
  }),
  updatedAt: field({
    label: 'Dernière modification',
    output: outInstant,
    input: null,
    tracked: false,
    column: false,
    export: [{ header: 'Dernière modification', type: 'instant', value: (v) => new Date(v) }],
  }),
  indicators: field({
    label: 'Indicateurs',
    output: z.array(indicatorOut),
    input: z.array(indicatorSchema).max(30, { error: '30 indicateurs au maximum.' }),
    onCreate: { default: [] },
    tracked: true,
    column: false,
    form: { section: 'indicators', kind: 'repeatable', required: false, maxItems: 30, subFields: INDICATOR_FIELDS },
    compare: (v) => v.map(({ id: _id, ...i }) => i),
    format: (v: { name: string; unit: string; target: number | null; actual: number | null }[]) =>
      v.map((i) => `${i.name} : ${i.actual === null ? '—' : num.format(i.actual)} / ${i.target === null ? '—' : num.format(i.target)} ${i.unit}`).join(' ; '),
    export: [
      {
        header: 'Indicateurs (réalisé / cible, date de la dernière valeur)',
        type: 'text',
        value: (v) =>
          v
            .map((i) => {
              const last = i.values.at(-1);
              return `${i.name} : ${i.actual?.toString() ?? '—'} / ${i.target?.toString() ?? '—'} ${i.unit}${last ? ` au ${last.date}` : ''}`;
            })
            .join(' ; '),
      },
      {
        header: 'Valeurs datées des indicateurs',
        type: 'text',
        value: (v) =>
          v
            .filter((i) => i.values.length)
            .map((i) => `${i.name} : ${i.values.map((x) => `${x.date} = ${x.value.toString()}`).join(', ')}`)
            .join(' ; '),
      },
    ],
  }),
  notes: field({
    label: 'Notes',
    output: z.string(),
    input: text(10_000, 'Les notes'),
    onCreate: { default: '' },
    tracked: true,
    column: {},
    form: { section: 'notes', kind: 'textarea', required: false, maxLength: 10_000, rows: 4 },
    import: { header: 'Notes', type: 'text', width: 40, explain: 'Texte libre, 10 000 caractères au maximum.', toCell: (v) => v, parse: textCell },
  }),
  links: field({
    label: 'Liens',
    output: z.array(z.string()),
    input: z
      .array(z.url({ protocol: /^https?$/, error: 'Lien invalide (http ou https attendu).' }).max(500))
      .max(20, { error: '20 liens au maximum.' }),
    onCreate: { default: [] },
    tracked: true,
    column: {},
    form: { section: 'notes', kind: 'lines', required: false, maxItems: 20, rows: 3, help: 'Une adresse web (http ou https) par ligne, 20 au maximum.' },
    import: {
      header: 'Liens',
      type: 'text',
      explain: 'Une adresse web (http ou https) par ligne de la cellule, 20 au maximum.',
      toCell: (v) => v.join('\n'),
      parse: linesCell,
    },
  }),
  archivedAt: field({
    label: 'Archivage',
    output: outInstant.nullable(),
    input: null,
    tracked: true,
    column: false,
    format: (v: string) => formatDate(v),
  }),
} as const;

type Fields = typeof ACTION_FIELDS;
export type ActionFieldKey = keyof Fields;
export const ACTION_FIELD_KEYS = Object.keys(ACTION_FIELDS) as ActionFieldKey[];

type KeysWhere<P> = { [K in ActionFieldKey]: Fields[K] extends P ? K : never }[ActionFieldKey];
/** Keys a person edits through the action's input schema. */
export type EditableKey = { [K in ActionFieldKey]: Fields[K]['input'] extends z.ZodType ? K : never }[ActionFieldKey];
export type TrackedField = KeysWhere<{ tracked: true }>;

const entries = ACTION_FIELD_KEYS.map((key) => [key, ACTION_FIELDS[key] as FieldDef] as const);

export const TRACKED_FIELDS = entries.filter(([, f]) => f.tracked).map(([k]) => k) as TrackedField[];
export const FIELD_LABELS = Object.fromEntries(TRACKED_FIELDS.map((k) => [k, ACTION_FIELDS[k].label])) as Record<TrackedField, string>;

export const fieldLabel = (key: string): string => (ACTION_FIELDS as Record<string, FieldDef | undefined>)[key]?.label ?? key;

/* ------------------------------------------------------------------ form metadata */

export interface FormFieldMeta {
  key: EditableKey;
  label: string;
  section: SectionKey;
  /** Position in the whole form (sections in order, then registry order). */
  order: number;
  kind: InputKind;
  options?: Option[];
  required: boolean;
  help?: string;
  maxLength?: number;
  maxItems?: number;
  rows?: number;
  subFields?: readonly SubFieldMeta[];
}

export const ACTION_FORM_FIELDS: readonly FormFieldMeta[] = ACTION_FORM_SECTIONS.flatMap((s) =>
  entries.filter(([, f]) => f.form?.section === s.key).map(([key, f]) => ({ ...f.form!, key: key as EditableKey, label: f.form!.label ?? f.label })),
).map((f, order) => ({ ...f, order }));

/* ------------------------------------------------------------------ input schemas */

type InputOf<K extends EditableKey> = Exclude<Fields[K]['input'], null>;
type InputShape = { [K in EditableKey]: InputOf<K> };
type CreateShape = {
  [K in EditableKey]: Fields[K] extends { onCreate: { default: unknown } } ? z.ZodDefault<InputOf<K>> : InputOf<K>;
};

const editable = entries.filter(([, f]) => f.input !== null) as [EditableKey, FieldDef<z.ZodType, z.ZodType>][];

const inputShape = Object.fromEntries(editable.map(([k, f]) => [k, f.input])) as unknown as InputShape;
const createShape = Object.fromEntries(
  editable.map(([k, f]) => [k, typeof f.onCreate === 'object' ? f.input.default(f.onCreate.default as never) : f.input]),
) as unknown as CreateShape;

const datesInOrder = (v: { startDate?: string | null; endDate?: string | null }) =>
  !v.startDate || !v.endDate || v.endDate >= v.startDate;
const datesError = { error: 'La date de fin prévue doit suivre la date de début.', path: ['endDate'] };

/** The status's input fragment (also the quick progress update's, schemas.ts). */
export const statusInput = inputShape.status;

export const actionCreateSchema = z.strictObject(createShape).refine(datesInOrder, datesError);

export const versionField = z
  .number({ error: 'La version de référence (version) est obligatoire.' })
  .int({ error: 'Version invalide.' })
  .min(1, { error: 'Version invalide.' });

export const actionUpdateSchema = z
  .strictObject({ version: versionField, ...z.object(inputShape).partial().shape })
  .refine(datesInOrder, datesError);

export type ActionCreateInput = z.infer<typeof actionCreateSchema>;
export type ActionUpdateInput = z.infer<typeof actionUpdateSchema>;

/** The Prisma `data` of the scalar columns present in an input (the relations are written apart). */
export function columnData(input: Partial<ActionCreateInput>): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [key, f] of editable) {
    const value = (input as Record<string, unknown>)[key];
    if (!f.column || value === undefined) continue;
    data[key] = f.column.toColumn ? (f.column.toColumn as (v: unknown) => unknown)(value) : value;
  }
  return data;
}

/* ------------------------------------------------------------------ stored columns */

/** Keys stored in a scalar column of Action of the same name. */
export type ColumnKey = { [K in ActionFieldKey]: Fields[K]['column'] extends false ? never : K }[ActionFieldKey];
const stored = entries.filter(([, f]) => f.column) as [ColumnKey, FieldDef][];

/** The Prisma select of the scalar columns (spread into `actionSelect`, lib/actions/dto.ts). */
export const COLUMN_SELECT = Object.fromEntries(stored.map(([k]) => [k, true])) as { readonly [K in ColumnKey]: true };

/** The DTO values of the scalar columns of a row. */
export function columnsFromRow(row: Record<ColumnKey, unknown>): { [K in ColumnKey]: z.output<Fields[K]['output']> } {
  const out: Record<string, unknown> = {};
  for (const [k, f] of stored) {
    const from = f.column ? f.column.fromColumn : undefined;
    out[k] = from ? (from as (v: unknown) => unknown)(row[k]) : row[k];
  }
  return out as { [K in ColumnKey]: z.output<Fields[K]['output']> };
}

/* ------------------------------------------------------------------ output fragments */

type OutputShape = { [K in ActionFieldKey]: Fields[K]['output'] };
/** zod OUTPUT fragments of every registry field (the action DTO's contract, lib/actions/contracts.ts). */
export const actionDtoFieldShape = Object.fromEntries(entries.map(([k, f]) => [k, f.output])) as unknown as OutputShape;
type FieldValues = { [K in ActionFieldKey]: z.output<Fields[K]['output']> };

/* ------------------------------------------------------------------ comparison and rendering */

/** Comparable form of a tracked field (ids of sub-rows left out: they change on rewrite). */
export function comparable(dto: Partial<FieldValues>, field: TrackedField): unknown {
  const value = dto[field];
  const f = ACTION_FIELDS[field] as FieldDef;
  return value !== undefined && f.compare ? f.compare(value) : value;
}

/** Field-by-field differences between two states of an action. */
export function diffActions(
  before: Partial<FieldValues>,
  after: Partial<FieldValues>,
  fields: readonly TrackedField[] = TRACKED_FIELDS,
): { field: TrackedField; before: unknown; after: unknown }[] {
  const out: { field: TrackedField; before: unknown; after: unknown }[] = [];
  // Snapshots taken before dated indicator values existed have no series: compare
  // them on the other indicator fields only, so an old version does not look changed.
  const noSeries = (d: Partial<FieldValues>) => d.indicators?.some((i) => !('values' in i)) ?? false;
  const seriesless = noSeries(before) || noSeries(after);
  const strip = (v: unknown) =>
    seriesless ? (v as Record<string, unknown>[] | undefined)?.map(({ values: _v, ...i }) => i) : v;
  for (const field of fields) {
    const a = field === 'indicators' ? strip(comparable(before, field)) : comparable(before, field);
    const b = field === 'indicators' ? strip(comparable(after, field)) : comparable(after, field);
    if (JSON.stringify(a ?? null) !== JSON.stringify(b ?? null)) out.push({ field, before: a ?? null, after: b ?? null });
  }
  return out;
}

/** Readable French rendering of a field's value (history, conflicts, comparisons). */
export function formatFieldValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return '—';
  const f = (ACTION_FIELDS as Record<string, FieldDef | undefined>)[field];
  if (f?.format) return (f.format as (v: unknown) => string)(value);
  return Array.isArray(value) ? list(value.map(String)) : String(value);
}

/* ------------------------------------------------------------------ columns */

export interface RegistryExportColumn extends ExportColumn<unknown> {
  field: ActionFieldKey;
}

/** The registry's columns of the programme CSV/XLSX export, in order (after the territory columns). */
export const EXPORT_COLUMNS: readonly RegistryExportColumn[] = entries.flatMap(([key, f]) =>
  (f.export ?? []).map((c) => ({ ...(c as ExportColumn<unknown>), field: key })),
);

export interface RegistryImportColumn extends ImportColumn<unknown> {
  field: EditableKey;
}

/** The plan workbook's field columns, in order (after Référence and Version). */
export const IMPORT_COLUMNS: readonly RegistryImportColumn[] = editable
  .filter(([, f]) => f.import)
  .map(([key, f]) => ({ ...(f.import as ImportColumn<unknown>), field: key }));
