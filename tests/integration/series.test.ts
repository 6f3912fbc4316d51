// Progress over time equals plain SQL over the audit history, for a seeded territory.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/authz/policy';
import { updateAction, updateProgress } from '@/lib/actions/mutations';
import { getAction, listActions } from '@/lib/actions/queries';
import { programmeSeries, regionSeries, territorySeries } from '@/lib/reports/series';
import { actor, DEMO } from '../fixtures';

let cdp: Actor, national: Actor, sgarGrandEst: Actor;
beforeAll(async () => {
  [cdp, national, sgarGrandEst] = await Promise.all([actor(DEMO.cdpTarnNord), actor(DEMO.national), actor(DEMO.sgarGrandEst)]);
});

const codeOf = (p: Promise<unknown>) => p.then(() => 'OK', (e: { code?: string }) => e.code ?? String(e));

/** Status of each action at a month's end, straight from the audit rows. */
async function sqlStatusCounts(territoryId: string, monthEnd: Date) {
  const rows = await db.$queryRaw<{ status: string; n: bigint }[]>`
    select s.status, count(*) as n from (
      select distinct on (l."entityId") l."entityId", l.after ->> 'status' as status
      from "AuditLog" l join "Action" a on a.id = l."entityId"
      where l."entityType" = 'Action' and l."territoryId" = ${territoryId} and l.after ? 'status' and l.at < ${monthEnd}
        and a."archivedAt" is null
      order by l."entityId", l.id desc
    ) s group by 1`;
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

describe('progress over time', () => {
  it('actions by status month by month equal plain SQL counts over the audit history', async () => {
    const t = await db.territory.findUniqueOrThrow({ where: { slug: 'tarn-nord' }, select: { id: true } });
    // One more status change now, through the domain, so the last month moves too.
    const [first] = await listActions(cdp, 'tarn-nord');
    const a = await getAction(cdp, first!.id);
    await updateProgress(cdp, a.id, { version: a.version, status: a.status === 'BLOCKED' ? 'IN_PROGRESS' : 'BLOCKED' });
    const series = await territorySeries(cdp, 'tarn-nord');
    expect(series.months.length).toBeGreaterThan(1);
    let checked = 0;
    for (const p of series.months) {
      const [y, m] = p.month.split('-').map(Number) as [number, number];
      const end = new Date(Date.UTC(m === 12 ? y + 1 : y, m === 12 ? 0 : m, 1));
      const expected = await sqlStatusCounts(t.id, end);
      const got = Object.fromEntries(Object.entries(p.byStatus).filter(([, n]) => n > 0));
      expect(got, p.month).toEqual(expected);
      expect(p.actions).toBe(Object.values(expected).reduce((s, n) => s + n, 0));
      checked += p.actions;
    }
    expect(checked).toBeGreaterThan(0);
    const last = series.months.at(-1)!;
    const live = await db.action.groupBy({ by: ['status'], where: { territoryId: t.id, archivedAt: null }, _count: true });
    expect(Object.fromEntries(Object.entries(last.byStatus).filter(([, n]) => n > 0))).toEqual(
      Object.fromEntries(live.map((r) => [r.status, r._count])),
    );
    // Budget of the last month: the live actions' current budgets (not abandoned).
    const budget = await db.action.aggregate({ where: { territoryId: t.id, archivedAt: null, status: { not: 'ABANDONED' } }, _sum: { budgetCents: true } });
    expect(last.budgetCents).toBe(Number(budget._sum.budgetCents ?? 0n));
  });

  it('budget and financing granted month by month equal plain SQL over the audit history', async () => {
    const t = await db.territory.findUniqueOrThrow({ where: { slug: 'tarn-nord' }, select: { id: true } });
    // A budget and a financing change now, through the domain (audited in the write).
    const second = (await listActions(cdp, 'tarn-nord')).slice(1).find((x) => x.status !== 'ABANDONED');
    const a = await getAction(cdp, second!.id);
    await updateAction(cdp, a.id, {
      version: a.version,
      budgetCents: 77_700_000,
      financing: [{ financer: 'Région Occitanie', amountCents: 12_300_000, status: 'GRANTED' }],
    });
    const series = await territorySeries(cdp, 'tarn-nord');
    // At a month's end, each action not abandoned nor archived counts the budget and the
    // granted financing of its last audit row that has them, or its current ones when no
    // audit row ever mentions them.
    const money = (end: Date) => db.$queryRaw<{ budget: bigint | null; granted: bigint | null }[]>`
      with st as (
        select a.id,
          (select l.after ->> 'status' from "AuditLog" l where l."entityType" = 'Action' and l."entityId" = a.id and l.after ? 'status' and l.at < ${end} order by l.id desc limit 1) as status,
          case when exists (select 1 from "AuditLog" l where l."entityType" = 'Action' and l."entityId" = a.id and l.after ? 'budgetCents')
            then (select (l.after ->> 'budgetCents')::bigint from "AuditLog" l where l."entityType" = 'Action' and l."entityId" = a.id and l.after ? 'budgetCents' and l.at < ${end} order by l.id desc limit 1)
            else a."budgetCents" end as budget,
          case when exists (select 1 from "AuditLog" l where l."entityType" = 'Action' and l."entityId" = a.id and l.after ? 'financing')
            then (select (select coalesce(sum((f ->> 'amountCents')::bigint), 0) from jsonb_array_elements(l.after -> 'financing') f where f ->> 'status' = 'GRANTED')
                  from "AuditLog" l where l."entityType" = 'Action' and l."entityId" = a.id and l.after ? 'financing' and l.at < ${end} order by l.id desc limit 1)
            else (select coalesce(sum(f."amountCents"), 0) from "FinancingLine" f where f."actionId" = a.id and f.status = 'GRANTED') end as granted
        from "Action" a
        where a."territoryId" = ${t.id} and a."archivedAt" is null
          and least(a."createdAt", (select min(l.at) from "AuditLog" l where l."entityType" = 'Action' and l."entityId" = a.id)) < ${end}
      )
      select sum(budget)::bigint as budget, sum(granted)::bigint as granted from st where status is distinct from 'ABANDONED'`;
    for (const p of series.months) {
      const [y, m] = p.month.split('-').map(Number) as [number, number];
      const [row] = await money(new Date(Date.UTC(m === 12 ? y + 1 : y, m === 12 ? 0 : m, 1)));
      expect([p.budgetCents, p.grantedCents], p.month).toEqual([Number(row?.budget ?? 0n), Number(row?.granted ?? 0n)]);
    }
    const last = series.months.at(-1)!;
    const before = series.months.at(-2)!;
    expect(last.budgetCents).not.toBe(before.budgetCents);
    expect(last.grantedCents).toBeGreaterThanOrEqual(12_300_000);
  });

  it('indicators: actual from the dated values, against the target', async () => {
    const [first] = await listActions(cdp, 'tarn-nord');
    const series = await territorySeries(cdp, 'tarn-nord');
    const kinds = await db.indicator.groupBy({
      by: ['kind'],
      where: { action: { territory: { slug: 'tarn-nord' } }, kind: { not: 'OTHER' } },
      _sum: { actual: true, target: true },
    });
    for (const k of kinds) {
      const s = series.indicators.find((i) => i.kind === k.kind)!;
      expect(s.points.at(-1)).toMatchObject({ actual: Number(k._sum.actual ?? 0), target: Number(k._sum.target ?? 0) });
    }
    expect(first).toBeDefined();
  });

  it('region and programme series are scoped', async () => {
    expect(await codeOf(regionSeries(sgarGrandEst, '76'))).toBe('NOT_FOUND');
    expect(await codeOf(programmeSeries(cdp))).toBe('FORBIDDEN');
    const region = await regionSeries(national, '76');
    const programme = await programmeSeries(national, { region: '76' });
    expect(region.months.at(-1)!.actions).toBeGreaterThan(0);
    expect(programme.months.at(-1)!.actions).toBe(region.months.at(-1)!.actions);
  });
});
