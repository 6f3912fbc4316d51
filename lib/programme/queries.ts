// Programme-wide figures for the national tier (and operators), always filterable
// and drillable: every figure links to the list of actions or territories behind it.
import { db } from '@/lib/db';
import { authorize, territoryWhere, type Actor } from '@/lib/authz/policy';
import type { ActionStatus, Axis, IndicatorKind } from '@/lib/generated/prisma/enums';
import { scopedActionWhere, type ProgrammeFilters } from '@/lib/actions/programme-filters';
import { reference } from '@/lib/actions/dto';

const STALE_DAYS = 90;

export interface ProgrammeOverview {
  territoryCount: number;
  actionCount: number;
  budgetCents: number;
  byRegion: { code: string; name: string; territories: number; actions: number; budgetCents: number }[];
  byAxis: { axis: Axis; actions: number }[];
  byStatus: { status: ActionStatus; actions: number }[];
  byFinancer: { financer: string; grantedCents: number; requestedCents: number }[];
  indicators: { kind: IndicatorKind; actual: number; target: number }[];
  staleTerritories: { slug: string; name: string; lastUpdate: string | null }[];
  blockedTerritories: { slug: string; name: string; blocked: number }[];
  byDepartement: { code: string; name: string; territories: number; actions: number; budgetCents: number; lateMilestones: number }[];
}

export async function getProgrammeOverview(actor: Actor, filters: ProgrammeFilters = {}): Promise<ProgrammeOverview> {
  authorize(actor, 'programme:read', null);
  const where = scopedActionWhere(actor, filters);
  const territoryFilter = {
    AND: [territoryWhere(actor), filters.region ? { regionCodes: { has: filters.region } } : {}],
  };
  const today = new Date(new Date().toISOString().slice(0, 10));
  const [territories, actions, financing, indicators, regions, departements] = await Promise.all([
    db.territory.findMany({ where: territoryFilter, select: { id: true, slug: true, name: true, regionCodes: true, departementCodes: true } }),
    db.action.findMany({
      where,
      select: {
        territoryId: true,
        axes: true,
        status: true,
        budgetCents: true,
        updatedAt: true,
        _count: { select: { milestones: { where: { doneAt: null, dueDate: { lt: today } } } } },
      },
    }),
    db.financingLine.groupBy({ by: ['financer', 'status'], where: { action: where }, _sum: { amountCents: true } }),
    db.indicator.groupBy({ by: ['kind'], where: { action: where }, _sum: { actual: true, target: true } }),
    db.region.findMany({ select: { code: true, name: true } }),
    db.departement.findMany({ select: { code: true, name: true } }),
  ]);
  const perTerritory = new Map<string, { actions: number; budget: number; blocked: number; late: number; last: Date | null }>();
  const byAxis = new Map<Axis, number>();
  const byStatus = new Map<ActionStatus, number>();
  let budget = 0;
  for (const a of actions) {
    const cents = Number(a.budgetCents ?? 0n);
    budget += cents;
    for (const x of a.axes) byAxis.set(x, (byAxis.get(x) ?? 0) + 1);
    byStatus.set(a.status, (byStatus.get(a.status) ?? 0) + 1);
    const t = perTerritory.get(a.territoryId) ?? { actions: 0, budget: 0, blocked: 0, late: 0, last: null };
    t.actions += 1;
    t.budget += cents;
    t.late += a._count.milestones;
    if (a.status === 'BLOCKED') t.blocked += 1;
    if (!t.last || a.updatedAt > t.last) t.last = a.updatedAt;
    perTerritory.set(a.territoryId, t);
  }
  const regionName = new Map(regions.map((r) => [r.code, r.name]));
  const depName = new Map(departements.map((d) => [d.code, d.name]));
  const regionStats = new Map<string, { territories: number; actions: number; budgetCents: number }>();
  const depStats = new Map<string, { territories: number; actions: number; budgetCents: number; lateMilestones: number }>();
  for (const t of territories) {
    const s = perTerritory.get(t.id);
    for (const code of t.regionCodes) {
      const r = regionStats.get(code) ?? { territories: 0, actions: 0, budgetCents: 0 };
      r.territories += 1;
      r.actions += s?.actions ?? 0;
      r.budgetCents += s?.budget ?? 0;
      regionStats.set(code, r);
    }
    for (const code of t.departementCodes) {
      const d = depStats.get(code) ?? { territories: 0, actions: 0, budgetCents: 0, lateMilestones: 0 };
      d.territories += 1;
      d.actions += s?.actions ?? 0;
      d.budgetCents += s?.budget ?? 0;
      d.lateMilestones += s?.late ?? 0;
      depStats.set(code, d);
    }
  }
  const staleBefore = new Date(Date.now() - STALE_DAYS * 86_400_000);
  const financers = new Map<string, { grantedCents: number; requestedCents: number }>();
  for (const f of financing) {
    const e = financers.get(f.financer) ?? { grantedCents: 0, requestedCents: 0 };
    const cents = Number(f._sum.amountCents ?? 0n);
    if (f.status === 'GRANTED') e.grantedCents += cents;
    else if (f.status !== 'REFUSED') e.requestedCents += cents;
    financers.set(f.financer, e);
  }
  return {
    territoryCount: territories.length,
    actionCount: actions.length,
    budgetCents: budget,
    byRegion: [...regionStats.entries()]
      .map(([code, s]) => ({ code, name: regionName.get(code) ?? code, ...s }))
      .sort((a, b) => a.name.localeCompare(b.name, 'fr')),
    byAxis: (['ECOLOGICAL_TRANSITION', 'INNOVATION', 'SKILLS', 'INDUSTRIAL_LAND'] as const).map((axis) => ({ axis, actions: byAxis.get(axis) ?? 0 })),
    byStatus: (['NOT_STARTED', 'IN_PROGRESS', 'DONE', 'PAUSED', 'BLOCKED', 'LATE', 'ABANDONED'] as const).map((status) => ({
      status,
      actions: byStatus.get(status) ?? 0,
    })),
    byFinancer: [...financers.entries()]
      .map(([financer, v]) => ({ financer, ...v }))
      .sort((a, b) => b.grantedCents + b.requestedCents - (a.grantedCents + a.requestedCents)),
    indicators: indicators.map((i) => ({ kind: i.kind, actual: Number(i._sum.actual ?? 0), target: Number(i._sum.target ?? 0) })),
    staleTerritories: territories
      .filter((t) => {
        const last = perTerritory.get(t.id)?.last;
        return !last || last < staleBefore;
      })
      .map((t) => ({ slug: t.slug, name: t.name, lastUpdate: perTerritory.get(t.id)?.last?.toISOString() ?? null }))
      .sort((a, b) => (a.lastUpdate ?? '').localeCompare(b.lastUpdate ?? '')),
    blockedTerritories: territories
      .filter((t) => (perTerritory.get(t.id)?.blocked ?? 0) > 0)
      .map((t) => ({ slug: t.slug, name: t.name, blocked: perTerritory.get(t.id)?.blocked ?? 0 }))
      .sort((a, b) => b.blocked - a.blocked),
    byDepartement: [...depStats.entries()]
      .map(([code, s]) => ({ code, name: depName.get(code) ?? code, ...s }))
      .sort((a, b) => a.code.localeCompare(b.code)),
  };
}

