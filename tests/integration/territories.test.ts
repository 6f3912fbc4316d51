// Territory reads are scoped in the query: out of scope is simply not found.
import { describe, expect, it } from 'vitest';
import { getRegion, getTerritory, homePathFor, listTerritories } from '@/lib/territories/queries';
import { checkCredentials } from '@/lib/users/queries';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { actor, DEMO } from '../fixtures';

const slugs = async (email: string) => (await listTerritories(await actor(email))).map((t) => t.slug);

describe('territory scope', () => {
  it('a project lead sees only its territory', async () => {
    expect(await slugs(DEMO.cdpTarnNord)).toEqual(['tarn-nord']);
  });

  it('the binôme sees its territory', async () => {
    expect(await slugs(DEMO.eluTarnNord)).toEqual(['tarn-nord']);
    expect(await slugs(DEMO.industrielTarnNord)).toEqual(['tarn-nord']);
  });

  it('regional copilots see the territories of their region, including cross-region ones', async () => {
    const occitanie = await slugs(DEMO.sgarOccitanie);
    expect(occitanie).toEqual(expect.arrayContaining(['tarn-nord', 'hautes-terres-doc', 'castres-revel-castelnaudary']));
    expect(occitanie).not.toContain('ardennes');
    expect(await slugs(DEMO.regionOccitanie)).toEqual(occitanie);
    const grandEst = await slugs(DEMO.sgarGrandEst);
    expect(grandEst).toContain('ardennes');
    expect(grandEst).not.toContain('tarn-nord');
  });

  it('national staff see every territory', async () => {
    const all = await slugs(DEMO.national);
    expect(all.length).toBe(await db.territory.count());
    expect(all.length).toBeGreaterThanOrEqual(16);
  });

  it('an out-of-scope territory is not found, like a missing one', async () => {
    const cdp = await actor(DEMO.cdpTarnNord);
    await expect(getTerritory(cdp, 'hautes-terres-doc')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getTerritory(cdp, 'nope')).rejects.toBeInstanceOf(AppError);
    const grandEst = await actor(DEMO.sgarGrandEst);
    await expect(getTerritory(grandEst, 'tarn-nord')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getRegion(grandEst, '76')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('Castres - Revel - Castelnaudary spans départements 11, 31 and 81 with real EPCI', async () => {
    const t = await getTerritory(await actor(DEMO.national), 'castres-revel-castelnaudary');
    expect(t.departements.map((d) => d.code)).toEqual(expect.arrayContaining(['11', '31', '81']));
    expect(t.epcis.length).toBeGreaterThanOrEqual(3);
    for (const e of t.epcis) expect(e.siren).toMatch(/^\d{9}$/);
    expect(t.governance.map((m) => m.role)).toEqual(expect.arrayContaining(['PROJECT_LEAD']));
  });

  it('Tarn Nord has its binôme and project lead', async () => {
    const t = await getTerritory(await actor(DEMO.cdpTarnNord), 'tarn-nord');
    expect(t.governance.map((m) => m.role).sort()).toEqual(['ELECTED_OFFICIAL', 'INDUSTRIALIST', 'PROJECT_LEAD']);
    expect(t.regions.map((r) => r.code)).toEqual(['76']);
  });

  it('each tier lands on its own home', async () => {
    expect(await homePathFor(await actor(DEMO.cdpTarnNord))).toBe('/territoires/tarn-nord');
    expect(await homePathFor(await actor(DEMO.sgarOccitanie))).toBe('/regions/76');
    expect(await homePathFor(await actor(DEMO.national))).toBe('/programme');
  });
});

describe('credentials', () => {
  it('accepts the demo password and refuses a wrong one, counting failures', async () => {
    expect((await checkCredentials('CDP.tarn-nord@demo.test', 'Demo-Territoires-2026')).ok).toBe(true);
    expect((await checkCredentials(DEMO.cdpTarnNord, 'wrong')).ok).toBe(false);
    const user = await db.user.findUniqueOrThrow({ where: { email: DEMO.cdpTarnNord } });
    expect(user.failedLoginCount).toBe(1);
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('refuses a deactivated account and an unknown e-mail', async () => {
    await db.user.update({ where: { email: DEMO.cdpCastres }, data: { active: false } });
    expect((await checkCredentials(DEMO.cdpCastres, 'Demo-Territoires-2026')).ok).toBe(false);
    expect((await checkCredentials('nobody@demo.test', 'Demo-Territoires-2026')).ok).toBe(false);
  });

  it('locks the account after 10 failures', async () => {
    for (let i = 0; i < 10; i++) await checkCredentials(DEMO.cdpHautesTerres, 'wrong');
    expect((await checkCredentials(DEMO.cdpHautesTerres, 'Demo-Territoires-2026')).ok).toBe(false);
  });
});

describe('audit log', () => {
  it('is append-only', async () => {
    const entry = await db.auditLog.create({
      data: { entityType: 'Test', entityId: 'x', operation: 'create', after: {} },
    });
    await expect(db.auditLog.update({ where: { id: entry.id }, data: { operation: 'forged' } })).rejects.toThrow();
    await expect(db.auditLog.delete({ where: { id: entry.id } })).rejects.toThrow();
  });
});
