// Excel round trip of a plan (issue 11 item 6, ADR 0018): the working plan's actions in
// the registry's workbook columns (one row per action, with its reference and version),
// and the import of that workbook back. The import is all or nothing: every error of
// the file is listed and nothing is written while there is one; a stale version is a
// 409 naming the rows; the writes happen in one transaction with one audit row per
// action, each updated action's version bumped.
import ExcelJS from 'exceljs';
import { db, type Tx } from '@/lib/db';
import { AppError, conflict, invalid } from '@/lib/errors';
import { authorize, type Actor } from '@/lib/authz/policy';
import { recordAudit } from '@/lib/audit/audit';
import { getTerritoryRef } from '@/lib/territories/queries';
import { listActions } from '@/lib/actions/queries';
import { insertAction } from '@/lib/actions/mutations';
import { actionSelect, toActionDto, type ActionDto } from '@/lib/actions/dto';
import {
  FIELD_LABELS,
  IMPORT_COLUMNS,
  TRACKED_FIELDS,
  actionCreateSchema,
  actionUpdateSchema,
  cellText,
  columnData,
  diffActions,
  type RegistryImportColumn,
  type TrackedField,
} from '@/lib/actions/fields';
import { XLSX_STYLES } from '@/lib/exports/actions';
import { formatDateTime } from '@/lib/labels';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const PLAN_SHEET = 'Plan';
export const HELP_SHEET = 'Colonnes';
export const OPERATORS_SHEET = 'Opérateurs';
const REFERENCE = 'Référence';
const VERSION = 'Version';
/** A plan has at most a few hundred actions; more rows is not this workbook. */
const MAX_ROWS = 1_000;

export interface ImportError {
  /** Spreadsheet row number (1 is the header). */
  row: number;
  /** Column header ('' for the whole row or file). */
  column: string;
  message: string;
}

export interface PlanImportReport {
  dryRun: boolean;
  /** True when the changes were written (never with errors, never on a dry run). */
  applied: boolean;
  created: { row: number; reference: string | null; title: string }[];
  updated: { row: number; reference: string; title: string; version: number; fields: TrackedField[]; fieldLabels: string[] }[];
  unchanged: number;
  errors: ImportError[];
}

export interface StaleRow {
  row: number;
  reference: string;
  baseVersion: number;
  version: number;
  changedBy: string | null;
  changedAt: string | null;
}

/* ------------------------------------------------------------------ export */

function slugFile(name: string) {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
}

