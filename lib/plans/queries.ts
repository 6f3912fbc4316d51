// Reading a territory's plan: its state, versions, comparisons and recent changes.
import { db } from '@/lib/db';
import { invalid, notFound } from '@/lib/errors';
import { can, type Actor } from '@/lib/authz/policy';
import type { ActionStatus, Axis, PlanStatus, PlanVersionStatus, ReviewKind, ReviewTier, Role, TerritoryStatus } from '@/lib/generated/prisma/enums';
import { getTerritoryRef } from '@/lib/territories/queries';
import { compareSnapshots, type PlanDiff, type PlanSnapshot } from './diff';
import { parisTodayDate } from '@/lib/calendar';
import { cachedByDataVersion } from '@/lib/cache/data-version';

export interface VersionSummary {
  number: number;
  status: PlanVersionStatus;
  submittedAt: string;
  submittedBy: string | null;
  decidedAt: string | null;
  note: string | null;
  actionCount: number;
}

export interface ReviewDto {
  id: string;
  at: string;
  author: string;
  authorRole: Role;
  tier: ReviewTier;
  kind: ReviewKind;
  body: string | null;
  actionId: string | null;
}

export interface PlanPermissions {
  canEdit: boolean;
  canSubmit: boolean;
  canValidateLocal: boolean;
  canComment: boolean;
  canReviewRegional: boolean;
}

export async function planPermissions(
  actor: Actor,
  territory: { id: string; regionCodes: string[]; status?: TerritoryStatus },
): Promise<PlanPermissions> {
  const r = { territoryId: territory.id, regionCodes: territory.regionCodes, status: territory.status };
  return {
    canEdit: can(actor, 'plan:edit', r),
    canSubmit: can(actor, 'plan:submit', r),
    canValidateLocal: can(actor, 'plan:validate-local', r),
    canComment: can(actor, 'plan:comment', r),
    canReviewRegional: can(actor, 'plan:review-regional', r),
  };
}

async function userNames(ids: (string | null)[]) {
  const unique = [...new Set(ids.filter((i): i is string => !!i))];
  const users = unique.length ? await db.user.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } }) : [];
  return new Map(users.map((u) => [u.id, u.name]));
}

export async function listVersions(actor: Actor, slug: string): Promise<VersionSummary[]> {
  const territory = await getTerritoryRef(actor, slug);
  return versionSummaries(territory.id);
}

/** Versions of a territory's plan, newest first; snapshots are counted in SQL, not loaded. */
async function versionSummaries(territoryId: string): Promise<VersionSummary[]> {
  const rows = await db.$queryRaw<
    { number: number; status: PlanVersionStatus; submittedAt: Date; submittedById: string | null; decidedAt: Date | null; note: string | null; actionCount: number }[]
  >`
    select v.number, v.status, v."submittedAt", v."submittedById", v."decidedAt", v.note,
           jsonb_array_length(v.snapshot -> 'actions')::int as "actionCount"
    from "PlanVersion" v join "ActionPlan" p on p.id = v."planId"
    where p."territoryId" = ${territoryId}
    order by v.number desc`;
  const names = await userNames(rows.map((r) => r.submittedById));
  return rows.map((r) => ({
    number: r.number,
    status: r.status,
    submittedAt: r.submittedAt.toISOString(),
    submittedBy: r.submittedById ? (names.get(r.submittedById) ?? null) : null,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    note: r.note,
    actionCount: r.actionCount,
  }));
}

export interface VersionDetail extends VersionSummary {
  snapshot: PlanSnapshot;
  reviews: ReviewDto[];
  stateValidatedAt: string | null;
  regionValidatedAt: string | null;
}

export async function getVersion(actor: Actor, slug: string, number: number): Promise<VersionDetail> {
  const territory = await getTerritoryRef(actor, slug);
  // A version number is a PostgreSQL integer: 1e40 is an integer for JS, not for Prisma.
  if (!Number.isInteger(number) || number < 1 || number > 2_147_483_647) throw notFound('Version');
  const v = await db.planVersion.findFirst({
    where: { number, plan: { territoryId: territory.id } },
    select: {
      number: true,
      status: true,
      submittedAt: true,
      submittedById: true,
      decidedAt: true,
      note: true,
      snapshot: true,
      stateValidatedAt: true,
      regionValidatedAt: true,
      reviews: {
        orderBy: { createdAt: 'asc' },
        select: {
          id: true,
          createdAt: true,
          authorRole: true,
          tier: true,
          kind: true,
          body: true,
          actionId: true,
          author: { select: { name: true } },
        },
      },
    },
  });
  if (!v) throw notFound('Version');
  const names = await userNames([v.submittedById]);
  const snapshot = v.snapshot as unknown as PlanSnapshot;
  return {
    number: v.number,
    status: v.status,
    submittedAt: v.submittedAt.toISOString(),
    submittedBy: v.submittedById ? (names.get(v.submittedById) ?? null) : null,
    decidedAt: v.decidedAt?.toISOString() ?? null,
    note: v.note,
    actionCount: snapshot.actions.length,
    snapshot,
    stateValidatedAt: v.stateValidatedAt?.toISOString() ?? null,
    regionValidatedAt: v.regionValidatedAt?.toISOString() ?? null,
    reviews: v.reviews.map((r) => ({
      id: r.id,
      at: r.createdAt.toISOString(),
      author: r.author.name,
      authorRole: r.authorRole,
      tier: r.tier,
      kind: r.kind,
      body: r.body,
      actionId: r.actionId,
    })),
  };
}

