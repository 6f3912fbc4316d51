// Programme-wide figures for the national tier (and operators), always filterable
// and drillable: every figure links to the list of actions or territories behind it.
import { db } from '@/lib/db';
import { authorize, territoryScope, type Actor } from '@/lib/authz/policy';
import type { ActionStatus, Axis, IndicatorKind } from '@/lib/generated/prisma/enums';
import { cachedByDataVersion } from '@/lib/cache/data-version';
import { overviewSql, type OverviewRow } from './overview-sql';
import { scopedActionWhere, type ProgrammeFilters } from '@/lib/actions/programme-filters';
import { reference } from '@/lib/actions/dto';
import { clampPage } from '@/lib/pagination';
import type { Prisma } from '@/lib/generated/prisma/client';
import { parisTodayDate } from '@/lib/calendar';

/** Sort of the cross-territory list; always ends on a unique key so pages never overlap. */
function programmeOrderBy(sort: ProgrammeFilters['sort']): Prisma.ActionOrderByWithRelationInput[] {
  switch (sort) {
    case 'title':
      return [{ title: 'asc' }, { id: 'asc' }];
    case 'status':
      return [{ status: 'asc' }, { territory: { name: 'asc' } }, { position: 'asc' }, { id: 'asc' }];
    case 'endDate':
      return [{ endDate: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }];
    case 'updatedAt':
      return [{ updatedAt: 'desc' }, { id: 'asc' }];
    case 'budget':
      return [{ budgetCents: { sort: 'desc', nulls: 'last' } }, { id: 'asc' }];
    default:
      return [{ territory: { name: 'asc' } }, { position: 'asc' }, { id: 'asc' }];
  }
}

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
  // Late = due before today in France (lib/calendar.ts).
  const today = parisTodayDate();
  // Keyed by what the figures depend on: the scope, the filters, the day (late milestones,
  // stale territories) and the data version read from PostgreSQL (lib/cache/data-version.ts),
  // so that a write through any instance is seen at once by every instance.
  const scope = territoryScope(actor);
  const key = JSON.stringify([scope, filters, today.toISOString()]);
  return cachedByDataVersion('programme-overview', key, async () => overviewFromRow(await queryOverview(actor, filters, today)));
}

async function queryOverview(actor: Actor, filters: ProgrammeFilters, today: Date): Promise<OverviewRow> {
  const rows = await db.$queryRaw<OverviewRow[]>(overviewSql(actor, filters, today));
  const row = rows[0];
  if (!row) throw new Error('overview: no row');
  return row;
}

const AXIS_ORDER = ['ECOLOGICAL_TRANSITION', 'INNOVATION', 'SKILLS', 'INDUSTRIAL_LAND'] as const;
const STATUS_ORDER = ['NOT_STARTED', 'IN_PROGRESS', 'DONE', 'PAUSED', 'BLOCKED', 'LATE', 'ABANDONED'] as const;

function overviewFromRow(row: OverviewRow): ProgrammeOverview {
  const byAxis = new Map((row.by_axis ?? []).map((a) => [a.axis, Number(a.actions)]));
  const byStatus = new Map((row.by_status ?? []).map((s) => [s.status, Number(s.actions)]));
  const staleBefore = new Date(Date.now() - STALE_DAYS * 86_400_000).toISOString();
  const territories = (row.territories ?? []).map((t) => ({
    ...t,
    // json_build_object writes timestamps without a zone: they are UTC (timestamp(3)).
    last: t.last ? new Date(`${t.last}Z`).toISOString() : null,
  }));
  return {
    territoryCount: Number(row.totals.territories),
    actionCount: Number(row.totals.actions),
    budgetCents: Number(row.totals.budget),
    byRegion: (row.by_region ?? [])
      .map((r) => ({ code: r.code, name: r.name ?? r.code, territories: Number(r.territories), actions: Number(r.actions), budgetCents: Number(r.budget) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'fr')),
    byAxis: AXIS_ORDER.map((axis) => ({ axis, actions: byAxis.get(axis) ?? 0 })),
    byStatus: STATUS_ORDER.map((status) => ({ status, actions: byStatus.get(status) ?? 0 })),
    byFinancer: (row.financing ?? [])
      .map((f) => ({ financer: f.financer, grantedCents: Number(f.granted), requestedCents: Number(f.requested) }))
      .sort((a, b) => b.grantedCents + b.requestedCents - (a.grantedCents + a.requestedCents)),
    indicators: (row.indicators ?? []).map((i) => ({ kind: i.kind as IndicatorKind, actual: Number(i.actual), target: Number(i.target) })),
    staleTerritories: territories
      .filter((t) => !t.last || t.last < staleBefore)
      .map((t) => ({ slug: t.slug, name: t.name, lastUpdate: t.last }))
      .sort((a, b) => (a.lastUpdate ?? '').localeCompare(b.lastUpdate ?? '')),
    blockedTerritories: territories
      .filter((t) => t.blocked > 0)
      .map((t) => ({ slug: t.slug, name: t.name, blocked: Number(t.blocked) }))
      .sort((a, b) => b.blocked - a.blocked),
    byDepartement: (row.by_departement ?? [])
      .map((d) => ({
        code: d.code,
        name: d.name ?? d.code,
        territories: Number(d.territories),
        actions: Number(d.actions),
        budgetCents: Number(d.budget),
        lateMilestones: Number(d.late),
      }))
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
  // Read once per data version (every table it reads bumps it), keyed by scope, filters,
  // page and day (the late filter): the list behind every figure of the overview took
  // 400 ms a page at 10× the national dataset (count and sort over 41,000 actions).
  const key = JSON.stringify([territoryScope(actor), filters, page, pageSize, parisTodayDate().toISOString()]);
  return cachedByDataVersion('programme-actions', key, () => programmeActionsPage(actor, filters, page, pageSize));
}

async function programmeActionsPage(
  actor: Actor,
  filters: ProgrammeFilters,
  page: number,
  pageSize: number,
): Promise<{ total: number; page: number; pageSize: number; items: ProgrammeActionRow[] }> {
  const where = scopedActionWhere(actor, filters);
  const rowsAt = (p: number) =>
    db.action.findMany({
      where,
      orderBy: programmeOrderBy(filters.sort),
      skip: (p - 1) * pageSize,
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
    });
  const wanted = clampPage(page, Number.MAX_SAFE_INTEGER, 1);
  const [total, first] = await Promise.all([db.action.count({ where }), rowsAt(wanted)]);
  const safePage = clampPage(wanted, total, pageSize);
  const rows = safePage === wanted ? first : await rowsAt(safePage);
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