/** The plan workbook: readable by anyone who may read the territory's plan. */
export async function planWorkbook(actor: Actor, slug: string): Promise<{ buffer: Buffer; filename: string }> {
  const territory = await getTerritoryRef(actor, slug);
  const actions = await listActions(actor, slug, {});
  const operators = await db.operator.findMany({ orderBy: { name: 'asc' }, select: { slug: true, name: true } });
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Territoires d'industrie";
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(PLAN_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  sheet.columns = [
    { header: REFERENCE, width: 12 },
    { header: VERSION, width: 9, style: { numFmt: '0' } },
    ...IMPORT_COLUMNS.map((c) => ({ header: c.header, width: c.width ?? 18, style: XLSX_STYLES[c.type] })),
  ];
  sheet.getRow(1).font = { bold: true };
  for (const a of actions) {
    const dto = a as unknown as Record<string, unknown>;
    sheet.addRow([a.reference, a.version, ...IMPORT_COLUMNS.map((c) => c.toCell(dto[c.field] as never))]);
  }
  // Drop-downs for the single-valued lists (Excel shows the allowed values).
  const last = Math.max(actions.length + 200, 500);
  IMPORT_COLUMNS.forEach((c, i) => {
    if (!c.allowed || c.field === 'axes') return;
    const formulae = [`"${c.allowed.map((o) => o.label).join(',')}"`];
    for (let r = 2; r <= last; r++) {
      sheet.getCell(r, i + 3).dataValidation = { type: 'list', allowBlank: true, formulae, showErrorMessage: true, errorTitle: c.header, error: 'Choisissez une valeur de la liste.' };
    }
  });
  const help = workbook.addWorksheet(HELP_SHEET);
  help.columns = [
    { header: 'Colonne', width: 28 },
    { header: 'Ce qu’elle contient', width: 80 },
    { header: 'Valeurs possibles', width: 60 },
  ];
  help.getRow(1).font = { bold: true };
  help.addRow([REFERENCE, 'Référence de l’action (FA-n). Laissez vide pour créer une nouvelle action.', '']);
  help.addRow([VERSION, 'Version de l’action quand le classeur a été téléchargé : ne la modifiez pas. Si l’action a été modifiée depuis, l’import est refusé pour cette ligne.', '']);
  for (const c of IMPORT_COLUMNS) help.addRow([c.header, c.explain, (c.allowed ?? []).map((o) => o.label).join(' ; ')]);
  help.addRow([]);
  help.addRow([
    'Import',
    'Renvoyez ce classeur depuis la page « Importer le classeur » du plan. Un aperçu montre ce qui sera créé ou modifié ; si une seule cellule est invalide, rien n’est importé et toutes les erreurs sont listées. Les financements, jalons et indicateurs se modifient dans l’application.',
    '',
  ]);
  help.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  const ops = workbook.addWorksheet(OPERATORS_SHEET);
  ops.columns = [
    { header: 'Identifiant', width: 24 },
    { header: 'Opérateur', width: 50 },
  ];
  ops.getRow(1).font = { bold: true };
  for (const o of operators) ops.addRow([o.slug, o.name]);
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return { buffer, filename: `plan-${slugFile(territory.slug)}.xlsx` };
}

/* ------------------------------------------------------------------ import */

interface ParsedRow {
  row: number;
  number: number | null;
  baseVersion: number | null;
  input: Record<string, unknown>;
}

class StaleVersion extends Error {}

const headerOf = new Map(IMPORT_COLUMNS.map((c) => [c.field as string, c.header]));

async function readSheet(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw invalid({ file: ['Le fichier n’est pas un classeur Excel (.xlsx) lisible.'] }, 'Fichier illisible.');
  }
  const sheet = workbook.getWorksheet(PLAN_SHEET) ?? workbook.worksheets[0];
  if (!sheet) throw invalid({ file: ['Le classeur ne contient aucune feuille.'] }, 'Fichier vide.');
  return sheet;
}

