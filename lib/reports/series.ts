// Progress over time, computed from what the database already records: the audit
// history of actions (status, budget, financing, archival: every write appends the
// changed fields) and the dated indicator values. No snapshot to remember to take.
//
// State of an action at the end of a month = its fields after the last audit row
// dated before the next month starts. A field that no audit row ever mentions (e.g.
// data loaded by an import or a seed) takes its current value from the action's
// creation on; an indicator without dated values counts its current value from its
// action's last change.
import { db } from '@/lib/db';
import { authorize, territoryWhere, type Actor } from '@/lib/authz/policy';
import { scopedActionWhere, type ProgrammeFilters } from '@/lib/actions/programme-filters';
import { getRegion, getTerritoryRef } from '@/lib/territories/queries';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ActionStatus, IndicatorKind } from '@/lib/generated/prisma/enums';
import { STATUSES } from '@/lib/actions/schemas';
import { parisDay } from '@/lib/calendar';

export interface MonthPoint {
  /** YYYY-MM */
  month: string;
  actions: number;
  byStatus: Record<ActionStatus, number>;
  budgetCents: number;
  grantedCents: number;
}

export interface IndicatorSeries {
  kind: Exclude<IndicatorKind, 'OTHER'>;
  points: { month: string; actual: number; target: number }[];
}

export interface ProgressSeries {
  months: MonthPoint[];
  indicators: IndicatorSeries[];
}

export const KEY_INDICATORS = ['JOBS', 'INVESTMENT', 'HECTARES', 'PROJECTS'] as const;

/** At most this many months, ending with the current one. */
export const MAX_MONTHS = 24;

const monthKey = (d: Date) => d.toISOString().slice(0, 7);
const nextMonthStart = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(m === 12 ? y + 1 : y, m === 12 ? 0 : m, 1));
};

/** The months from `first` (clamped to MAX_MONTHS back) to the month of `today`. */
export function monthRange(first: Date | null, today: Date): string[] {
  // The current month is France's (lib/calendar.ts): on 1 March at 00:30 in Paris it is March.
  const end = parisDay(today).slice(0, 7);
  const [ey, em] = end.split('-').map(Number) as [number, number];
  const earliest = new Date(Date.UTC(ey, em - MAX_MONTHS, 1));
  const start = first && first > earliest ? first : earliest;
  const out: string[] = [];
  for (let d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1)); monthKey(d) <= end; d = nextMonthStart(monthKey(d))) {
    out.push(monthKey(d));
  }
  return out;
}

interface State {
  status: ActionStatus | null;
  budgetCents: number | null;
  grantedCents: number | null;
  archived: boolean;
}

type Json = Record<string, unknown> | null;

function apply(state: State, after: Json): void {
  if (!after) return;
  if (typeof after.status === 'string') state.status = after.status as ActionStatus;
  if ('budgetCents' in after) state.budgetCents = after.budgetCents === null ? null : Number(after.budgetCents);
  if ('grantedCents' in after) state.grantedCents = Number(after.grantedCents ?? 0);
  if ('archivedAt' in after) state.archived = after.archivedAt !== null;
}

