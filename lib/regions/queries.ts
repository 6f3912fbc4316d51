// Regional tier: the review queue and the dashboard of a region's territories.
import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { can, territoryScope, territoryWhere, type Actor } from '@/lib/authz/policy';
import { cachedByDataVersion } from '@/lib/cache/data-version';
import { Prisma } from '@/lib/generated/prisma/client';
import type { ActionStatus, Axis, IndicatorKind, PlanStatus, PlanVersionStatus } from '@/lib/generated/prisma/enums';
import { PARIS_TODAY_SQL_TEXT } from '@/lib/calendar';

/** Today in France in PostgreSQL: what a due date is late against (lib/calendar.ts). */
const PARIS_TODAY_SQL = Prisma.raw(PARIS_TODAY_SQL_TEXT);

export interface TerritoryDashboardRow {
  slug: string;
  name: string;
  planStatus: PlanStatus;
  lastValidatedNumber: number | null;
  pending: { number: number; status: PlanVersionStatus; submittedAt: string } | null;
  lastUpdate: string | null;
  actions: number;
  byStatus: Partial<Record<ActionStatus, number>>;
  byAxis: Partial<Record<Axis, number>>;
  budgetCents: number;
  lateMilestones: number;
  indicators: Partial<Record<IndicatorKind, { actual: number; target: number }>>;
}

/** Aggregates per territory in a handful of grouped queries (no per-territory round trips). */
export async function territoryDashboardRows(territoryIds: string[]): Promise<Map<string, Omit<TerritoryDashboardRow, 'slug' | 'name'>>> {
  const out = new Map<string, Omit<TerritoryDashboardRow, 'slug' | 'name'>>();
  if (!territoryIds.length) return out;
  const ids = Prisma.join(territoryIds);
  const [statusRows, axisRows, lateRows, indicatorRows, plans, versions] = await Promise.all([
    db.$queryRaw<{ territoryId: string; status: ActionStatus; n: bigint; budget: bigint | null; last: Date | null }[]>`
      select "territoryId", status, count(*) as n, sum("budgetCents") as budget, max("updatedAt") as last
      from "Action" where "archivedAt" is null and "territoryId" in (${ids}) group by 1, 2`,
    db.$queryRaw<{ territoryId: string; axis: Axis; n: bigint }[]>`
      select "territoryId", unnest(axes) as axis, count(*) as n
      from "Action" where "archivedAt" is null and "territoryId" in (${ids}) group by 1, 2`,
    db.$queryRaw<{ territoryId: string; n: bigint }[]>`
      select a."territoryId", count(*) as n from "Milestone" m join "Action" a on a.id = m."actionId"
      where a."archivedAt" is null and m."doneAt" is null and m."dueDate" < ${PARIS_TODAY_SQL} and a."territoryId" in (${ids})
      group by 1`,
    db.$queryRaw<{ territoryId: string; kind: IndicatorKind; actual: Prisma.Decimal | null; target: Prisma.Decimal | null }[]>`
      select a."territoryId", i.kind, sum(i.actual) as actual, sum(i.target) as target
      from "Indicator" i join "Action" a on a.id = i."actionId"
      where a."archivedAt" is null and a."territoryId" in (${ids}) group by 1, 2`,
    db.actionPlan.findMany({ where: { territoryId: { in: territoryIds } }, select: { id: true, territoryId: true, status: true } }),
    db.$queryRaw<{ planId: string; number: number; status: PlanVersionStatus; submittedAt: Date }[]>`
      select distinct on (v."planId", v.status = 'VALIDATED') v."planId", v.number, v.status, v."submittedAt"
      from "PlanVersion" v join "ActionPlan" p on p.id = v."planId"
      where p."territoryId" in (${ids}) and v.status in ('VALIDATED', 'SUBMITTED', 'LOCALLY_VALIDATED')
      order by v."planId", v.status = 'VALIDATED', v.number desc`,
  ]);
  const row = (id: string) => {
    let r = out.get(id);
    if (!r) {
      r = { planStatus: 'DRAFT', lastValidatedNumber: null, pending: null, lastUpdate: null, actions: 0, byStatus: {}, byAxis: {}, budgetCents: 0, lateMilestones: 0, indicators: {} };
      out.set(id, r);
    }
    return r;
  };
  for (const id of territoryIds) row(id);
  for (const s of statusRows) {
    const r = row(s.territoryId);
    r.actions += Number(s.n);
    r.byStatus[s.status] = Number(s.n);
    r.budgetCents += Number(s.budget ?? 0n);
    const last = s.last?.toISOString() ?? null;
    if (last && (!r.lastUpdate || last > r.lastUpdate)) r.lastUpdate = last;
  }
  for (const a of axisRows) row(a.territoryId).byAxis[a.axis] = Number(a.n);
  for (const l of lateRows) row(l.territoryId).lateMilestones = Number(l.n);
  for (const i of indicatorRows) {
    row(i.territoryId).indicators[i.kind] = { actual: Number(i.actual ?? 0), target: Number(i.target ?? 0) };
  }
  const planToTerritory = new Map(plans.map((p) => [p.id, p.territoryId]));
  for (const p of plans) row(p.territoryId).planStatus = p.status;
  for (const v of versions) {
    const territoryId = planToTerritory.get(v.planId);
    if (!territoryId) continue;
    const r = row(territoryId);
    if (v.status === 'VALIDATED') r.lastValidatedNumber = v.number;
    else if (!r.pending || v.number > r.pending.number) r.pending = { number: v.number, status: v.status, submittedAt: v.submittedAt.toISOString() };
  }
  return out;
}