/** Parses and validates every row; collects every error (row, column, French message). */
function parseRows(sheet: ExcelJS.Worksheet, errors: ImportError[], operatorSlugs: Set<string>): ParsedRow[] {
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map((v) => cellText(v));
  const columns = new Map<number, RegistryImportColumn | 'reference' | 'version'>();
  const known = new Map<string, RegistryImportColumn>(IMPORT_COLUMNS.map((c) => [c.header.toLowerCase(), c]));
  header.forEach((h, i) => {
    if (!h) return;
    const key = h.toLowerCase();
    if (key === REFERENCE.toLowerCase()) columns.set(i + 1, 'reference');
    else if (key === VERSION.toLowerCase()) columns.set(i + 1, 'version');
    else if (known.has(key)) columns.set(i + 1, known.get(key)!);
    else errors.push({ row: 1, column: h, message: `Colonne inconnue : « ${h} ». Les colonnes possibles sont listées dans la feuille « ${HELP_SHEET} ».` });
  });
  const present = new Set([...columns.values()].map((c) => (typeof c === 'string' ? c : c.header)));
  for (const required of [REFERENCE, VERSION, 'Titre']) {
    const key = required === REFERENCE ? 'reference' : required === VERSION ? 'version' : required;
    if (!present.has(key)) errors.push({ row: 1, column: required, message: `Colonne obligatoire absente : « ${required} ».` });
  }
  if (errors.length) return [];
  if (sheet.actualRowCount - 1 > MAX_ROWS) {
    errors.push({ row: 0, column: '', message: `Le classeur contient plus de ${MAX_ROWS} lignes.` });
    return [];
  }
  const rows: ParsedRow[] = [];
  const seen = new Map<number, number>();
  sheet.eachRow((r, rowNumber) => {
    if (rowNumber === 1) return;
    const cells = [...columns.entries()].map(([col, c]) => [c, r.getCell(col).value] as const);
    if (cells.every(([, v]) => cellText(v) === '')) return;
    const parsed: ParsedRow = { row: rowNumber, number: null, baseVersion: null, input: {} };
    for (const [c, value] of cells) {
      if (c === 'reference') {
        const text = cellText(value);
        if (!text) continue;
        const m = /^FA-(\d{1,9})$/i.exec(text);
        if (!m) errors.push({ row: rowNumber, column: REFERENCE, message: `Référence invalide : « ${text} » (FA-n attendu, ou vide pour une nouvelle action).` });
        else {
          parsed.number = Number(m[1]);
          const other = seen.get(parsed.number);
          if (other) errors.push({ row: rowNumber, column: REFERENCE, message: `La référence ${text} figure déjà ligne ${other}.` });
          seen.set(parsed.number, rowNumber);
        }
      } else if (c === 'version') {
        const text = cellText(value);
        if (!text) continue;
        const n = Number(text);
        if (!Number.isInteger(n) || n < 1) errors.push({ row: rowNumber, column: VERSION, message: `Version invalide : « ${text} » (nombre entier attendu).` });
        else parsed.baseVersion = n;
      } else {
        const result = c.parse(value);
        if (!result.ok) errors.push({ row: rowNumber, column: c.header, message: `${c.header} : ${result.message}` });
        else parsed.input[c.field] = result.value;
      }
    }
    const ops = parsed.input.operators as string[] | undefined;
    const unknown = ops?.filter((s) => !operatorSlugs.has(s)) ?? [];
    if (unknown.length)
      errors.push({ row: rowNumber, column: headerOf.get('operators')!, message: `Opérateur inconnu : ${unknown.join(', ')} (voir la feuille « ${OPERATORS_SHEET} »).` });
    if (parsed.number !== null && parsed.baseVersion === null)
      errors.push({ row: rowNumber, column: VERSION, message: 'La version est obligatoire pour une action existante (ne la modifiez pas).' });
    rows.push(parsed);
  });
  return rows;
}

/** zod errors of one row, on their columns. */
function schemaErrors(row: number, issues: { path: PropertyKey[]; message: string }[]): ImportError[] {
  return issues.map((i) => {
    const field = String(i.path[0] ?? '');
    return { row, column: headerOf.get(field) ?? field, message: i.message };
  });
}

type Plan = {
  create: { row: number; data: ReturnType<typeof actionCreateSchema.parse> }[];
  update: { row: number; current: ActionDto; baseVersion: number; data: Record<string, unknown>; fields: TrackedField[] }[];
  unchanged: number;
  stale: StaleRow[];
};

