// The national overview at national scale: its figures equal plain SQL counts over the
// same scope and filters, and its cache (keyed by the data version in PostgreSQL)
// never serves figures older than a committed write, wherever that write came from.
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/authz/policy';
import { hashPassword } from '@/lib/auth/password';
import { getProgrammeOverview } from '@/lib/programme/queries';
import { readDataVersion } from '@/lib/cache/data-version';
import { updateProgress } from '@/lib/actions/mutations';
import type { ProgrammeFilters } from '@/lib/actions/programme-filters';
import { resetDomainData } from '../../prisma/seed/index';
import { seedNational } from '../../prisma/seed/national';
import { actor, DEMO } from '../fixtures';

let national: Actor;

beforeAll(async () => {
  // Emptying the domain tables (the audit log's TRUNCATE guard included) is the owner's
  // right, not the app role's (ADR 0011): the dataset is loaded as the owner.
  const owner = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.MIGRATION_DATABASE_URL as string, max: 4 }) });
  try {
    await resetDomainData(owner);
    await seedNational(owner, { passwordHash: await hashPassword('Demo-Territoires-2026') });
  } finally {
    await owner.$disconnect();
  }
  national = await actor(DEMO.national);
}, 180_000);

const today = () => new Date().toISOString().slice(0, 10);

// Each case: the filters, and the same restriction written by hand in SQL.
const CASES: [string, ProgrammeFilters, string][] = [
  ['all', {}, 'true'],
  ['region', { region: '76' }, `'76' = any(t."regionCodes")`],
  ['axis', { axis: 'SKILLS' }, `'SKILLS' = any(a.axes::text[])`],
  ['status', { status: 'BLOCKED' }, `a.status::text = 'BLOCKED'`],
  ['region + axis', { region: '84', axis: 'SKILLS' }, `'84' = any(t."regionCodes") and 'SKILLS' = any(a.axes::text[])`],
  ['département', { departement: '81' }, `'81' = any(t."departementCodes")`],
  ['phase', { phase: 'STUDY' }, `a.phase::text = 'STUDY'`],
  [
    'late',
    { late: '1' },
    `exists (select 1 from "Milestone" m where m."actionId" = a.id and m."doneAt" is null and m."dueDate" < current_date)`,
  ],
  ['text', { q: 'form' }, `(a.title ilike '%form%' or a.description ilike '%form%' or a.objectives ilike '%form%' or a.pilot ilike '%form%')`],
];

async function plain<T>(query: string): Promise<T[]> {
  return db.$queryRawUnsafe<T[]>(query);
}