/** Field-by-field comparison of two versions of the plan (either order). */
export async function compareVersions(actor: Actor, slug: string, from: number, to: number): Promise<PlanDiff & { from: number; to: number }> {
  if (![from, to].every((n) => Number.isInteger(n) && n >= 1 && n <= 2_147_483_647)) {
    throw invalid({ from: ['Numéros de version invalides.'] });
  }
  const [a, b] = await Promise.all([getVersion(actor, slug, from), getVersion(actor, slug, to)]);
  return { from, to, ...compareSnapshots(a.snapshot, b.snapshot) };
}

export interface AxisStats {
  axis: Axis;
  actions: number;
  byStatus: Partial<Record<ActionStatus, number>>;
  budgetCents: number;
}

export interface RecentChange {
  at: string;
  actor: string | null;
  operation: string;
  entityType: string;
  entityId: string;
  title: string | null;
  fields: string[];
}

export interface PlanOverview {
  status: PlanStatus;
  version: number;
  lastVersion: VersionSummary | null;
  lastValidatedNumber: number | null;
  unsubmittedChanges: boolean;
  actionCount: number;
  budgetCents: number;
  byAxis: AxisStats[];
  byStatus: Partial<Record<ActionStatus, number>>;
  lateMilestones: number;
  recentChanges: RecentChange[];
  permissions: PlanPermissions;
}

export async function getPlanOverview(actor: Actor, slug: string): Promise<PlanOverview> {
  const territory = await getTerritoryRef(actor, slug);
  // Late = due before today in France (lib/calendar.ts).
  const today = parisTodayDate();
  // The figures are the same for every reader: read once per data version and day (every
  // table they read bumps the version, user names included: ADR 0026); the permissions
  // are the actor's own, computed on each call.
  const key = JSON.stringify([territory.id, today.toISOString()]);
  const figures = await cachedByDataVersion('plan-overview', key, () => planFigures(territory.id, today));
  return { ...figures, permissions: await planPermissions(actor, territory) };
}

async function planFigures(territoryId: string, today: Date): Promise<Omit<PlanOverview, 'permissions'>> {
  const [plan, actions, lateMilestones, recent, versions] = await Promise.all([
    db.actionPlan.findUnique({ where: { territoryId }, select: { status: true, version: true } }),
    db.action.findMany({
      where: { territoryId, archivedAt: null },
      select: { axes: true, status: true, budgetCents: true, updatedAt: true },
    }),
    db.milestone.count({ where: { doneAt: null, dueDate: { lt: today }, action: { territoryId, archivedAt: null } } }),
    db.auditLog.findMany({
      where: { territoryId },
      orderBy: { id: 'desc' },
      take: 8,
      select: { at: true, operation: true, entityType: true, entityId: true, after: true, actor: { select: { name: true } } },
    }),
    versionSummaries(territoryId),
  ]);
  const byAxis = new Map<Axis, AxisStats>();
  const byStatus: Partial<Record<ActionStatus, number>> = {};
  let budget = 0;
  for (const a of actions) {
    const cents = Number(a.budgetCents ?? 0n);
    budget += cents;
    byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
    for (const axis of a.axes) {
      const s = byAxis.get(axis) ?? { axis, actions: 0, byStatus: {}, budgetCents: 0 };
      s.actions += 1;
      s.byStatus[a.status] = (s.byStatus[a.status] ?? 0) + 1;
      s.budgetCents += cents;
      byAxis.set(axis, s);
    }
  }
  const titles = new Map(
    (
      await db.action.findMany({
        where: { id: { in: recent.filter((r) => r.entityType === 'Action').map((r) => r.entityId) } },
        select: { id: true, title: true },
      })
    ).map((a) => [a.id, a.title]),
  );
  const lastVersion = versions[0] ?? null;
  const lastChange = actions.reduce((max, a) => (a.updatedAt > max ? a.updatedAt : max), new Date(0));
  return {
    status: plan?.status ?? 'DRAFT',
    version: plan?.version ?? 1,
    lastVersion,
    lastValidatedNumber: versions.find((v) => v.status === 'VALIDATED')?.number ?? null,
    unsubmittedChanges: !lastVersion || lastChange > new Date(lastVersion.submittedAt),
    actionCount: actions.length,
    budgetCents: budget,
    byAxis: (['ECOLOGICAL_TRANSITION', 'INNOVATION', 'SKILLS', 'INDUSTRIAL_LAND'] as const).map(
      (axis) => byAxis.get(axis) ?? { axis, actions: 0, byStatus: {}, budgetCents: 0 },
    ),
    byStatus,
    lateMilestones,
    recentChanges: recent.map((r) => ({
      at: r.at.toISOString(),
      actor: r.actor?.name ?? null,
      operation: r.operation,
      entityType: r.entityType,
      entityId: r.entityId,
      title: titles.get(r.entityId) ?? null,
      fields: Object.keys((r.after as object | null) ?? {}),
    })),
  };
}
