// Official-list import (idempotent, all-or-nothing) and scoped exports.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/authz/policy';
import { importTerritories, parseCsv } from '@/lib/imports/territories';
import { exportActionsCsv, exportActionsXlsx } from '@/lib/exports/actions';
import { actor, DEMO } from '../fixtures';

let national: Actor, sgar: Actor, cdp: Actor;
beforeAll(async () => {
  [national, sgar, cdp] = await Promise.all([actor(DEMO.national), actor(DEMO.sgarOccitanie), actor(DEMO.cdpTarnNord)]);
});

// Real communes: Carmaux and Albi (Tarn), Castres (Tarn), Charleville-Mézières (Ardennes).
const OFFICIAL = [
  'insee_com,lib_com,id_ti,lib_ti',
  '81060,Carmaux,ti-9901,Carmausin Albigeois',
  '81004,Albi,ti-9901,Carmausin Albigeois',
  '81065,Castres,ti-9902,"Castres, Mazamet"',
  '08105,Charleville-Mézières,ti-9903,Ardenne Métropole',
].join('\n');

describe('official list import', () => {
  it('parses quotes, BOM and semicolons', () => {
    const parsed = parseCsv('\uFEFFinsee_com;lib_com;id_ti;lib_ti\r\n81060;Carmaux;ti-1;"Nom ; avec ""guillemets"""\r\n');
    expect(parsed.header).toEqual(['insee_com', 'lib_com', 'id_ti', 'lib_ti']);
    expect(parsed.rows[0]).toEqual(['81060', 'Carmaux', 'ti-1', 'Nom ; avec "guillemets"']);
  });

  it('creates territories with EPCI, départements and regions derived from the official geography', async () => {
    const before = await db.territory.count();
    const report = await importTerritories(national, OFFICIAL, 'liste.csv');
    expect(report.created.map((c) => c.officialId)).toEqual(['ti-9901', 'ti-9902', 'ti-9903']);
    expect(await db.territory.count()).toBe(before + 3);
    const t = await db.territory.findUniqueOrThrow({ where: { programmePhase_officialId: { programmePhase: 2, officialId: 'ti-9901' } }, include: { epcis: true, plan: true } });
    expect(t.departementCodes).toEqual(['81']);
    expect(t.regionCodes).toEqual(['76']);
    expect(t.epcis.length).toBeGreaterThanOrEqual(1);
    expect(t.plan).not.toBeNull();
    const ardenne = await db.territory.findUniqueOrThrow({ where: { programmePhase_officialId: { programmePhase: 2, officialId: 'ti-9903' } } });
    expect(ardenne.regionCodes).toEqual(['44']);
  });

  it('importing the same file twice changes nothing', async () => {
    const count = await db.territory.count();
    const audit = await db.auditLog.count({ where: { entityType: 'Territory' } });
    const report = await importTerritories(national, OFFICIAL);
    expect(report.created).toEqual([]);
    expect(report.updated).toEqual([]);
    expect(report.unchanged).toBe(3);
    expect(await db.territory.count()).toBe(count);
    expect(await db.auditLog.count({ where: { entityType: 'Territory' } })).toBe(audit);
  });

  it('updates a territory whose name or composition changed', async () => {
    const changed = OFFICIAL.replace('81004,Albi,ti-9901,Carmausin Albigeois\n', '').replaceAll('Carmausin Albigeois', 'Carmausin');
    const report = await importTerritories(national, changed);
    expect(report.updated.map((u) => u.officialId)).toEqual(['ti-9901']);
    expect((await db.territory.findUniqueOrThrow({ where: { programmePhase_officialId: { programmePhase: 2, officialId: 'ti-9901' } } })).name).toBe('Carmausin');
  });

  // Each bad file also holds a valid row, which must not be imported either.
  const VALID_ROW = '\n81065,Castres,ti-7777,Ne doit pas exister';
  it.each([
    ['missing column', `insee_com,lib_com,id_ti\n81060,Carmaux,ti-1`, /Colonnes manquantes : lib_ti/],
    ['unknown commune', `insee_com,lib_com,id_ti,lib_ti\n99999,Nulle part,ti-1,X${VALID_ROW}`, /Ligne 2 .*99999/],
    ['bad id', `insee_com,lib_com,id_ti,lib_ti\n81060,Carmaux,TI 12,X${VALID_ROW}`, /identifiant/],
    ['two names', `insee_com,lib_com,id_ti,lib_ti\n81060,Carmaux,ti-1,A\n81004,Albi,ti-1,B${VALID_ROW}`, /deux noms/],
    ['empty', 'insee_com,lib_com,id_ti,lib_ti\n', /aucune ligne/],
  ])('refuses a malformed file (%s) with a clear report and changes nothing', async (_name, csv, pattern) => {
    const count = await db.territory.count();
    const error = await importTerritories(national, csv).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID' });
    const messages = ((error as { details: { fieldErrors: { file: string[] } } }).details.fieldErrors.file ?? []).join('\n');
    expect(messages).toMatch(pattern);
    expect(await db.territory.count()).toBe(count);
    expect(await db.territory.findUnique({ where: { programmePhase_officialId: { programmePhase: 2, officialId: 'ti-7777' } } })).toBeNull();
  });

  it('is reserved to national staff', async () => {
    await expect(importTerritories(sgar, OFFICIAL)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(importTerritories(cdp, OFFICIAL)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('exports', () => {
  it('CSV: BOM, semicolons, header, and only the caller’s scope', async () => {
    const csv = await exportActionsCsv(cdp, {});
    expect(csv.startsWith('\uFEFFTerritoire;Régions;')).toBe(true);
    const lines = csv.trim().split('\r\n').slice(1);
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l.startsWith('Tarn Nord;')).toBe(true);
    const regional = await exportActionsCsv(sgar, {}, ',');
    expect(regional).not.toContain('Ardennes,');
    expect(regional.split('\r\n')[0]).toContain('Territoire,Régions,');
  });

  it('follows the filters', async () => {
    const all = (await exportActionsCsv(national, {})).trim().split('\r\n').length;
    const skills = (await exportActionsCsv(national, { axis: 'SKILLS' })).trim().split('\r\n').length;
    expect(skills).toBeLessThan(all);
    expect(skills).toBeGreaterThan(1);
  });

  it('XLSX opens with the same rows', async () => {
    const buffer = await exportActionsXlsx(sgar, { region: '76' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Actions')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Territoire');
    const csvRows = (await exportActionsCsv(sgar, { region: '76' })).trim().split('\r\n').length;
    expect(sheet.rowCount).toBe(csvRows);
  });

  it('neutralises formula injection', async () => {
    await db.action.updateMany({ where: { territory: { slug: 'tarn-nord' }, number: 1 }, data: { pilot: '=HYPERLINK("http://x")' } });
    const csv = await exportActionsCsv(cdp, {});
    expect(csv).toContain(`'=HYPERLINK`);
  });
});