describe('programme overview at national scale', () => {
  it('has the national dataset', async () => {
    expect(await db.territory.count()).toBe(183);
    expect(await db.action.count()).toBeGreaterThan(4000);
  });

  for (const [name, filters, where] of CASES) {
    it(`equals plain SQL counts: ${name}`, async () => {
      const o = await getProgrammeOverview(national, filters);
      const base = `from "Action" a join "Territory" t on t.id = a."territoryId" where a."archivedAt" is null and ${where}`;
      const [totals] = await plain<{ n: number; budget: number }>(`select count(*)::int as n, coalesce(sum(a."budgetCents"), 0)::float8 as budget ${base}`);
      expect(o.actionCount).toBe(totals!.n);
      expect(o.budgetCents).toBe(totals!.budget);
      if (name === 'all') expect(o.actionCount).toBeGreaterThan(4000);

      const byStatus = await plain<{ s: string; n: number }>(`select a.status::text as s, count(*)::int as n ${base} group by 1`);
      for (const s of o.byStatus) expect(s.actions).toBe(byStatus.find((r) => r.s === s.status)?.n ?? 0);
      const byAxis = await plain<{ x: string; n: number }>(`select x::text, count(*)::int as n ${base.replace('where', ', unnest(a.axes) x where')} group by 1`);
      for (const a of o.byAxis) expect(a.actions).toBe(byAxis.find((r) => r.x === a.axis)?.n ?? 0);

      const byRegion = await plain<{ c: string; n: number; b: number }>(
        `select c, count(*)::int as n, coalesce(sum(a."budgetCents"), 0)::float8 as b ${base.replace('where', ', unnest(t."regionCodes") c where')} group by 1`,
      );
      for (const r of o.byRegion) {
        expect(r.actions).toBe(byRegion.find((x) => x.c === r.code)?.n ?? 0);
        expect(r.budgetCents).toBe(byRegion.find((x) => x.c === r.code)?.b ?? 0);
      }
      expect(o.byRegion.reduce((s, r) => s + r.actions, 0)).toBe(byRegion.reduce((s, r) => s + r.n, 0));

      const late = await plain<{ c: string; n: number }>(
        `select c, count(*)::int as n from "Milestone" m join "Action" a on a.id = m."actionId" join "Territory" t on t.id = a."territoryId",
         unnest(t."departementCodes") c where a."archivedAt" is null and m."doneAt" is null and m."dueDate" < '${today()}' and ${where} group by 1`,
      );
      for (const d of o.byDepartement) expect(d.lateMilestones).toBe(late.find((x) => x.c === d.code)?.n ?? 0);

      const granted = await plain<{ f: string; g: number }>(
        `select fl.financer as f, sum(fl."amountCents")::float8 as g from "FinancingLine" fl join "Action" a on a.id = fl."actionId"
         join "Territory" t on t.id = a."territoryId" where fl.status = 'GRANTED' and a."archivedAt" is null and ${where} group by 1`,
      );
      for (const f of o.byFinancer) expect(f.grantedCents).toBe(granted.find((x) => x.f === f.financer)?.g ?? 0);

      const blocked = await plain<{ slug: string; n: number }>(`select t.slug, count(*)::int as n ${base} and a.status = 'BLOCKED' group by 1`);
      expect(Object.fromEntries(o.blockedTerritories.map((t) => [t.slug, t.blocked]))).toEqual(Object.fromEntries(blocked.map((b) => [b.slug, b.n])));
    });
  }

  it('territory counts follow the scope', async () => {
    const o = await getProgrammeOverview(national, { region: '76' });
    const [n] = await plain<{ n: number }>(`select count(*)::int as n from "Territory" t where '76' = any(t."regionCodes")`);
    expect(o.territoryCount).toBe(n!.n);
    expect(o.byDepartement.find((d) => d.code === '81')?.territories).toBe(
      (await plain<{ n: number }>(`select count(*)::int as n from "Territory" t where '81' = any(t."departementCodes") and '76' = any(t."regionCodes")`))[0]!.n,
    );
  });

  it('a committed write bumps the data version and is seen at once, also when it comes from another connection', async () => {
    const before = await getProgrammeOverview(national, { region: '76' });
    const v0 = await readDataVersion();
    // Through the domain (this "instance").
    const target = await db.action.findFirstOrThrow({
      where: { archivedAt: null, status: { not: 'BLOCKED' }, territory: { slug: 'tarn-nord' } },
      select: { id: true, version: true },
    });
    const lead = await actor(DEMO.cdpTarnNord);
    await updateProgress(lead, target.id, { version: target.version, status: 'BLOCKED' });
    const v1 = await readDataVersion();
    expect(v1).toBeGreaterThan(v0);
    const after = await getProgrammeOverview(national, { region: '76' });
    const blocked = (o: typeof before) => o.byStatus.find((s) => s.status === 'BLOCKED')!.actions;
    expect(blocked(after)).toBe(blocked(before) + 1);

    // Through another connection, as another app instance would: an uncommitted write
    // changes nothing, its commit changes the figures at once.
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      await other.query('begin');
      await other.query(`update "Action" set status = 'DONE' where id = $1`, [target.id]);
      expect(blocked(await getProgrammeOverview(national, { region: '76' }))).toBe(blocked(after));
      await other.query('commit');
      expect(await readDataVersion()).toBeGreaterThan(v1);
      expect(blocked(await getProgrammeOverview(national, { region: '76' }))).toBe(blocked(before));
    } finally {
      await other.end();
    }
  });

  it('several writes in one transaction bump the version once, and a read-only statement not at all', async () => {
    const v0 = await readDataVersion();
    await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`update "Action" set title = title where id in (select id from "Action" limit 3)`);
      await tx.$executeRawUnsafe(`update "Milestone" set title = title where id in (select id from "Milestone" limit 3)`);
    });
    expect(await readDataVersion()).toBe(v0 + 1n);
    await db.action.count();
    expect(await readDataVersion()).toBe(v0 + 1n);
  });
});
