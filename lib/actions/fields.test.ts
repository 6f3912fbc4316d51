import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ACTION_FIELDS,
  ACTION_FIELD_KEYS,
  ACTION_FORM_FIELDS,
  ACTION_FORM_SECTIONS,
  EXPORT_COLUMNS,
  FIELD_LABELS,
  IMPORT_COLUMNS,
  TRACKED_FIELDS,
  actionCreateSchema,
  actionUpdateSchema,
  cellText,
  columnData,
  diffActions,
  formatFieldValue,
  type FieldDef,
} from './fields';
import { actionDtoSchema, actionHistoryEntrySchema, actionListItemSchema } from './contracts';

const defs = ACTION_FIELD_KEYS.map((k) => [k, ACTION_FIELDS[k] as FieldDef] as const);
const editable = defs.filter(([, f]) => f.input !== null).map(([k]) => k);

type JsonSchema = {
  properties?: Record<string, unknown>;
  required?: string[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
};
/** The schema itself, or the definition its top-level $ref names (schemas with a meta id). */
const root = (s: JsonSchema): JsonSchema => (s.$ref ? s.$defs![s.$ref.replace('#/$defs/', '')]! : s);
const props = (s: JsonSchema): string[] => [
  ...Object.keys(root(s).properties ?? {}),
  ...(root(s).anyOf ?? []).flatMap(props),
  ...(root(s).allOf ?? []).flatMap(props),
];

describe('the fiche action field registry', () => {
  it('gives every field a French label, and every editable field a form input, in a known section', () => {
    const sections = new Set<string>(ACTION_FORM_SECTIONS.map((s) => s.key));
    for (const [key, f] of defs) {
      expect(f.label, key).toMatch(/^[A-ZÉ]/);
      if (f.input === null) continue;
      const meta = ACTION_FORM_FIELDS.find((m) => m.key === key);
      expect(meta, `${key} is in the form`).toBeDefined();
      expect(sections.has(meta!.section)).toBe(true);
      if (meta!.kind === 'select' || meta!.kind === 'checkboxes') expect(meta!.options?.length).toBeGreaterThan(0);
    }
    expect(ACTION_FORM_FIELDS.map((f) => f.key).sort()).toEqual([...editable].sort());
    // Form order: sections in order, `order` increasing.
    const sectionIndex = (s: string) => ACTION_FORM_SECTIONS.findIndex((x) => x.key === s);
    ACTION_FORM_FIELDS.forEach((f, i) => {
      expect(f.order).toBe(i);
      if (i) expect(sectionIndex(f.section)).toBeGreaterThanOrEqual(sectionIndex(ACTION_FORM_FIELDS[i - 1]!.section));
    });
  });

  it('tracks every editable field in history, conflicts and comparisons, with its label', () => {
    for (const key of editable) {
      expect(TRACKED_FIELDS).toContain(key);
      expect(FIELD_LABELS[key as keyof typeof FIELD_LABELS]).toBe(ACTION_FIELDS[key].label);
    }
    expect(TRACKED_FIELDS).toContain('archivedAt');
    expect(formatFieldValue('axes', ['SKILLS'])).toBe('Compétences et recrutement');
    expect(formatFieldValue('budgetCents', 25_000_000)).toMatch(/^250\s000\s€$/);
    expect(diffActions({ operators: [{ slug: 'bpi', name: 'Bpifrance' }] }, { operators: [{ slug: 'bpi', name: 'BPI' }] })).toEqual([]);
    expect(diffActions({ title: 'a' }, { title: 'b' }).map((c) => c.field)).toEqual(['title']);
  });

  it('exports every field that has a value of its own, and imports every one the workbook can carry', () => {
    const exported = new Set<string>(EXPORT_COLUMNS.map((c) => c.field));
    const imported = new Set<string>(IMPORT_COLUMNS.map((c) => c.field));
    // The programme export is a summary: long texts and lists are in the plan workbook.
    const notInProgrammeExport = ['description', 'objectives', 'partners', 'notes', 'links', 'archivedAt', 'version'];
    // The repeatables are edited in the app (their rows do not fit one cell): see ADR 0018.
    const notInWorkbook = ['operators', 'financing', 'milestones', 'indicators'].filter((k) => !imported.has(k));
    for (const key of editable) {
      if (!notInProgrammeExport.includes(key)) expect(exported.has(key), `${key} exported`).toBe(true);
      if (!notInWorkbook.includes(key)) expect(imported.has(key), `${key} imported`).toBe(true);
    }
    // The existing export's headers, in their order (a contract).
    expect(['Territoire', 'Régions', 'Départements', ...EXPORT_COLUMNS.map((c) => c.header)]).toEqual([
      'Territoire',
      'Régions',
      'Départements',
      'Référence',
      'Titre',
      'Axes',
      'Phase',
      'Statut',
      'Priorité',
      'Date de début',
      'Date de fin prévue',
      'Pilote',
      'Opérateurs',
      'Budget prévisionnel (€)',
      'Financements accordés (€)',
      'Financements demandés ou envisagés (€)',
      'Jalons en retard',
      'Dernière modification',
      'Indicateurs (réalisé / cible, date de la dernière valeur)',
      'Valeurs datées des indicateurs',
    ]);
    expect(new Set(IMPORT_COLUMNS.map((c) => c.header)).size).toBe(IMPORT_COLUMNS.length);
  });

  it('round-trips every workbook column: the cell written from a value reads back to the same input', () => {
    const sample = {
      title: 'Plateforme',
      description: 'Une description',
      objectives: '',
      axes: ['SKILLS', 'INNOVATION'],
      phase: 'STUDY',
      status: 'IN_PROGRESS',
      priority: 'HIGH',
      startDate: '2026-01-31',
      endDate: null,
      pilot: 'CCI',
      partners: ['Région', 'Pôle emploi'],
      operators: [{ slug: 'bpifrance', name: 'Bpifrance' }],
      budgetCents: 25_000_050,
      notes: 'x',
      links: ['https://example.org/a'],
    } as Record<string, unknown>;
    const expected = { ...sample, operators: ['bpifrance'] } as Record<string, unknown>;
    for (const c of IMPORT_COLUMNS) {
      const parsed = c.parse(c.toCell(sample[c.field] as never));
      expect(parsed, c.header).toEqual({ ok: true, value: expected[c.field] ?? null });
    }
    const status = IMPORT_COLUMNS.find((c) => c.field === 'status')!;
    const bad = status.parse('Fini');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toMatch(/Valeurs possibles : À venir, En cours/);
    expect(cellText({ richText: [{ text: 'a' }, { text: 'b' }] })).toBe('ab');
  });

  it('derives the input schemas: every editable field, defaults on creation, partial on update', () => {
    const create = z.toJSONSchema(actionCreateSchema, { io: 'input' }) as JsonSchema;
    const update = z.toJSONSchema(actionUpdateSchema, { io: 'input' }) as JsonSchema;
    for (const key of editable) {
      expect(props(create), key).toContain(key);
      expect(props(update), key).toContain(key);
    }
    expect(create.required?.sort()).toEqual(['axes', 'status', 'title']);
    expect(update.required).toEqual(['version']);
    const parsed = actionCreateSchema.parse({ title: ' T ', axes: ['SKILLS'], status: 'NOT_STARTED' });
    expect(parsed).toMatchObject({ title: 'T', description: '', phase: 'IDEA', priority: 'MEDIUM', operators: [], budgetCents: null });
    expect(actionUpdateSchema.parse({ version: 3, pilot: 'X' })).toEqual({ version: 3, pilot: 'X' });
    expect(columnData({ startDate: '2026-02-01', budgetCents: 100, operators: ['x'] })).toEqual({
      startDate: new Date('2026-02-01T00:00:00Z'),
      budgetCents: 100n,
    });
  });

  it('derives the output schemas (the OpenAPI document is generated from them) with every field', () => {
    for (const schema of [actionDtoSchema, actionListItemSchema]) {
      const json = z.toJSONSchema(schema) as JsonSchema;
      for (const key of ACTION_FIELD_KEYS) expect(props(json), key).toContain(key);
      for (const key of ['id', 'version', 'territory', 'updatedBy']) expect(root(json).required).toContain(key);
    }
    expect(props(z.toJSONSchema(actionHistoryEntrySchema) as JsonSchema)).toEqual(
      expect.arrayContaining(['at', 'operation', 'actor', 'version', 'before', 'after']),
    );
  });
});