export interface ProgrammeActionRow {
  id: string;
  reference: string;
  title: string;
  territory: { slug: string; name: string };
  axes: Axis[];
  status: ActionStatus;
  budgetCents: number | null;
  endDate: string | null;
}

/** The actions behind a figure, across territories, paginated. */
export async function listProgrammeActions(
  actor: Actor,
  filters: ProgrammeFilters,
  page = 1,
  pageSize = 50,
): Promise<{ total: number; page: number; pageSize: number; items: ProgrammeActionRow[] }> {
  authorize(actor, 'programme:read', null);
  const where = scopedActionWhere(actor, filters);
  const safePage = Math.max(1, Math.floor(page) || 1);
  const [total, rows] = await Promise.all([
    db.action.count({ where }),
    db.action.findMany({
      where,
      orderBy: [{ territory: { name: 'asc' } }, { position: 'asc' }],
      skip: (safePage - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        number: true,
        title: true,
        axes: true,
        status: true,
        budgetCents: true,
        endDate: true,
        territory: { select: { slug: true, name: true } },
      },
    }),
  ]);
  return {
    total,
    page: safePage,
    pageSize,
    items: rows.map((r) => ({
      id: r.id,
      reference: reference(r.number),
      title: r.title,
      territory: r.territory,
      axes: r.axes,
      status: r.status,
      budgetCents: r.budgetCents === null ? null : Number(r.budgetCents),
      endDate: r.endDate?.toISOString().slice(0, 10) ?? null,
    })),
  };
}
