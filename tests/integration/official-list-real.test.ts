// The real official list (../shared/data/territoires-industrie, read at test time, never
// copied into the repository): every edition imports into the demo database, in place.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/authz/policy';
import { importTerritories, previewTerritoryImport } from '@/lib/imports/territories';
import { actor, DEMO } from '../fixtures';

const DATA = path.resolve(import.meta.dirname, '../../../shared/data/territoires-industrie');
const COMMUNES = path.join(DATA, 'liste-ti-communes-2023.csv');
const GROUPEMENTS = path.join(DATA, 'liste-ti-groupements-2024.csv');
const present = fs.existsSync(COMMUNES) && fs.existsSync(GROUPEMENTS);
if (!present) console.warn(`SKIPPED: the real official list is absent (${DATA}); the import tests on small files still run.`);

describe.skipIf(!present)('the real official list (ANCT, data.gouv.fr)', () => {
  let national: Actor;
  let communes: string;
  let tarnNordId: string;
  let tarnNordActions: number;
  beforeAll(async () => {
    national = await actor(DEMO.national);
    communes = fs.readFileSync(COMMUNES, 'utf8');
    const tarn = await db.territory.findUniqueOrThrow({ where: { slug: 'tarn-nord' }, select: { id: true, _count: { select: { actions: true } } } });
    tarnNordId = tarn.id;
    tarnNordActions = tarn._count.actions;
  });

  const territoryState = async () =>
    (await db.territory.findMany({ select: { officialId: true, name: true, departementCodes: true, epcis: { select: { epciSiren: true }, orderBy: { epciSiren: 'asc' } } }, orderBy: { officialId: 'asc' } })).map(
      (t) => `${t.officialId} ${t.name} ${t.departementCodes.join('/')} ${t.epcis.map((e) => e.epciSiren).join('/')}`,
    );

  it('the 2023 commune file imports with no error, earlier commune codes mapped, demo territories updated in place', async () => {
    const preview = await previewTerritoryImport(national, communes);
    expect(preview.rows).toBe(18_726);
    expect(preview.territories).toBe(183);
    expect(preview.mappedCodes).toHaveLength(34);
    expect(preview.mappedCodes).toContainEqual(expect.objectContaining({ from: '95282', fromName: 'Gouzangrez', to: '95169', toName: 'Commeny' }));
    const report = await importTerritories(national, communes, { filename: 'liste-ti-communes-2023.csv', expectedFingerprint: preview.fingerprint });
    expect(report.created).toHaveLength(183 - 16);
    expect(report.created.map((c) => c.officialId)).not.toContain('ti-7614');
    expect(await db.territory.count()).toBe(183);
    const tarn = await db.territory.findUniqueOrThrow({ where: { slug: 'tarn-nord' }, select: { id: true, officialId: true, _count: { select: { actions: true } } } });
    expect(tarn).toMatchObject({ id: tarnNordId, officialId: 'ti-7614', _count: { actions: tarnNordActions } });
  });

  it('re-importing it changes nothing', async () => {
    const before = await territoryState();
    const report = await importTerritories(national, communes);
    expect(report.created).toEqual([]);
    expect(report.updated).toEqual([]);
    expect(report.unchanged).toBe(183);
    expect(await territoryState()).toEqual(before);
  });

  it('a ";" / BOM / CRLF edition of the same file changes nothing either', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ti-edition-'));
    const variant = path.join(dir, 'liste-ti-com-pointvirgule.csv');
    const lines = communes.trim().split('\n').map((l) => {
      const cells: string[] = [];
      let field = '';
      let quoted = false;
      for (const ch of l) {
        if (ch === '"') quoted = !quoted;
        else if (ch === ',' && !quoted) {
          cells.push(field);
          field = '';
        } else field += ch;
      }
      cells.push(field);
      return cells.map((c) => (c.includes(';') ? `"${c}"` : c)).join(';');
    });
    fs.writeFileSync(variant, `\uFEFF${lines.join('\r\n')}\r\n`);
    const before = await territoryState();
    const report = await importTerritories(national, fs.readFileSync(variant, 'utf8'));
    expect(report.rows).toBe(18_726);
    expect(report.updated).toEqual([]);
    expect(report.unchanged).toBe(183);
    expect(await territoryState()).toEqual(before);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the 2024 groupement file renames in place: 183 territories, each official id once', async () => {
    const report = await importTerritories(national, fs.readFileSync(GROUPEMENTS, 'utf8'));
    expect(report.format).toBe('groupements');
    expect(report.created).toEqual([]);
    expect(report.renamed).toContainEqual(expect.objectContaining({ officialId: 'ti-4421', from: 'Vitry-le-François', to: 'Pays Vitryat' }));
    expect(report.renamed.map((r) => r.officialId)).toContain('ti-8412');
    const all = await db.territory.findMany({ select: { officialId: true, programmePhase: true } });
    expect(all).toHaveLength(183);
    expect(new Set(all.map((t) => `${t.programmePhase}:${t.officialId}`)).size).toBe(183);
    expect(all.every((t) => t.officialId && t.programmePhase === 2)).toBe(true);
    const tarn = await db.territory.findUniqueOrThrow({ where: { slug: 'tarn-nord' }, select: { id: true, name: true, epcis: { select: { epciSiren: true } } } });
    expect(tarn.id).toBe(tarnNordId);
    expect(tarn.name).toBe('Tarn Nord');
    expect(tarn.epcis.map((e) => e.epciSiren).sort()).toEqual(['200040905', '200066124', '248100737']);
    const castres = await db.territory.findUniqueOrThrow({ where: { programmePhase_officialId: { programmePhase: 2, officialId: 'ti-7605' } } });
    expect(castres.slug).toBe('castres-revel-castelnaudary');
    expect(castres.departementCodes).toEqual(['11', '31', '81']);
    expect((await db.territory.findFirstOrThrow({ where: { officialId: 'ti-4421' } })).name).toBe('Pays Vitryat');
  });
});