/** What each row would do, against the current plan. */
async function plan(territoryId: string, rows: ParsedRow[], errors: ImportError[]): Promise<Plan> {
  const current = await db.action.findMany({ where: { territoryId, archivedAt: null }, select: { ...actionSelect, updatedById: true } });
  const byNumber = new Map(current.map((r) => [r.number, r]));
  const out: Plan = { create: [], update: [], unchanged: 0, stale: [] };
  for (const r of rows) {
    if (r.number === null) {
      // An empty cell of a new row takes the field's default on creation.
      const given = Object.fromEntries(Object.entries(r.input).filter(([, v]) => v !== null));
      const parsed = actionCreateSchema.safeParse(given);
      if (!parsed.success) errors.push(...schemaErrors(r.row, parsed.error.issues));
      else out.create.push({ row: r.row, data: parsed.data });
      continue;
    }
    const row = byNumber.get(r.number);
    if (!row) {
      errors.push({ row: r.row, column: REFERENCE, message: `FA-${r.number} n’est pas une action du plan en cours (archivée ou inconnue).` });
      continue;
    }
    const dto = toActionDto(row);
    const parsed = actionUpdateSchema.safeParse({ version: r.baseVersion ?? 1, ...r.input });
    if (!parsed.success) {
      errors.push(...schemaErrors(r.row, parsed.error.issues));
      continue;
    }
    const { version: _v, ...data } = parsed.data as Record<string, unknown>;
    // Compare in the workbook's own terms: the current value written to a cell and read back.
    const fields = TRACKED_FIELDS.filter((f) => {
      if (!(f in data)) return false;
      const col = IMPORT_COLUMNS.find((c) => c.field === f)!;
      const was = col.parse(col.toCell((dto as unknown as Record<string, unknown>)[f] as never));
      // Operators are a set: their order in the cell means nothing.
      const norm = (v: unknown) => JSON.stringify(f === 'operators' && Array.isArray(v) ? [...v].sort() : (v ?? null));
      return !was.ok || norm(was.value) !== norm(data[f]);
    });
    if (!fields.length) {
      out.unchanged += 1;
      continue;
    }
    if (r.baseVersion !== row.version) {
      out.stale.push({ row: r.row, reference: dto.reference, baseVersion: r.baseVersion ?? 0, version: row.version, changedBy: null, changedAt: dto.updatedAt });
      continue;
    }
    out.update.push({ row: r.row, current: dto, baseVersion: row.version, data: Object.fromEntries(fields.map((f) => [f, data[f]])), fields });
  }
  return out;
}

async function writeOperators(tx: Tx, actionId: string, slugs: string[] | undefined, replace: boolean) {
  if (!slugs) return;
  const ops = slugs.length ? await tx.operator.findMany({ where: { slug: { in: slugs } }, select: { id: true } }) : [];
  if (replace) await tx.actionOperator.deleteMany({ where: { actionId } });
  if (ops.length) await tx.actionOperator.createMany({ data: ops.map((o) => ({ actionId, operatorId: o.id })) });
}

const loadDto = async (tx: Tx, id: string) => toActionDto(await tx.action.findUniqueOrThrow({ where: { id }, select: actionSelect }));
const pick = (dto: ActionDto, fields: readonly TrackedField[]) => Object.fromEntries(fields.map((f) => [f, dto[f]]));

async function staleConflict(territoryId: string, stale: StaleRow[], errors: ImportError[]): Promise<AppError> {
  const numbers = stale.map((s) => Number(s.reference.slice(3)));
  const rows = await db.action.findMany({ where: { territoryId, number: { in: numbers } }, select: { id: true, number: true } });
  for (const s of stale) {
    const id = rows.find((r) => `FA-${r.number}` === s.reference)?.id;
    const last = id
      ? await db.auditLog.findFirst({ where: { entityType: 'Action', entityId: id }, orderBy: { id: 'desc' }, select: { at: true, actor: { select: { name: true } } } })
      : null;
    s.changedBy = last?.actor?.name ?? null;
    s.changedAt = last?.at.toISOString() ?? s.changedAt;
  }
  const list = stale
    .map((s) => `ligne ${s.row} (${s.reference}, modifiée${s.changedBy ? ` par ${s.changedBy}` : ''}${s.changedAt ? ` le ${formatDateTime(s.changedAt)}` : ''})`)
    .join(', ');
  return conflict(
    `Des actions ont été modifiées depuis le téléchargement du classeur : ${list}. Rien n’a été importé : téléchargez le classeur à jour et reportez-y vos modifications.`,
    { entity: 'ActionPlan', staleRows: stale, errors },
  );
}

/**
 * Imports a plan workbook. Only the territory's project lead may. Returns the report;
 * with errors (or on a dry run) nothing is written. A stale version → CONFLICT (409).
 */
