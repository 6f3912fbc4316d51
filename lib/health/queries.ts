// Health of many territories in one grouped SQL query (no per-territory round trip),
// then the pure rule of ./territory-health.ts. Scoped like every territory read.
import { db } from '@/lib/db';
import { territoryScope, territoryWhere, type Actor } from '@/lib/authz/policy';
import { Prisma } from '@/lib/generated/prisma/client';
import { cachedByDataVersion } from '@/lib/cache/data-version';
import { HEALTH_RANK, healthStableUntil, territoryHealth, type Health, type HealthInput, type HealthStatus } from './territory-health';
import { parisDay } from '@/lib/calendar';

export interface TerritoryHealth extends Health {
  input: HealthInput;
}

export interface TerritoryHealthRow {
  slug: string;
  name: string;
  regionCodes: string[];
  departementCodes: string[];
  health: TerritoryHealth;
}

// One collator for every sort (String#localeCompare with a locale builds one per call).
const byName = new Intl.Collator('fr');

/** Health inputs for the given territory ids (already scoped by the caller): one grouped query. */
export async function healthInputsByTerritoryId(territoryIds: string[], today: Date = new Date()): Promise<Map<string, HealthInput>> {
  const out = new Map<string, HealthInput>();
  if (!territoryIds.length) return out;
  const ids = Prisma.join(territoryIds);
  // Late = due before that day in France (lib/calendar.ts), not the UTC day.
  const day = parisDay(today);
  const rows = await db.$queryRaw<
    { id: string; actions: bigint; blocked: bigint; milestones: bigint; late: bigint; lastAction: Date | null; lastAudit: Date | null; pending: Date | null }[]
  >`
    select t.id,
      coalesce(a.actions, 0) as actions, coalesce(a.blocked, 0) as blocked, a.last as "lastAction",
      coalesce(m.total, 0) as milestones, coalesce(m.late, 0) as late,
      au.at as "lastAudit", p.pending
    from "Territory" t
    left join (
      select "territoryId", count(*) as actions, count(*) filter (where status = 'BLOCKED') as blocked, max("updatedAt") as last
      from "Action" where "archivedAt" is null and status <> 'ABANDONED' and "territoryId" in (${ids}) group by 1
    ) a on a."territoryId" = t.id
    left join (
      select a."territoryId", count(*) as total,
        count(*) filter (where m."doneAt" is null and m."dueDate" < ${day}::date) as late
      from "Milestone" m join "Action" a on a.id = m."actionId"
      where a."archivedAt" is null and a.status <> 'ABANDONED' and a."territoryId" in (${ids}) group by 1
    ) m on m."territoryId" = t.id
    left join (
      select p."territoryId", min(v."submittedAt") as pending
      from "PlanVersion" v join "ActionPlan" p on p.id = v."planId"
      where v.status in ('SUBMITTED', 'LOCALLY_VALIDATED') and p."territoryId" in (${ids}) group by 1
    ) p on p."territoryId" = t.id
    left join lateral (
      select l.at from "AuditLog" l where l."territoryId" = t.id order by l.id desc limit 1
    ) au on true
    where t.id in (${ids})`;
  for (const r of rows) {
    const last = [r.lastAction, r.lastAudit].filter((d): d is Date => !!d).sort((a, b) => b.getTime() - a.getTime())[0] ?? null;
    out.set(r.id, {
      actions: Number(r.actions),
      blockedActions: Number(r.blocked),
      milestones: Number(r.milestones),
      lateMilestones: Number(r.late),
      lastUpdate: last,
      pendingDecisionSince: r.pending,
    });
  }
  return out;
}

/** Health inputs and status for the given territory ids (already scoped by the caller). */
export async function healthByTerritoryId(territoryIds: string[], today: Date = new Date()): Promise<Map<string, TerritoryHealth>> {
  const inputs = await healthInputsByTerritoryId(territoryIds, today);
  return new Map([...inputs].map(([id, input]) => [id, { ...territoryHealth(input, today), input }]));
}

/**
 * One territory's health (its page): the inputs cached under the data version, keyed by
 * territory and day; the caller has already checked that the actor may read it.
 */
export async function territoryHealthOf(territoryId: string, today: Date = new Date()): Promise<TerritoryHealth | undefined> {
  const key = JSON.stringify([territoryId, parisDay(today)]);
  const input = await cachedByDataVersion('territory-health-one', key, async () =>
    (await healthInputsByTerritoryId([territoryId], today)).get(territoryId),
  );
  return input && { ...territoryHealth(input, today), input };
}

