// Preview, then apply: the preview writes nothing, the apply does exactly what the
// preview said, and refuses when the territories changed in between. Identity is
// (programme phase, id_ti); a territory missing from an edition is kept.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/authz/policy';
import { importTerritories, previewTerritoryImport } from '@/lib/imports/territories';
import { updateTerritory } from '@/lib/admin/territories';
import { actor, DEMO } from '../fixtures';

let national: Actor, admin: Actor, sgar: Actor;
beforeAll(async () => {
  [national, admin, sgar] = await Promise.all([actor(DEMO.national), actor(DEMO.admin), actor(DEMO.sgarOccitanie)]);
});

// Real communes and EPCI: Carmaux (CC Carmausin-Ségala), Albi (CA de l'Albigeois),
// Gaillac (CA Gaillac-Graulhet), Castres (CA Castres-Mazamet), Charleville-Mézières.
const counts = async () => ({
  territories: await db.territory.count(),
  links: await db.territoryEpci.count(),
  audit: await db.auditLog.count(),
  runs: await db.importRun.count(),
});

describe('preview then apply', () => {
  const FILE = [
    'insee_com,lib_com,id_ti,lib_ti',
    '81060,Carmaux,ti-7614,Tarn Nord',
    '81004,Albi,ti-7614,Tarn Nord',
    '81099,Gaillac,ti-7614,Tarn Nord',
    '08105,Charleville-Mézières,ti-9801,Ardenne Métropole',
  ].join('\n');

  it('the preview says what will happen and writes nothing', async () => {
    const before = await counts();
    const preview = await previewTerritoryImport(national, FILE);
    expect(await counts()).toEqual(before);
    expect(preview.dryRun).toBe(true);
    expect(preview.created.map((c) => c.officialId)).toEqual(['ti-9801']);
    expect(preview.created[0]).toMatchObject({ departementCodes: ['08'], regionCodes: ['44'] });
    // Tarn Nord is matched by its id, in place; the demo already holds its real composition.
    expect(preview.renamed).toEqual([]);
    expect(preview.compositionChanged).toEqual([]);
    expect(preview.unchanged).toBe(1);
    // The other demo territories are missing from this edition: reported, not touched.
    expect(preview.missing.map((m) => m.officialId)).toEqual(expect.arrayContaining(['ti-7605', 'ti-7610', 'ti-4407']));
    expect(preview.missing).toHaveLength(15);
    // The API's dry run is the same report.
    expect(await importTerritories(national, FILE, { dryRun: true })).toEqual(preview);
    expect(await counts()).toEqual(before);
  });

  it('the apply does what was previewed; missing territories are kept as they are', async () => {
    const preview = await previewTerritoryImport(national, FILE);
    const report = await importTerritories(national, FILE, { expectedFingerprint: preview.fingerprint, filename: 'liste.csv' });
    expect(report).toEqual({ ...preview, dryRun: false, runId: expect.any(String) });
    const created = await db.territory.findUniqueOrThrow({ where: { programmePhase_officialId: { programmePhase: 2, officialId: 'ti-9801' } }, include: { plan: true, epcis: true } });
    expect(created.plan).not.toBeNull();
    expect(created.epcis).toHaveLength(1);
    const castres = await db.territory.findUniqueOrThrow({ where: { slug: 'castres-revel-castelnaudary' }, include: { epcis: true } });
    expect(castres.status).toBe('ACTIVE');
    expect(castres.epcis).toHaveLength(4);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: 'Territory', entityId: created.id, operation: 'import-create' } });
    expect(audit.after).toMatchObject({ officialId: 'ti-9801', name: 'Ardenne Métropole' });
  });

  it('refuses an apply when the territories changed since the preview, and offers the new preview', async () => {
    const renamed = FILE.replaceAll('Tarn Nord', 'Tarn Nord Albigeois');
    const preview = await previewTerritoryImport(national, renamed);
    expect(preview.renamed).toEqual([{ officialId: 'ti-7614', slug: 'tarn-nord', from: 'Tarn Nord', to: 'Tarn Nord Albigeois' }]);
    // Meanwhile an administrator removes Gaillac-Graulhet from Tarn Nord.
    const tarn = await db.territory.findUniqueOrThrow({ where: { slug: 'tarn-nord' }, include: { epcis: true } });
    await updateTerritory(admin, 'tarn-nord', { epcis: tarn.epcis.map((e) => e.epciSiren).filter((s) => s !== '200066124') });
    const before = await counts();
    const error = await importTerritories(national, renamed, { expectedFingerprint: preview.fingerprint }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CONFLICT' });
    expect(await counts()).toEqual(before);
    expect((await db.territory.findUniqueOrThrow({ where: { slug: 'tarn-nord' } })).name).toBe('Tarn Nord');
    const fresh = (error as { details: { current: Awaited<ReturnType<typeof previewTerritoryImport>> } }).details.current;
    expect(fresh.fingerprint).not.toBe(preview.fingerprint);
    expect(fresh.compositionChanged).toEqual([
      expect.objectContaining({ officialId: 'ti-7614', epcisAdded: [{ code: '200066124', name: expect.stringContaining('Gaillac') }], epcisRemoved: [], departementsAdded: [] }),
    ]);
    // Confirming the new preview applies it.
    const report = await importTerritories(national, renamed, { expectedFingerprint: fresh.fingerprint });
    expect(report.updated).toEqual([{ officialId: 'ti-7614', name: 'Tarn Nord Albigeois', changes: expect.arrayContaining(['nom : « Tarn Nord » → « Tarn Nord Albigeois »', 'EPCI : 2 → 3']) }]);
    const after = await db.territory.findUniqueOrThrow({ where: { slug: 'tarn-nord' }, include: { epcis: true, _count: { select: { actions: true } } } });
    expect(after.id).toBe(tarn.id);
    expect(after.epcis.map((e) => e.epciSiren).sort()).toEqual(['200040905', '200066124', '248100737']);
    expect(after._count.actions).toBeGreaterThan(0);
  });

  it('a fingerprint of another file does not confirm this one', async () => {
    const preview = await previewTerritoryImport(national, FILE);
    const other = `${FILE}\n81065,Castres,ti-7605,Castres Revel Castelnaudary`;
    await expect(importTerritories(national, other, { expectedFingerprint: preview.fingerprint })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('is reserved to national staff, preview included', async () => {
    await expect(previewTerritoryImport(sgar, FILE)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('identity: (programme phase, id_ti)', () => {
  it('an import for phase I creates its own territory and leaves the phase II one alone', async () => {
    const tarn = await db.territory.findUniqueOrThrow({ where: { slug: 'tarn-nord' } });
    const report = await importTerritories(national, 'insee_com,lib_com,id_ti,lib_ti\n81065,Castres,ti-7614,Territoire de la phase I\n', { phase: 1 });
    expect(report.phase).toBe(1);
    expect(report.created.map((c) => c.officialId)).toEqual(['ti-7614']);
    const both = await db.territory.findMany({ where: { officialId: 'ti-7614' }, orderBy: { programmePhase: 'asc' } });
    expect(both.map((t) => [t.programmePhase, t.name])).toEqual([
      [1, 'Territoire de la phase I'],
      [2, tarn.name],
    ]);
    await expect(importTerritories(national, 'insee_com,lib_com,id_ti,lib_ti\n81065,Castres,ti-7614,X\n', { phase: 3 })).rejects.toMatchObject({ code: 'INVALID' });
  });

  it('a groupement file without names renames nothing and cannot create an unnamed territory', async () => {
    const report = await previewTerritoryImport(national, 'id_ti,siren_groupement,lib_groupement\nti-7610,200066553,CC Centre Tarn\nti-7610,200066561,CC Monts de Lacaune\nti-7610,248100745,CC Sidobre\n');
    expect(report.renamed).toEqual([]);
    const error = await previewTerritoryImport(national, 'id_ti,siren_groupement,lib_groupement\nti-7698,248100745,CC Sidobre\n').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID', details: { fieldErrors: { file: [expect.stringMatching(/^Ligne 2 : ti-7698 : territoire inconnu.*lib_ti/)] } } });
  });
});
