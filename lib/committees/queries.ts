// Reading regional committees ("revues régionales") within the actor's scope.
//
// Two levels of reading:
// - full: whoever may read the region (`region:read`: national staff, operators, the
//   region's copilots) sees every committee of the region, attendees included;
// - limited: whoever may read one of the actions a committee discussed (e.g. the local
//   team of that action's territory) sees that committee's title, date and decisions,
//   and only the linked actions within their own scope.
// Anything else is not found (absent and out of scope look the same).
import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { authorize, can, territoryScope, territoryWhere, type Actor } from '@/lib/authz/policy';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ActionStatus } from '@/lib/generated/prisma/enums';
import { parseInput } from '@/lib/validation';
import { COMMITTEE_PAGE_SIZE, committeeFiltersSchema, type CommitteeFilters } from './schemas';
import { searchActionGroups, type LinkableSearch } from './picker';
import { cachedByDataVersion } from '@/lib/cache/data-version';

export const COMMITTEE_ENTITY = 'RegionalCommittee';

export type CommitteeAccess = 'full' | 'limited';

export interface CommitteeActionRef {
  id: string;
  /** "FA-12": unique within its territory. */
  reference: string;
  title: string;
  status: ActionStatus;
  archived: boolean;
  territory: { slug: string; name: string };
}

export interface CommitteeSummary {
  id: string;
  region: { code: string; name: string };
  /** YYYY-MM-DD */
  date: string;
  title: string;
  decisions: string;
  /** Null when the actor only has limited access. */
  attendees: string[] | null;
  /** Linked actions the actor may read. */
  actionCount: number;
  access: CommitteeAccess;
}

export interface CommitteeDto extends Omit<CommitteeSummary, 'actionCount'> {
  /** Linked actions the actor may read, by territory then reference. */
  actions: CommitteeActionRef[];
  /** Base version for an edit (the version column, bumped by every audited edit: ADR 0021). */
  version: number;
  createdAt: string;
  /** The fields below are null with limited access. */
  createdBy: string | null;
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface CommitteePage {
  region: { code: string; name: string };
  access: CommitteeAccess;
  canRecord: boolean;
  filters: CommitteeFilters;
  items: CommitteeSummary[];
  total: number;
  page: number;
  pageSize: number;
}

export interface LinkableTerritory {
  territory: { slug: string; name: string };
  actions: CommitteeActionRef[];
}

/* ------------------------------------------------------------------ scope */

/**
 * Prisma `where` for the committees an actor may read at all (STYLE §3). The first
 * branch mirrors `region:read` in lib/authz/policy.ts for the regional tier; national
 * staff and operators read every region.
 */
export function committeeWhere(actor: Actor): Prisma.RegionalCommitteeWhereInput {
  const scope = territoryScope(actor);
  if (scope.all) return {};
  return {
    OR: [
      { regionCode: { in: scope.regionCodes } },
      { actions: { some: { action: { territory: territoryWhere(actor) } } } },
    ],
  };
}

/** Linked actions the actor may read. */
export const visibleLinkWhere = (actor: Actor): Prisma.CommitteeActionWhereInput => ({
  action: { territory: territoryWhere(actor) },
});

export const accessTo = (actor: Actor, regionCode: string): CommitteeAccess =>
  can(actor, 'region:read', { regionCode }) ? 'full' : 'limited';

export const attendeesOf = (stored: string): string[] =>
  stored
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);

export const isoDay = (d: Date) => d.toISOString().slice(0, 10);
export const dayOf = (s: string) => new Date(`${s}T00:00:00Z`);

/**
 * The region and the actor's access to its committees; NOT_FOUND when the region is
 * absent, or when the actor may neither read it nor read any territory in it.
 */
export async function committeeRegion(actor: Actor, code: string): Promise<{ code: string; name: string; access: CommitteeAccess }> {
  const region = await db.region.findUnique({ where: { code }, select: { code: true, name: true } });
  if (!region) throw notFound('Région');
  if (can(actor, 'region:read', { regionCode: code })) return { ...region, access: 'full' };
  const territories = await db.territory.count({ where: { AND: [territoryWhere(actor), { regionCodes: { has: code } }] } });
  if (!territories) throw notFound('Région');
  return { ...region, access: 'limited' };
}

/* ------------------------------------------------------------------ selects and DTOs */