/**
 * The region's territories with their aggregates. Cached under the data version (every
 * table read here bumps it, ADR 0023), keyed by scope, region and day (late milestones).
 */
export async function getRegionalDashboard(actor: Actor, code: string): Promise<TerritoryDashboardRow[]> {
  if (!can(actor, 'region:read', { regionCode: code })) throw notFound('Région');
  const key = JSON.stringify([territoryScope(actor), code, new Date().toISOString().slice(0, 10)]);
  return cachedByDataVersion('regional-dashboard', key, () => regionalDashboard(actor, code));
}

async function regionalDashboard(actor: Actor, code: string): Promise<TerritoryDashboardRow[]> {
  const territories = await db.territory.findMany({
    where: { AND: [territoryWhere(actor), { regionCodes: { has: code } }] },
    orderBy: { name: 'asc' },
    select: { id: true, slug: true, name: true },
  });
  const stats = await territoryDashboardRows(territories.map((t) => t.id));
  return territories.map((t) => ({ slug: t.slug, name: t.name, ...(stats.get(t.id) as Omit<TerritoryDashboardRow, 'slug' | 'name'>) }));
}

export interface ReviewQueueItem {
  slug: string;
  territory: string;
  number: number;
  submittedAt: string;
  stateValidatedAt: string | null;
  regionValidatedAt: string | null;
  lastValidatedNumber: number | null;
}

/** Versions validated by their binôme and awaiting the region, within the actor's scope. */
export async function listReviewQueue(actor: Actor, regionCode?: string): Promise<ReviewQueueItem[]> {
  // Plan versions and territories bump the data version (ADR 0023).
  const key = JSON.stringify([territoryScope(actor), regionCode ?? null]);
  return cachedByDataVersion('review-queue', key, () => reviewQueue(actor, regionCode));
}

async function reviewQueue(actor: Actor, regionCode?: string): Promise<ReviewQueueItem[]> {
  const rows = await db.planVersion.findMany({
    where: {
      status: 'LOCALLY_VALIDATED',
      plan: { territory: { AND: [territoryWhere(actor), regionCode ? { regionCodes: { has: regionCode } } : {}] } },
    },
    orderBy: { submittedAt: 'asc' },
    select: {
      number: true,
      submittedAt: true,
      stateValidatedAt: true,
      regionValidatedAt: true,
      plan: {
        select: {
          territory: { select: { slug: true, name: true } },
          versions: { where: { status: 'VALIDATED' }, orderBy: { number: 'desc' }, take: 1, select: { number: true } },
        },
      },
    },
  });
  return rows.map((r) => ({
    slug: r.plan.territory.slug,
    territory: r.plan.territory.name,
    number: r.number,
    submittedAt: r.submittedAt.toISOString(),
    stateValidatedAt: r.stateValidatedAt?.toISOString() ?? null,
    regionValidatedAt: r.regionValidatedAt?.toISOString() ?? null,
    lastValidatedNumber: r.plan.versions[0]?.number ?? null,
  }));
}
