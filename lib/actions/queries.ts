// Reading actions within the actor's scope.
import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { actionPermissions, territoryWhere, type Actor, type ActionPermissions } from '@/lib/authz/policy';
import type { Prisma } from '@/lib/generated/prisma/client';
import { getTerritoryRef } from '@/lib/territories/queries';
import { clampPage } from '@/lib/pagination';
import { actionSelect, toActionDto, type ActionDto } from './dto';
import type { ActionFilters } from './schemas';
import type { ActionListItem, HistoryEntry } from './contracts';
import { parisTodayDate } from '@/lib/calendar';
import { cachedByDataVersion } from '@/lib/cache/data-version';

export type { ActionListItem, HistoryEntry } from './contracts';

/** Late = due before today in France (lib/calendar.ts). */
const today = () => parisTodayDate();

function orderBy(sort: ActionFilters['sort']): Prisma.ActionOrderByWithRelationInput[] {
  switch (sort) {
    case 'title':
      return [{ title: 'asc' }];
    case 'status':
      return [{ status: 'asc' }, { position: 'asc' }];
    case 'endDate':
      return [{ endDate: { sort: 'asc', nulls: 'last' } }, { position: 'asc' }];
    case 'updatedAt':
      return [{ updatedAt: 'desc' }];
    case 'budget':
      return [{ budgetCents: { sort: 'desc', nulls: 'last' } }, { position: 'asc' }];
    default:
      return [{ position: 'asc' }];
  }
}

export function actionWhere(territoryId: string, filters: ActionFilters): Prisma.ActionWhereInput {
  return { AND: [{ territoryId }, ...actionFilterClauses(filters)] };
}

/** The list filters as `where` clauses (archived actions only when asked for). */
export function actionFilterClauses(filters: ActionFilters): Prisma.ActionWhereInput[] {
  const and: Prisma.ActionWhereInput[] = [];
  and.push({ archivedAt: filters.archived ? { not: null } : null });
  if (filters.axis) and.push({ axes: { has: filters.axis } });
  if (filters.status) and.push({ status: filters.status });
  if (filters.phase) and.push({ phase: filters.phase });
  if (filters.operator) and.push({ operators: { some: { operator: { slug: filters.operator } } } });
  if (filters.late) and.push({ milestones: { some: { doneAt: null, dueDate: { lt: today() } } } });
  if (filters.q) {
    // LIKE wildcards typed by the user are searched literally.
    const q = filters.q.replace(/[\\%_]/g, (c) => `\\${c}`);
    and.push({
      OR: [
        { title: { contains: q, mode: 'insensitive' } },
        { description: { contains: q, mode: 'insensitive' } },
        { objectives: { contains: q, mode: 'insensitive' } },
        { pilot: { contains: q, mode: 'insensitive' } },
      ],
    });
  }
  return and;
}

async function editorNames(ids: (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => !!id))];
  if (!unique.length) return new Map();
  const users = await db.user.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

export async function listActions(actor: Actor, slug: string, filters: ActionFilters = {}): Promise<ActionListItem[]> {
  const territory = await getTerritoryRef(actor, slug);
  return actionRows(actionWhere(territory.id, filters), filters);
}

async function actionRows(where: Prisma.ActionWhereInput, filters: ActionFilters, page?: { skip: number; take: number }): Promise<ActionListItem[]> {
  const rows = await db.action.findMany({
    where,
    // The id breaks ties so that pages never overlap.
    orderBy: [...orderBy(filters.sort), { id: 'asc' }],
    ...page,
    select: { ...actionSelect, updatedById: true },
  });
  const names = await editorNames(rows.map((r) => r.updatedById));
  const now = today();
  return rows.map((r) => ({
    ...toActionDto(r, r.updatedById ? (names.get(r.updatedById) ?? null) : null),
    lateMilestones: r.milestones.filter((m) => !m.doneAt && m.dueDate < now).length,
  }));
}

/** One page of a plan's actions (page past the end → the last page), with the total. */
export async function listActionsPage(
  actor: Actor,
  slug: string,
  filters: ActionFilters,
  page: number,
  pageSize: number,
): Promise<{ total: number; page: number; pageSize: number; items: ActionListItem[] }> {
  const territory = await getTerritoryRef(actor, slug);
  const wanted = clampPage(page, Number.MAX_SAFE_INTEGER, 1);
  // The same for every reader of the territory: read once per data version and day (the
  // late filter and counts), every table read bumps the version (ADR 0026).
  const key = JSON.stringify([territory.id, filters, wanted, pageSize, today().toISOString()]);
  return cachedByDataVersion('plan-page', key, async () => {
    const where = actionWhere(territory.id, filters);
    const [total, items] = await Promise.all([
      db.action.count({ where }),
      actionRows(where, filters, { skip: (wanted - 1) * pageSize, take: pageSize }),
    ]);
    const actual = clampPage(wanted, total, pageSize);
    if (actual === wanted) return { total, page: actual, pageSize, items };
    return { total, page: actual, pageSize, items: await actionRows(where, filters, { skip: (actual - 1) * pageSize, take: pageSize }) };
  });
}

/** The operators of the filter forms, read once per data version (operators bump it). */
export async function listFilterOperators() {
  return cachedByDataVersion('operators', '', listOperators);
}

/** One action (archived included); NOT_FOUND when absent or out of scope. */
export async function getAction(actor: Actor, id: string): Promise<ActionDto> {
  return (await getActionView(actor, id)).action;
}

/** The action and, beside it, what the actor may do with it (for the pages; ADR 0022). */
export async function getActionView(actor: Actor, id: string): Promise<{ action: ActionDto; permissions: ActionPermissions }> {
  const row = await db.action.findFirst({
    where: { id, territory: territoryWhere(actor) },
    select: { ...actionSelect, updatedById: true, territoryId: true, territory: { select: { slug: true, name: true, regionCodes: true, status: true } } },
  });
  if (!row) throw notFound('Action');
  const names = await editorNames([row.updatedById]);
  const resource = { territoryId: row.territoryId, regionCodes: row.territory.regionCodes, status: row.territory.status };
  return {
    action: toActionDto({ ...row, territory: { slug: row.territory.slug, name: row.territory.name } }, row.updatedById ? (names.get(row.updatedById) ?? null) : null),
    permissions: actionPermissions(actor, resource),
  };
}

/** Who changed what on an action, and when: oldest first. */
export async function getActionHistory(actor: Actor, id: string): Promise<HistoryEntry[]> {
  await getAction(actor, id);
  const rows = await db.auditLog.findMany({
    where: { entityType: 'Action', entityId: id },
    orderBy: { id: 'asc' },
    select: {
      id: true,
      at: true,
      operation: true,
      actorRole: true,
      entityVersion: true,
      before: true,
      after: true,
      actor: { select: { name: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id.toString(),
    at: r.at.toISOString(),
    operation: r.operation,
    actor: r.actor ? { name: r.actor.name, role: r.actorRole } : null,
    version: r.entityVersion,
    before: (r.before as Record<string, unknown> | null) ?? null,
    after: (r.after as Record<string, unknown> | null) ?? null,
  }));
}

export async function listOperators() {
  return db.operator.findMany({ orderBy: { name: 'asc' }, select: { slug: true, name: true } });
}