const actionRefSelect = {
  id: true,
  number: true,
  title: true,
  status: true,
  archivedAt: true,
  territory: { select: { slug: true, name: true } },
} as const;

type ActionRefRow = Prisma.ActionGetPayload<{ select: typeof actionRefSelect }>;

const collator = new Intl.Collator('fr', { numeric: true, sensitivity: 'base' });

export function toActionRef(a: ActionRefRow): CommitteeActionRef {
  return {
    id: a.id,
    reference: `FA-${a.number}`,
    title: a.title,
    status: a.status,
    archived: a.archivedAt !== null,
    territory: { slug: a.territory.slug, name: a.territory.name },
  };
}

const byTerritoryThenNumber = (a: ActionRefRow, b: ActionRefRow) =>
  collator.compare(a.territory.name, b.territory.name) || a.number - b.number;

const summarySelect = (actor: Actor) =>
  ({
    id: true,
    date: true,
    title: true,
    decisions: true,
    attendees: true,
    region: { select: { code: true, name: true } },
    _count: { select: { actions: { where: visibleLinkWhere(actor) } } },
  }) satisfies Prisma.RegionalCommitteeSelect;

type SummaryRow = Prisma.RegionalCommitteeGetPayload<{ select: ReturnType<typeof summarySelect> }>;

function toSummary(actor: Actor, row: SummaryRow): CommitteeSummary {
  const access = accessTo(actor, row.region.code);
  return {
    id: row.id,
    region: row.region,
    date: isoDay(row.date),
    title: row.title,
    decisions: row.decisions,
    attendees: access === 'full' ? attendeesOf(row.attendees) : null,
    actionCount: row._count.actions,
    access,
  };
}

/** The latest audited write of a committee: when and by whom (the version is a column, ADR 0021). */
export async function lastWrite(client: Pick<typeof db, 'auditLog'>, id: string) {
  const last = await client.auditLog.findFirst({
    where: { entityType: COMMITTEE_ENTITY, entityId: id },
    orderBy: { id: 'desc' },
    select: { at: true, entityVersion: true, actor: { select: { name: true } } },
  });
  return { version: last?.entityVersion ?? 0, at: last?.at ?? null, by: last?.actor?.name ?? null };
}

/* ------------------------------------------------------------------ reads */

/** One committee; NOT_FOUND when absent or out of scope. */
export async function getCommittee(actor: Actor, id: string): Promise<CommitteeDto> {
  const row = await db.regionalCommittee.findFirst({
    where: { AND: [{ id }, committeeWhere(actor)] },
    select: {
      id: true,
      date: true,
      title: true,
      decisions: true,
      attendees: true,
      createdAt: true,
      createdById: true,
      version: true,
      region: { select: { code: true, name: true } },
      actions: { where: visibleLinkWhere(actor), select: { action: { select: actionRefSelect } } },
    },
  });
  if (!row) throw notFound('Comité');
  const access = accessTo(actor, row.region.code);
  const [last, creator] = await Promise.all([
    lastWrite(db, row.id),
    access === 'full' && row.createdById
      ? db.user.findUnique({ where: { id: row.createdById }, select: { name: true } })
      : Promise.resolve(null),
  ]);
  const full = access === 'full';
  return {
    id: row.id,
    region: row.region,
    date: isoDay(row.date),
    title: row.title,
    decisions: row.decisions,
    attendees: full ? attendeesOf(row.attendees) : null,
    access,
    actions: row.actions
      .map((l) => l.action)
      .sort(byTerritoryThenNumber)
      .map(toActionRef),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    createdBy: full ? (creator?.name ?? null) : null,
    updatedAt: full && row.version > 1 ? (last.at?.toISOString() ?? null) : null,
    updatedBy: full && row.version > 1 ? last.by : null,
  };
}

export function parseCommitteeFilters(input: unknown): CommitteeFilters {
  return parseInput(committeeFiltersSchema, input ?? {});
}

/**
 * Prisma sends `contains` to ILIKE without escaping its wildcards: a search for "%" or
 * "_" would match everything. PostgreSQL's default LIKE escape is the backslash.
 */