export async function importPlanWorkbook(
  actor: Actor,
  slug: string,
  bytes: Uint8Array,
  options: { dryRun?: boolean } = {},
): Promise<PlanImportReport> {
  const territory = await getTerritoryRef(actor, slug);
  authorize(actor, 'plan:edit', { territoryId: territory.id, regionCodes: territory.regionCodes, status: territory.status });
  const dryRun = options.dryRun ?? false;
  const errors: ImportError[] = [];
  const sheet = await readSheet(bytes);
  const operatorSlugs = new Set((await db.operator.findMany({ select: { slug: true } })).map((o) => o.slug));
  const rows = parseRows(sheet, errors, operatorSlugs);
  const todo = await plan(territory.id, rows, errors);
  errors.sort((a, b) => a.row - b.row);
  if (todo.stale.length) throw await staleConflict(territory.id, todo.stale, errors);
  const report: PlanImportReport = {
    dryRun,
    applied: false,
    created: todo.create.map((c) => ({ row: c.row, reference: null, title: c.data.title })),
    updated: todo.update.map((u) => ({
      row: u.row,
      reference: u.current.reference,
      title: (u.data.title as string | undefined) ?? u.current.title,
      version: u.current.version + 1,
      fields: u.fields,
      fieldLabels: u.fields.map((f) => FIELD_LABELS[f]),
    })),
    unchanged: todo.unchanged,
    errors,
  };
  if (errors.length || dryRun || (!todo.create.length && !todo.update.length)) return report;
  try {
    await db.$transaction(async (tx) => {
      const planRow = await tx.actionPlan.upsert({ where: { territoryId: territory.id }, create: { territoryId: territory.id }, update: {}, select: { id: true } });
      // Serialises with the other writers of the plan (creations, reordering).
      await tx.$queryRaw`select id from "ActionPlan" where id = ${planRow.id} for update`;
      for (const [i, u] of todo.update.entries()) {
        // The version guard is in the UPDATE itself: a writer that got there first makes it match nothing.
        const bumped = await tx.action.updateMany({
          where: { id: u.current.id, version: u.baseVersion, archivedAt: null },
          data: { ...columnData(u.data), version: { increment: 1 }, updatedById: actor.id },
        });
        if (bumped.count === 0) throw new StaleVersion(String(i));
        await writeOperators(tx, u.current.id, u.data.operators as string[] | undefined, true);
        const after = await loadDto(tx, u.current.id);
        const changes = diffActions(u.current, after).map((c) => c.field);
        await recordAudit(tx, {
          actor,
          entityType: 'Action',
          entityId: u.current.id,
          operation: 'import',
          territoryId: territory.id,
          entityVersion: after.version,
          before: pick(u.current, changes),
          after: pick(after, changes),
        });
        report.updated[i]!.version = after.version;
      }
      const agg = await tx.action.aggregate({ where: { territoryId: territory.id }, _max: { number: true, position: true } });
      let number = agg._max.number ?? 0;
      let position = agg._max.position ?? 0;
      for (const [i, c] of todo.create.entries()) {
        const at = { planId: planRow.id, territoryId: territory.id, number: ++number, position: ++position };
        const dto = await insertAction(tx, actor, at, c.data);
        report.created[i]!.reference = dto.reference;
      }
      await recordAudit(tx, {
        actor,
        entityType: 'ActionPlan',
        entityId: planRow.id,
        operation: 'import',
        territoryId: territory.id,
        after: {
          created: report.created.map((c) => c.reference),
          updated: report.updated.map((u) => u.reference),
          unchanged: report.unchanged,
        },
      });
    });
  } catch (error) {
    if (error instanceof StaleVersion) {
      const u = todo.update[Number(error.message)]!;
      const now = await db.action.findUniqueOrThrow({ where: { id: u.current.id }, select: { version: true } });
      throw await staleConflict(territory.id, [{ row: u.row, reference: u.current.reference, baseVersion: u.baseVersion, version: now.version, changedBy: null, changedAt: null }], []);
    }
    throw error;
  }
  report.applied = true;
  return report;
}

