// Programme-wide figures for the national tier.
import { db } from '@/lib/db';
import { authorize, type Actor } from '@/lib/authz/policy';
import type { ActionStatus, Axis } from '@/lib/generated/prisma/enums';

export interface ProgrammeOverview {
  territoryCount: number;
  actionCount: number;
  byRegion: { code: string; name: string; territories: number; actions: number }[];
  byAxis: { axis: Axis; actions: number }[];
  byStatus: { status: ActionStatus; actions: number }[];
}

export async function getProgrammeOverview(actor: Actor): Promise<ProgrammeOverview> {
  authorize(actor, 'programme:read', null);
  const [territoryCount, actionCount, regions, perRegion, byAxis, byStatus] = await Promise.all([
    db.territory.count(),
    db.action.count({ where: { archivedAt: null } }),
    db.region.findMany({ select: { code: true, name: true }, orderBy: { name: 'asc' } }),
    db.$queryRaw<{ code: string; territories: bigint; actions: bigint }[]>`
      select r.code, count(distinct t.id) as territories, count(a.id) as actions
      from "Region" r
      join "Territory" t on r.code = any(t."regionCodes")
      left join "Action" a on a."territoryId" = t.id and a."archivedAt" is null
      group by r.code`,
    db.$queryRaw<{ axis: Axis; actions: bigint }[]>`
      select unnest(axes) as axis, count(*) as actions from "Action" where "archivedAt" is null group by 1`,
    db.action.groupBy({ by: ['status'], where: { archivedAt: null }, _count: { _all: true } }),
  ]);
  const regionStats = new Map(perRegion.map((r) => [r.code, r]));
  return {
    territoryCount,
    actionCount,
    byRegion: regions
      .map((r) => ({
        code: r.code,
        name: r.name,
        territories: Number(regionStats.get(r.code)?.territories ?? 0),
        actions: Number(regionStats.get(r.code)?.actions ?? 0),
      }))
      .filter((r) => r.territories > 0),
    byAxis: byAxis.map((a) => ({ axis: a.axis, actions: Number(a.actions) })),
    byStatus: byStatus.map((s) => ({ status: s.status, actions: s._count._all })),
  };
}