const likeLiteral = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`);

function searchWhere(actor: Actor, access: CommitteeAccess, q: string): Prisma.RegionalCommitteeWhereInput {
  const contains = { contains: likeLiteral(q), mode: 'insensitive' } as const;
  return {
    OR: [
      { title: contains },
      { decisions: contains },
      // Attendees are not shown with limited access: searching them would reveal them.
      ...(access === 'full' ? [{ attendees: contains }] : []),
      { actions: { some: { action: { AND: [{ territory: territoryWhere(actor) }, { title: contains }] } } } },
    ],
  };
}

/**
 * A region's committees, most recent first, with text search (title, decisions,
 * attendees, titles of the linked actions) and an inclusive date range.
 */
export async function listRegionCommittees(actor: Actor, code: string, input: unknown = {}): Promise<CommitteePage> {
  const filters = parseCommitteeFilters(input);
  const region = await committeeRegion(actor, code);
  const and: Prisma.RegionalCommitteeWhereInput[] = [{ regionCode: code }];
  if (region.access === 'limited') and.push({ actions: { some: visibleLinkWhere(actor) } });
  if (filters.from || filters.to) {
    and.push({ date: { ...(filters.from && { gte: dayOf(filters.from) }), ...(filters.to && { lte: dayOf(filters.to) }) } });
  }
  if (filters.q) and.push(searchWhere(actor, region.access, filters.q));
  const where = { AND: and };
  const page = filters.page ?? 1;
  const [total, rows] = await Promise.all([
    db.regionalCommittee.count({ where }),
    db.regionalCommittee.findMany({
      where,
      orderBy: [{ date: 'desc' }, { createdAt: 'desc' }],
      skip: (page - 1) * COMMITTEE_PAGE_SIZE,
      take: COMMITTEE_PAGE_SIZE,
      select: summarySelect(actor),
    }),
  ]);
  return {
    region: { code: region.code, name: region.name },
    access: region.access,
    canRecord: can(actor, 'committee:record', { regionCode: code }),
    filters,
    items: rows.map((r) => toSummary(actor, r)),
    total,
    page,
    pageSize: COMMITTEE_PAGE_SIZE,
  };
}

/**
 * The committees that discussed an action, most recent first, for the action page.
 * NOT_FOUND when the action is absent or out of scope.
 */
export async function listCommitteesForAction(actor: Actor, actionId: string): Promise<CommitteeSummary[]> {
  const action = await db.action.findFirst({ where: { id: actionId, territory: territoryWhere(actor) }, select: { id: true } });
  if (!action) throw notFound('Action');
  const rows = await db.regionalCommittee.findMany({
    where: { actions: { some: { actionId } } },
    orderBy: [{ date: 'desc' }, { createdAt: 'desc' }],
    select: summarySelect(actor),
  });
  return rows.map((r) => toSummary(actor, r));
}

/**
 * The actions a committee of the region may discuss, grouped by territory: the working
 * plans of the region's territories (a territory spanning two regions counts in both),
 * plus `keepIds` (actions already linked, even if archived since). Writers only.
 */
export async function listLinkableActions(actor: Actor, code: string, keepIds: readonly string[] = []): Promise<LinkableTerritory[]> {
  await committeeRegion(actor, code);
  authorize(actor, 'committee:record', { regionCode: code });
  // Read once per data version (actions and territories bump it): the picker asks for it
  // at every change of its filter (searchLinkableActions).
  const key = JSON.stringify([territoryScope(actor), code, [...keepIds].sort()]);
  return cachedByDataVersion('committee-linkable', key, async () => {
    const rows = await db.action.findMany({
      where: {
        territory: { AND: [territoryWhere(actor), { regionCodes: { has: code } }] },
        OR: [{ archivedAt: null }, ...(keepIds.length ? [{ id: { in: [...keepIds] } }] : [])],
      },
      select: actionRefSelect,
    });
    const groups = new Map<string, LinkableTerritory>();
    for (const row of rows.sort(byTerritoryThenNumber)) {
      let group = groups.get(row.territory.slug);
      if (!group) {
        group = { territory: { slug: row.territory.slug, name: row.territory.name }, actions: [] };
        groups.set(row.territory.slug, group);
      }
      group.actions.push(toActionRef(row));
    }
    return [...groups.values()];
  });
}

/** The picker's actions matching `query`, at most PICKER_RESULTS (lib/committees/picker.ts), and how many match. Writers only. */
export async function searchLinkableActions(actor: Actor, code: string, query: string, keepIds: readonly string[] = []): Promise<LinkableSearch> {
  return searchActionGroups(await listLinkableActions(actor, code, keepIds), query);
}