async function seriesFor(where: Prisma.ActionWhereInput, today: Date): Promise<ProgressSeries> {
  const ids = (await db.action.findMany({ where, select: { id: true } })).map((a) => a.id);
  // Raw SQL: only the audit rows and JSON keys the series needs (the granted amount is
  // summed in the database), over the (entityType, entityId, id) index.
  const [actions, events, indicatorRows] = ids.length
    ? await Promise.all([
        db.$queryRaw<{ id: string; createdAt: Date; status: ActionStatus; budgetCents: bigint | null; archivedAt: Date | null; granted: bigint }[]>`
          select a.id, a."createdAt", a.status, a."budgetCents", a."archivedAt",
            coalesce((select sum(f."amountCents") from "FinancingLine" f where f."actionId" = a.id and f.status = 'GRANTED'), 0)::bigint as granted
          from "Action" a where a.id = any(${ids})`,
        db.$queryRaw<
          { id: string; at: Date; status: string | null; hasBudget: boolean; budget: bigint | null; hasFinancing: boolean; granted: bigint | null; hasArchived: boolean; archived: string | null }[]
        >`
          select "entityId" as id, at, after ->> 'status' as status,
            after ? 'budgetCents' as "hasBudget", (after ->> 'budgetCents')::bigint as budget,
            after ? 'financing' as "hasFinancing",
            (select coalesce(sum((f ->> 'amountCents')::bigint), 0) from jsonb_array_elements(
               case when jsonb_typeof(after -> 'financing') = 'array' then after -> 'financing' else '[]'::jsonb end) f
             where f ->> 'status' = 'GRANTED')::bigint as granted,
            after ? 'archivedAt' as "hasArchived", after ->> 'archivedAt' as archived
          from "AuditLog"
          where "entityType" = 'Action' and "entityId" = any(${ids})
            and after ?| array['status', 'budgetCents', 'financing', 'archivedAt']
          order by id`,
        db.$queryRaw<{ id: string; kind: IndicatorKind; target: Prisma.Decimal | null; actual: Prisma.Decimal | null; updatedAt: Date; date: Date | null; value: Prisma.Decimal | null }[]>`
          select i.id, i.kind, i.target, i.actual, a."updatedAt", v.date, v.value
          from "Indicator" i join "Action" a on a.id = i."actionId"
          left join "IndicatorValue" v on v."indicatorId" = i.id
          where i."actionId" = any(${ids}) and i.kind in ('JOBS', 'INVESTMENT', 'HECTARES', 'PROJECTS')
          order by i.id, v.date`,
      ])
    : [[], [], []];

  const byAction = new Map<string, Json[]>();
  const at = new Map<string, Date[]>();
  for (const e of events) {
    const after: Record<string, unknown> = {};
    if (e.status !== null) after.status = e.status;
    if (e.hasBudget) after.budgetCents = e.budget === null ? null : Number(e.budget);
    if (e.hasFinancing) after.grantedCents = Number(e.granted ?? 0n);
    if (e.hasArchived) after.archivedAt = e.archived;
    (byAction.get(e.id) ?? byAction.set(e.id, []).get(e.id)!).push(after);
    (at.get(e.id) ?? at.set(e.id, []).get(e.id)!).push(e.at);
  }

  let first: Date | null = null;
  const tracks = actions.map((a) => {
    const afters = byAction.get(a.id) ?? [];
    const ats = at.get(a.id) ?? [];
    // By date, then by id: the state at a month's end is the one after the last row dated
    // before it, even when concurrent writes gave ids out of date order.
    const evs = afters.map((after, i) => ({ at: ats[i] as Date, after, i })).sort((x, y) => x.at.getTime() - y.at.getTime() || x.i - y.i);
    const born = evs[0] && evs[0].at < a.createdAt ? evs[0].at : a.createdAt;
    if (!first || born < first) first = born;
    const seen = { status: false, budget: false, financing: false };
    for (const e of evs) {
      if (e.after && typeof e.after.status === 'string') seen.status = true;
      if (e.after && 'budgetCents' in e.after) seen.budget = true;
      if (e.after && 'grantedCents' in e.after) seen.financing = true;
    }
    const initial: State = {
      status: seen.status ? null : a.status,
      budgetCents: seen.budget ? null : a.budgetCents === null ? null : Number(a.budgetCents),
      grantedCents: seen.financing ? null : Number(a.granted),
      archived: false,
    };
    // Archived now but never in the audit trail: counted as archived from its archival date.
    const archivedUnseen = a.archivedAt && !evs.some((e) => e.after && 'archivedAt' in e.after) ? a.archivedAt : null;
    return { born, evs, state: initial, cursor: 0, archivedUnseen };
  });
  const indicators = new Map<string, { kind: IndicatorKind; target: number; actual: number | null; updatedAt: Date; values: { date: Date; value: number }[] }>();
  for (const r of indicatorRows) {
    const i =
      indicators.get(r.id) ??
      indicators
        .set(r.id, { kind: r.kind, target: Number(r.target ?? 0), actual: r.actual === null ? null : Number(r.actual), updatedAt: r.updatedAt, values: [] })
        .get(r.id)!;
    if (r.date && r.value !== null) i.values.push({ date: r.date, value: Number(r.value) });
  }

  const months = monthRange(first, today);
  const points: MonthPoint[] = [];
  for (const month of months) {
    const end = nextMonthStart(month);
    const p: MonthPoint = {
      month,
      actions: 0,
      byStatus: Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<ActionStatus, number>,
      budgetCents: 0,
      grantedCents: 0,
    };
    for (const t of tracks) {
      while (t.cursor < t.evs.length && (t.evs[t.cursor] as { at: Date }).at < end) {
        apply(t.state, (t.evs[t.cursor] as { after: Json }).after);
        t.cursor += 1;
      }
      if (t.born >= end || t.state.archived || (t.archivedUnseen && t.archivedUnseen < end)) continue;
      const status = t.state.status ?? 'NOT_STARTED';
      p.actions += 1;
      p.byStatus[status] += 1;
      if (status !== 'ABANDONED') {
        p.budgetCents += t.state.budgetCents ?? 0;
        p.grantedCents += t.state.grantedCents ?? 0;
      }
    }
    points.push(p);
  }

  const series: IndicatorSeries[] = [];
  for (const kind of KEY_INDICATORS) {
    const of = [...indicators.values()].filter((i) => i.kind === kind);
    if (!of.length) continue;
    const dated = of.map((i) =>
      i.values.length ? i.values.map((v) => ({ at: v.date, value: v.value })) : i.actual === null ? [] : [{ at: i.updatedAt, value: i.actual }],
    );
    const target = of.reduce((s, i) => s + i.target, 0);
    series.push({
      kind,
      points: months.map((month) => {
        const end = nextMonthStart(month);
        let actual = 0;
        for (const vs of dated) {
          let last: number | null = null;
          for (const v of vs) if (v.at < end) last = v.value;
          actual += last ?? 0;
        }
        return { month, actual: Math.round(actual * 100) / 100, target };
      }),
    });
  }
  return { months: points, indicators: series };
}

/** Progress over time of one territory's plan (archived actions counted until archived). */
export async function territorySeries(actor: Actor, slug: string, today: Date = new Date()): Promise<ProgressSeries> {
  const t = await getTerritoryRef(actor, slug);
  return seriesFor({ territoryId: t.id }, today);
}

/** Progress over time of a region's territories, within the actor's scope. */
export async function regionSeries(actor: Actor, code: string, today: Date = new Date()): Promise<ProgressSeries> {
  await getRegion(actor, code);
  const territories = await db.territory.findMany({
    where: { AND: [territoryWhere(actor), { regionCodes: { has: code } }] },
    select: { id: true },
  });
  const ids = territories.map((t) => t.id);
  return seriesFor({ territoryId: { in: ids } }, today);
}

/** Progress over time of the programme, with the overview's filters (its working plans). */
export async function programmeSeries(actor: Actor, filters: ProgrammeFilters = {}, today: Date = new Date()): Promise<ProgressSeries> {
  authorize(actor, 'programme:read', null);
  return seriesFor(scopedActionWhere(actor, filters), today);
}
