// The territory page, its plan overview, the plan's list and the territory list are
// cached under the data version (ADR 0026), shared by every reader who may see them.
// A committed change through another connection (another app instance) shows at once,
// people included (a membership, a user's name); a sign-in does not bump the version;
// the scope is still checked on every call; and the cache is real.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/authz/policy';
import { getTerritory, getTerritoryRef, listTerritoriesPage } from '@/lib/territories/queries';
import { getPlanOverview } from '@/lib/plans/queries';
import { listActionsPage } from '@/lib/actions/queries';
import { readDataVersion } from '@/lib/cache/data-version';
import { actor, DEMO } from '../fixtures';

const SLUG = 'tarn-nord';
let cdp: Actor;
let elu: Actor;
let national: Actor;
let otherLead: Actor;
let other: pg.Client;
let territoryId: string;

beforeAll(async () => {
  [cdp, elu, national, otherLead] = await Promise.all([actor(DEMO.cdpTarnNord), actor(DEMO.eluTarnNord), actor(DEMO.national), actor(DEMO.cdpCastres)]);
  territoryId = (await db.territory.findUniqueOrThrow({ where: { slug: SLUG }, select: { id: true } })).id;
  other = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await other.connect();
});

afterAll(async () => {
  await other.end();
});

describe('territory pages under the data version', () => {
  it('a governance member renamed or added through another connection shows at once on the territory page', async () => {
    const before = await getTerritory(cdp, SLUG);
    const elected = before.governance.find((m) => m.role === 'ELECTED_OFFICIAL')!;
    await other.query(`update "User" set name = $1 where email = $2`, ['Élue renommée', elected.email]);
    expect((await getTerritory(cdp, SLUG)).governance.map((m) => m.name)).toContain('Élue renommée');
    // A new member of the territory (a second project lead), committed elsewhere.
    const user = await db.user.create({ data: { email: 'fraicheur@demo.test', name: 'Nouvelle Cheffe', active: true } });
    await other.query(`insert into "Membership" (id, "userId", role, "territoryId") values ('fresh-membership', $1, 'PROJECT_LEAD', $2)`, [user.id, territoryId]);
    expect((await getTerritory(national, SLUG)).governance.map((m) => m.name)).toContain('Nouvelle Cheffe');
    // Deactivated: no longer listed.
    await other.query(`update "User" set active = false where id = $1`, [user.id]);
    expect((await getTerritory(national, SLUG)).governance.map((m) => m.name)).not.toContain('Nouvelle Cheffe');
  });

  it('a sign-in (last sign-in, failed attempts) does not bump the version; a name change does', async () => {
    const v0 = await readDataVersion();
    await other.query(`update "User" set "lastLoginAt" = now(), "failedLoginCount" = 0 where email = $1`, [DEMO.cdpTarnNord]);
    expect(await readDataVersion()).toBe(v0);
    await other.query(`update "User" set name = name where email = $1`, [DEMO.cdpTarnNord]);
    expect(await readDataVersion()).toBeGreaterThan(v0);
  });

  it('an action edited through another connection changes the plan overview and the plan list at once', async () => {
    const overview = await getPlanOverview(cdp, SLUG);
    const page = await listActionsPage(cdp, SLUG, {}, 1, 20);
    const first = page.items[0]!;
    await other.query(`update "Action" set title = $1, "budgetCents" = coalesce("budgetCents", 0) + 100 where id = $2`, ['Titre changé ailleurs', first.id]);
    expect((await listActionsPage(cdp, SLUG, {}, 1, 20)).items[0]!.title).toBe('Titre changé ailleurs');
    expect((await getPlanOverview(cdp, SLUG)).budgetCents).toBe(overview.budgetCents + 100);
  });

  it('the author of a recent change is named with the name of today', async () => {
    const recent = (await getPlanOverview(cdp, SLUG)).recentChanges.find((r) => r.actor);
    expect(recent).toBeDefined();
    await other.query(`update "User" set name = 'Auteur renommé' where name = $1`, [recent!.actor]);
    expect((await getPlanOverview(cdp, SLUG)).recentChanges.map((r) => r.actor)).toContain('Auteur renommé');
  });

  it('shared entries keep each reader’s scope and permissions', async () => {
    // Warm the shared entries as the national tier, then read as others.
    await getTerritory(national, SLUG);
    await getPlanOverview(national, SLUG);
    await listActionsPage(national, SLUG, {}, 1, 20);
    await expect(getTerritory(otherLead, SLUG)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getTerritoryRef(otherLead, SLUG)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getPlanOverview(otherLead, SLUG)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(listActionsPage(otherLead, SLUG, {}, 1, 20)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await getPlanOverview(national, SLUG)).permissions.canEdit).toBe(false);
    expect((await getPlanOverview(cdp, SLUG)).permissions.canEdit).toBe(true);
    expect((await getPlanOverview(elu, SLUG)).permissions).toMatchObject({ canEdit: false, canValidateLocal: true });
    // The territory list: each actor its own scope.
    expect((await listTerritoriesPage(cdp, { page: 1, pageSize: 50 })).items.map((t) => t.slug)).toEqual([SLUG]);
    expect((await listTerritoriesPage(national, { page: 1, pageSize: 50 })).total).toBeGreaterThan(1);
  });

  it('at an unchanged version the cached page is served (a write that bypasses the triggers is not seen)', async () => {
    const before = await getTerritory(cdp, SLUG);
    const owner = new pg.Client({ connectionString: process.env.MIGRATION_DATABASE_URL });
    await owner.connect();
    try {
      await owner.query(`set session_replication_role = replica`);
      await owner.query(`update "Territory" set population = population + 1 where id = $1`, [territoryId]);
      expect((await getTerritory(cdp, SLUG)).population).toBe(before.population);
      await owner.query(`set session_replication_role = origin`);
      await owner.query(`update "Territory" set name = name where id = $1`, [territoryId]);
      expect((await getTerritory(cdp, SLUG)).population).toBe(before.population + 1);
    } finally {
      await owner.end();
    }
  });
});
