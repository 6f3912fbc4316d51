// Excel round trip of a plan (issue 11 item 6): export → edit → import, all or nothing.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/authz/policy';
import { importPlanWorkbook, planWorkbook, PLAN_SHEET, HELP_SHEET } from '@/lib/plans/workbook';
import { IMPORT_COLUMNS } from '@/lib/actions/fields';
import { updateAction } from '@/lib/actions/mutations';
import { NextRequest } from 'next/server';
import { createToken } from '@/lib/tokens/tokens';
import * as workbookRoute from '@/app/api/v1/territories/[slug]/plan.xlsx/route';
import * as importRoute from '@/app/api/v1/territories/[slug]/plan/import/route';
import { actor, DEMO } from '../fixtures';

let cdp: Actor, otherCdp: Actor, sgar: Actor, elu: Actor;
beforeAll(async () => {
  [cdp, otherCdp, sgar, elu] = await Promise.all([actor(DEMO.cdpTarnNord), actor(DEMO.cdpCastres), actor(DEMO.sgarOccitanie), actor(DEMO.eluTarnNord)]);
});

const SLUG = 'tarn-nord';
const errorOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as { code: string; details?: { current?: unknown } });

async function download(): Promise<ExcelJS.Workbook> {
  const { buffer } = await planWorkbook(cdp, SLUG);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}
const bytes = async (wb: ExcelJS.Workbook) => new Uint8Array(await wb.xlsx.writeBuffer());
const col = (sheet: ExcelJS.Worksheet, header: string) => ((sheet.getRow(1).values as unknown[]).indexOf(header));
const counts = async () => ({
  actions: await db.action.count({ where: { territory: { slug: SLUG } } }),
  audits: await db.auditLog.count(),
  versions: (await db.action.findMany({ where: { territory: { slug: SLUG } }, select: { version: true } })).reduce((s, a) => s + a.version, 0),
});

