// The programme overview computed in PostgreSQL: one statement, GROUP BYs over the
// filtered scope (actions of the territories the actor may read, with the list filters),
// returning only the aggregates. Its cost grows with the number of territories and
// départements shown, not with the number of actions read into Node.
import { Prisma } from '@/lib/generated/prisma/client';
import { territoryScope, type Actor } from '@/lib/authz/policy';
import type { ProgrammeFilters } from '@/lib/actions/programme-filters';

const { sql, join, empty } = Prisma;

/** Territory rows in the actor's scope and the territory-level filters (alias `t`). */
export function territorySql(actor: Actor, filters: ProgrammeFilters): Prisma.Sql {
  const and: Prisma.Sql[] = [sql`true`];
  const scope = territoryScope(actor);
  if (!scope.all) {
    and.push(sql`(t.id = any(${scope.territoryIds}::text[]) or t."regionCodes" && ${scope.regionCodes}::text[])`);
  }
  if (filters.region) and.push(sql`${filters.region} = any(t."regionCodes")`);
  if (filters.territory) and.push(sql`t.slug = ${filters.territory}`);
  if (filters.departement) and.push(sql`${filters.departement} = any(t."departementCodes")`);
  return join(and, ' and ');
}

/** The same list filters as `actionFilterClauses`, on `"Action"` aliased `a`. */
export function actionSql(filters: ProgrammeFilters, today: Date): Prisma.Sql {
  const and: Prisma.Sql[] = [filters.archived ? sql`a."archivedAt" is not null` : sql`a."archivedAt" is null`];
  if (filters.axis) and.push(sql`${filters.axis}::"Axis" = any(a.axes)`);
  if (filters.status) and.push(sql`a.status = ${filters.status}::"ActionStatus"`);
  if (filters.phase) and.push(sql`a.phase = ${filters.phase}::"ActionPhase"`);
  if (filters.operator) {
    and.push(sql`exists (select 1 from "ActionOperator" ao join "Operator" op on op.id = ao."operatorId"
      where ao."actionId" = a.id and op.slug = ${filters.operator})`);
  }
  if (filters.late) {
    and.push(sql`exists (select 1 from "Milestone" lm where lm."actionId" = a.id and lm."doneAt" is null and lm."dueDate" < ${today})`);
  }
  if (filters.q) {
    const like = `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    and.push(sql`(a.title ilike ${like} or a.description ilike ${like} or a.objectives ilike ${like} or a.pilot ilike ${like})`);
  }
  return join(and, ' and ');
}

export interface OverviewRow {
  totals: { territories: number; actions: number; budget: number };
  by_status: { status: string; actions: number }[] | null;
  by_axis: { axis: string; actions: number }[] | null;
  by_region: { code: string; name: string | null; territories: number; actions: number; budget: number }[] | null;
  by_departement: { code: string; name: string | null; territories: number; actions: number; budget: number; late: number }[] | null;
  territories: { slug: string; name: string; blocked: number; last: string | null }[] | null;
  financing: { financer: string; granted: number; requested: number }[] | null;
  indicators: { kind: string; actual: number; target: number }[] | null;
}

/**
 * One round trip. `f` = the filtered actions, `ts` = one row per territory in scope with
 * its action counts (territories without matching actions included, as before).
 * Sums of cents are returned as float8 (exact below 2^53 cents, i.e. 90 billion euros).
 */
export function overviewSql(actor: Actor, filters: ProgrammeFilters, today: Date): Prisma.Sql {
  return sql`
with t_scope as (
  select t.id, t.slug, t.name, t."regionCodes", t."departementCodes" from "Territory" t where ${territorySql(actor, filters)}
), f as materialized (
  select a.id, a."territoryId", a.axes, a.status, coalesce(a."budgetCents", 0) as budget, a."updatedAt"
  from "Action" a join t_scope t on t.id = a."territoryId"
  where ${actionSql(filters, today)}
), late as (
  select f."territoryId", count(*)::int as late
  from "Milestone" m join f on f.id = m."actionId"
  where m."doneAt" is null and m."dueDate" < ${today}
  group by f."territoryId"
), per_t as (
  select f."territoryId", count(*)::int as actions, sum(f.budget)::float8 as budget,
         (count(*) filter (where f.status = 'BLOCKED'))::int as blocked, max(f."updatedAt") as last
  from f group by f."territoryId"
), ts as (
  select t.slug, t.name, t."regionCodes", t."departementCodes",
         coalesce(p.actions, 0) as actions, coalesce(p.budget, 0) as budget, coalesce(p.blocked, 0) as blocked,
         p.last, coalesce(l.late, 0) as late
  from t_scope t left join per_t p on p."territoryId" = t.id left join late l on l."territoryId" = t.id
)
select
  (select json_build_object('territories', (select count(*) from t_scope), 'actions', count(*), 'budget', coalesce(sum(budget), 0)::float8) from f) as totals,
  (select json_agg(json_build_object('status', status, 'actions', n)) from (select status, count(*) as n from f group by status) s) as by_status,
  (select json_agg(json_build_object('axis', x, 'actions', n)) from (select x, count(*) as n from f, unnest(f.axes) x group by x) s) as by_axis,
  (select json_agg(json_build_object('code', s.code, 'name', r.name, 'territories', n, 'actions', actions, 'budget', budget))
     from (select code, count(*) as n, sum(actions) as actions, sum(budget)::float8 as budget from ts, unnest(ts."regionCodes") code group by code) s
     left join "Region" r on r.code = s.code) as by_region,
  (select json_agg(json_build_object('code', s.code, 'name', d.name, 'territories', n, 'actions', actions, 'budget', budget, 'late', late))
     from (select code, count(*) as n, sum(actions) as actions, sum(budget)::float8 as budget, sum(late) as late
           from ts, unnest(ts."departementCodes") code group by code) s
     left join "Departement" d on d.code = s.code) as by_departement,
  (select json_agg(json_build_object('slug', slug, 'name', name, 'blocked', blocked, 'last', last)) from ts) as territories,
  (select json_agg(json_build_object('financer', financer, 'granted', granted, 'requested', requested))
     from (select fl.financer,
                  coalesce(sum(fl."amountCents") filter (where fl.status = 'GRANTED'), 0)::float8 as granted,
                  coalesce(sum(fl."amountCents") filter (where fl.status not in ('GRANTED', 'REFUSED')), 0)::float8 as requested
           from "FinancingLine" fl join f on f.id = fl."actionId" group by fl.financer) s) as financing,
  (select json_agg(json_build_object('kind', kind, 'actual', actual, 'target', target))
     from (select i.kind, coalesce(sum(i.actual), 0)::float8 as actual, coalesce(sum(i.target), 0)::float8 as target
           from "Indicator" i join f on f.id = i."actionId" group by i.kind) s) as indicators
${empty}`;
}