type HealthSource = { id: string; slug: string; name: string; regionCodes: string[]; departementCodes: string[]; input: HealthInput }[];

// The statuses computed from one cached list of inputs, kept while they hold: from the
// instant they were computed at until the first day count of any territory goes up
// (healthStableUntil). Keyed by the cached list itself, so a new data version (a new
// list) starts afresh and an old one is collected with its entry.
const computedRows = new WeakMap<HealthSource, { from: number; until: number; rows: TerritoryHealthRow[] }>();

function healthRowsAt(source: HealthSource, today: Date): TerritoryHealthRow[] {
  const now = today.getTime();
  const memo = computedRows.get(source);
  if (memo && memo.from <= now && now < memo.until) return memo.rows;
  let until = Number.POSITIVE_INFINITY;
  const rows = source
    .map((t) => {
      until = Math.min(until, healthStableUntil(t.input, today));
      return {
        slug: t.slug,
        name: t.name,
        regionCodes: t.regionCodes,
        departementCodes: t.departementCodes,
        health: { ...territoryHealth(t.input, today), input: t.input },
      };
    })
    .sort((a, b) => HEALTH_RANK[a.health.status] - HEALTH_RANK[b.health.status] || byName.compare(a.name, b.name));
  computedRows.set(source, { from: now, until, rows });
  return rows;
}

/**
 * Health of every territory the actor may read, optionally in one region, worst first.
 * The territories and their health inputs (the grouped query) are cached under the data
 * version (lib/cache/data-version.ts; the tables they read all bump it, ADR 0023), keyed
 * by scope, region and day (late milestones); the statuses are those of `today`'s exact
 * time (days since the last update), computed once and reused for as long as none of
 * them can change (ADR 0026). The rows are shared between callers: read them, never
 * mutate them.
 */
export async function listTerritoryHealth(
  actor: Actor,
  filters: { regionCode?: string } = {},
  today: Date = new Date(),
): Promise<readonly TerritoryHealthRow[]> {
  const key = JSON.stringify([territoryScope(actor), filters.regionCode ?? null, parisDay(today)]);
  const source = await cachedByDataVersion<HealthSource>('territory-health', key, async () => {
    const territories = await db.territory.findMany({
      where: { AND: [territoryWhere(actor), filters.regionCode ? { regionCodes: { has: filters.regionCode } } : {}] },
      orderBy: { name: 'asc' },
      select: { id: true, slug: true, name: true, regionCodes: true, departementCodes: true },
    });
    const inputs = await healthInputsByTerritoryId(territories.map((t) => t.id), today);
    return territories.map((t) => ({ ...t, input: inputs.get(t.id) as HealthInput }));
  });
  return healthRowsAt(source, today);
}

export type HealthCounts = Record<HealthStatus, number>;

export const countHealth = (rows: readonly { health: { status: HealthStatus } }[]): HealthCounts => {
  const c: HealthCounts = { ON_TRACK: 0, TO_WATCH: 0, OFF_TRACK: 0 };
  for (const r of rows) c[r.health.status] += 1;
  return c;
};

export interface DepartementHealth extends HealthCounts {
  code: string;
  territories: number;
  /** Share (0..1) of the département's territories that are off track or to watch. */
  alertShare: number;
  worst: HealthStatus;
}

/**
 * Per-département health, for the map as a measure: a territory spanning several
 * départements counts in each (as the map's other measures do).
 */
export function healthByDepartement(rows: readonly TerritoryHealthRow[]): DepartementHealth[] {
  const by = new Map<string, DepartementHealth>();
  for (const r of rows) {
    for (const code of r.departementCodes) {
      const d = by.get(code) ?? { code, territories: 0, ON_TRACK: 0, TO_WATCH: 0, OFF_TRACK: 0, alertShare: 0, worst: 'ON_TRACK' as HealthStatus };
      d.territories += 1;
      d[r.health.status] += 1;
      if (HEALTH_RANK[r.health.status] < HEALTH_RANK[d.worst]) d.worst = r.health.status;
      by.set(code, d);
    }
  }
  for (const d of by.values()) d.alertShare = d.territories ? (d.TO_WATCH + d.OFF_TRACK) / d.territories : 0;
  return [...by.values()].sort((a, b) => a.code.localeCompare(b.code));
}