describe('plan workbook', () => {
  it('has one row per working action with its reference and version, the registry columns, and a sheet explaining them', async () => {
    const wb = await download();
    const sheet = wb.getWorksheet(PLAN_SHEET)!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['Référence', 'Version', ...IMPORT_COLUMNS.map((c) => c.header)]);
    const working = await db.action.count({ where: { territory: { slug: SLUG }, archivedAt: null } });
    expect(sheet.actualRowCount - 1).toBe(working);
    expect(sheet.getRow(2).getCell(1).value).toMatch(/^FA-\d+$/);
    expect(typeof sheet.getRow(2).getCell(2).value).toBe('number');
    const help = wb.getWorksheet(HELP_SHEET)!;
    const helpText = JSON.stringify(help.getSheetValues());
    for (const c of IMPORT_COLUMNS) expect(helpText).toContain(c.header);
    expect(helpText).toContain('En cours');
  });

  it('an unchanged workbook imports as no change', async () => {
    const before = await counts();
    const report = await importPlanWorkbook(cdp, SLUG, await bytes(await download()));
    expect(report).toMatchObject({ created: [], updated: [], errors: [] });
    expect(report.unchanged).toBeGreaterThan(0);
    expect(await counts()).toEqual(before);
  });

  it('dryRun previews edited cells and writes nothing; applying updates them with new versions and audit rows', async () => {
    const wb = await download();
    const sheet = wb.getWorksheet(PLAN_SHEET)!;
    const ref = String(sheet.getRow(2).getCell(1).value);
    const version = Number(sheet.getRow(2).getCell(2).value);
    sheet.getRow(2).getCell(col(sheet, 'Pilote')).value = 'Nouveau pilote';
    sheet.getRow(2).getCell(col(sheet, 'Statut')).value = 'Bloqué';
    sheet.getRow(2).getCell(col(sheet, 'Budget prévisionnel (€)')).value = 123456.5;
    const file = await bytes(wb);
    const before = await counts();
    const preview = await importPlanWorkbook(cdp, SLUG, file, { dryRun: true });
    expect(preview).toMatchObject({ dryRun: true, applied: false, errors: [] });
    expect(preview.updated).toEqual([expect.objectContaining({ reference: ref, version: version + 1, fields: ['status', 'pilot', 'budgetCents'] })]);
    expect(await counts()).toEqual(before);

    const applied = await importPlanWorkbook(cdp, SLUG, file);
    expect(applied).toMatchObject({ applied: true, errors: [], updated: [expect.objectContaining({ reference: ref, version: version + 1 })] });
    const action = await db.action.findFirstOrThrow({ where: { territory: { slug: SLUG }, number: Number(ref.slice(3)) } });
    expect(action).toMatchObject({ pilot: 'Nouveau pilote', status: 'BLOCKED', budgetCents: 12345650n, version: version + 1 });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: 'Action', entityId: action.id }, orderBy: { id: 'desc' } });
    expect(audit).toMatchObject({ operation: 'import', entityVersion: version + 1 });
    expect(Object.keys(audit.after as object).sort()).toEqual(['budgetCents', 'pilot', 'status']);

    // The same file again: it now matches the plan, so it changes nothing (idempotent).
    const after = await counts();
    const again = await importPlanWorkbook(cdp, SLUG, file);
    expect(again).toMatchObject({ created: [], updated: [], errors: [] });
    expect(await counts()).toEqual(after);
  });

  it('a stale row blocks the whole import, even with other valid rows', async () => {
    const wb = await download();
    const sheet = wb.getWorksheet(PLAN_SHEET)!;
    const ref = String(sheet.getRow(3).getCell(1).value);
    // Someone edits that action after the download.
    const target = await db.action.findFirstOrThrow({ where: { territory: { slug: SLUG }, number: Number(ref.slice(3)) } });
    await updateAction(cdp, target.id, { version: target.version, notes: 'modifié entre-temps' });
    sheet.getRow(3).getCell(col(sheet, 'Pilote')).value = 'Écrase ?';
    sheet.getRow(2).getCell(col(sheet, 'Pilote')).value = 'Valide';
    const before = await counts();
    const error = await errorOf(importPlanWorkbook(cdp, SLUG, await bytes(wb)));
    expect(error).toMatchObject({ code: 'CONFLICT' });
    expect((error!.details!.current as { staleRows: unknown[] }).staleRows).toEqual([
      expect.objectContaining({ row: 3, reference: ref, baseVersion: target.version, version: target.version + 1, changedBy: cdp.name }),
    ]);
    expect(await counts()).toEqual(before);
  });

  it('bad cells: every error with its row and column, and nothing written', async () => {
    const wb = await download();
    const sheet = wb.getWorksheet(PLAN_SHEET)!;
    sheet.getRow(2).getCell(col(sheet, 'Statut')).value = 'Fini';
    sheet.getRow(2).getCell(col(sheet, 'Pilote')).value = 'Valide mais bloqué';
    sheet.getRow(3).getCell(col(sheet, 'Date de début')).value = 'bientôt';
    sheet.getRow(3).getCell(col(sheet, 'Titre')).value = '';
    sheet.getRow(3).getCell(col(sheet, 'Opérateurs')).value = 'inconnu';
    sheet.addRow(['', '', 'Nouvelle action valide', '', '', 'Innovation', 'Idée', 'À venir']);
    const before = await counts();
    const report = await importPlanWorkbook(cdp, SLUG, await bytes(wb));
    expect(report.applied).toBe(false);
    expect(report.errors).toEqual(
      expect.arrayContaining([
        { row: 2, column: 'Statut', message: expect.stringMatching(/Statut inconnu\(e\) : « Fini »/) },
        { row: 3, column: 'Date de début', message: expect.stringMatching(/date attendue/) },
        { row: 3, column: 'Titre', message: 'Le titre est obligatoire.' },
        { row: 3, column: 'Opérateurs', message: expect.stringMatching(/Opérateur inconnu : inconnu/) },
      ]),
    );
    expect(await counts()).toEqual(before);
  });

  it('a new row without reference creates an action with its reference, audited', async () => {
    const wb = await download();
    const sheet = wb.getWorksheet(PLAN_SHEET)!;
    const values: Record<string, unknown> = { Titre: 'Créée depuis Excel', Axes: 'Innovation ; Foncier industriel', Statut: 'À venir', 'Date de début': new Date('2026-03-01T00:00:00Z'), Partenaires: 'CCI\nRégion' };
    const row = sheet.addRow([]);
    for (const [h, v] of Object.entries(values)) row.getCell(col(sheet, h)).value = v as ExcelJS.CellValue;
    const report = await importPlanWorkbook(cdp, SLUG, await bytes(wb));
    expect(report.errors).toEqual([]);
    expect(report.created).toEqual([{ row: row.number, reference: expect.stringMatching(/^FA-\d+$/), title: 'Créée depuis Excel' }]);
    const created = await db.action.findFirstOrThrow({ where: { territory: { slug: SLUG }, title: 'Créée depuis Excel' } });
    expect(created).toMatchObject({ axes: ['INNOVATION', 'INDUSTRIAL_LAND'], phase: 'IDEA', priority: 'MEDIUM', partners: ['CCI', 'Région'], version: 1 });
    expect(created.startDate?.toISOString().slice(0, 10)).toBe('2026-03-01');
    expect(`FA-${created.number}`).toBe(report.created[0]!.reference);
    expect(await db.auditLog.count({ where: { entityType: 'Action', entityId: created.id, operation: 'create' } })).toBe(1);
  });

  it('is for the territory’s project leads only: copilots 403, another territory’s lead 404', async () => {
    const file = await bytes(await download());
    expect((await errorOf(importPlanWorkbook(sgar, SLUG, file)))?.code).toBe('FORBIDDEN');
    expect((await errorOf(importPlanWorkbook(elu, SLUG, file)))?.code).toBe('FORBIDDEN');
    expect((await errorOf(importPlanWorkbook(otherCdp, SLUG, file)))?.code).toBe('NOT_FOUND');
    expect((await errorOf(planWorkbook(otherCdp, SLUG)))?.code).toBe('NOT_FOUND');
  });

  it('through the routes: XLSX out, XLSX in (415 otherwise), dryRun writes nothing, copilots 403', async () => {
    const token = (await createToken(cdp, { name: 'Classeur', access: 'write', expiresInDays: 1 })).token;
    const params = { params: Promise.resolve({ slug: SLUG }) };
    const req = (path: string, init: { method?: string; type?: string; body?: Uint8Array; bearer?: string } = {}) =>
      new NextRequest(`http://localhost${path}`, {
        method: init.method ?? 'GET',
        headers: { authorization: `Bearer ${init.bearer ?? token}`, ...(init.type && { 'content-type': init.type }) },
        body: init.body as BodyInit | undefined,
      });
    const got = await workbookRoute.GET(req(`/api/v1/territories/${SLUG}/plan.xlsx`), params);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const file = new Uint8Array(await got.arrayBuffer());
    const path = `/api/v1/territories/${SLUG}/plan/import`;
    expect((await importRoute.POST(req(path, { method: 'POST', type: 'text/csv', body: file }), params)).status).toBe(415);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    wb.getWorksheet(PLAN_SHEET)!.addRow(['', '', 'Par l’API', '', '', 'Innovation', '', 'À venir']);
    const edited = await bytes(wb);
    const before = await counts();
    const dry = await importRoute.POST(req(`${path}?dryRun=1`, { method: 'POST', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: edited }), params);
    expect(dry.status).toBe(200);
    expect(await dry.json()).toMatchObject({ dryRun: true, applied: false, created: [{ title: 'Par l’API', reference: null }], errors: [] });
    // (a token's use is itself audited: only the plan is compared here)
    const after = await counts();
    expect({ actions: after.actions, versions: after.versions }).toEqual({ actions: before.actions, versions: before.versions });
    const copilotToken = (await createToken(sgar, { name: 'Copilote', access: 'write', expiresInDays: 1 })).token;
    const denied = await importRoute.POST(req(path, { method: 'POST', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: edited, bearer: copilotToken }), params);
    expect(denied.status).toBe(403);
  });
});
