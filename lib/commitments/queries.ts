// Reading operators' commitments within the actor's scope (STYLE §3).
//
// Who reads which commitments (scope in the `where`, out of scope = not found):
// - national staff and operator staff: all of them;
// - regional copilots (SGAR, Conseil régional): NATIONAL ones, those of their region, and
//   those of the territories in their region (a territory spanning two regions counts in
//   both);
// - a territory's team (project lead, élu, industriel): NATIONAL ones, those of their
//   territory, and those of their territory's region(s);
// - anyone else: none.
// Linked actions are only listed when the actor may read them (their territory is in scope).
//
// The "late" and "under-delivered" rules live in ./rules.ts. They depend on today's date,
// so they are computed on the scoped rows rather than in SQL: the programme has a few
// hundred commitments, not millions.
import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { authorize, commitmentPermissions, territoryScope, territoryWhere, type Actor, type CommitmentPermissions } from '@/lib/authz/policy';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ActionStatus, Axis, CommitmentScope, CommitmentStatus } from '@/lib/generated/prisma/enums';
import { parseInput } from '@/lib/validation';
import { deliveredShare, expectedShare, isLate, isUnderDelivered } from './rules';
import { commitmentFiltersSchema, linkableFiltersSchema, type CommitmentFilters } from './schemas';
import { COMMITMENT_FIELD_LABELS, COMMITMENT_SCOPE_LABELS, COMMITMENT_STATUS_LABELS, formatQuantity } from './labels';
import { AXIS_SHORT_LABELS, formatDate } from '@/lib/labels';

export const COMMITMENT_ENTITY = 'Commitment';

export interface PlaceRef {
  code: string;
  name: string;
}

export interface CommitmentSummary {
  id: string;
  title: string;
  operator: { slug: string; name: string };
  axis: Axis | null;
  scope: CommitmentScope;
  /** The region of a REGION commitment, null otherwise. */
  region: PlaceRef | null;
  /** The territory of a TERRITORY commitment, null otherwise. */
  territory: { slug: string; name: string } | null;
  /** Regions the commitment counts in: its region, or its territory's regions; [] when national. */
  regions: PlaceRef[];
  unit: string;
  promised: number;
  delivered: number;
  /** YYYY-MM-DD */
  dueDate: string | null;
  status: CommitmentStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** delivered / promised (may exceed 1). */
  deliveredShare: number;
  /** Share of the period elapsed at `now` (0..1), null without a due date. */
  expectedShare: number | null;
  late: boolean;
  underDelivered: boolean;
  /** Linked actions the actor may read. */
  actionCount: number;
}

export interface CommitmentActionRef {
  id: string;
  /** "FA-12": unique within its territory. */
  reference: string;
  title: string;
  status: ActionStatus;
  archived: boolean;
  territory: { slug: string; name: string };
}

export interface CommitmentDto extends CommitmentSummary {
  description: string;
  /** Linked actions the actor may read, by territory then reference. */
  actions: CommitmentActionRef[];
}

export interface AlertCounts {
  total: number;
  late: number;
  underDelivered: number;
}

export interface CommitmentOverview {
  totals: AlertCounts;
  byOperator: ({ operator: { slug: string; name: string } } & AlertCounts)[];
  /** One row per region a commitment counts in; `region: null` for NATIONAL commitments. */
  byRegion: ({ region: PlaceRef | null } & AlertCounts)[];
}

export interface CommitmentHistoryEntry {
  id: string;
  at: string;
  operation: string;
  actor: { name: string; role: string | null } | null;
  version: number | null;
  /** Changed fields, raw values and their French rendering (linked actions as a count). */
  changes: { field: string; label: string; before: unknown; after: unknown; beforeText: string; afterText: string }[];
}

interface Options {
  /** The instant the alert rules are evaluated at (tests and the overdue job pass it). */
  now?: Date;
}

/* ------------------------------------------------------------------ scope */

/** Prisma `where` for the commitments an actor may read (see the header). */
export async function commitmentWhere(actor: Actor): Promise<Prisma.CommitmentWhereInput> {
  const scope = territoryScope(actor);
  if (scope.all) return {};
  const { territoryIds, regionCodes } = scope;
  if (!territoryIds.length && !regionCodes.length) return { id: { in: [] } };
  // A territory team also reads its territory's regional commitments.
  const ownTerritories = territoryIds.length
    ? await db.territory.findMany({ where: { id: { in: territoryIds } }, select: { regionCodes: true } })
    : [];
  const regions = [...new Set([...regionCodes, ...ownTerritories.flatMap((t) => t.regionCodes)])];
  return {
    OR: [
      { scope: 'NATIONAL' },
      { scope: 'REGION', regionCode: { in: regions } },
      {
        scope: 'TERRITORY',
        OR: [{ territoryId: { in: territoryIds } }, { territory: { regionCodes: { hasSome: regionCodes } } }],
      },
    ],
  };
}

/** Links to actions the actor may read. */
const visibleLinkWhere = (actor: Actor): Prisma.CommitmentActionWhereInput => ({ action: { territory: territoryWhere(actor) } });

/* ------------------------------------------------------------------ rows → DTOs */

const summarySelect = (actor: Actor) =>
  ({
    id: true,
    title: true,
    axis: true,
    scope: true,
    unit: true,
    promised: true,
    delivered: true,
    dueDate: true,
    status: true,
    version: true,
    createdAt: true,
    updatedAt: true,
    operatorId: true,
    operator: { select: { slug: true, name: true } },
    region: { select: { code: true, name: true } },
    territory: { select: { slug: true, name: true, regionCodes: true } },
    _count: { select: { actions: { where: visibleLinkWhere(actor) } } },
  }) satisfies Prisma.CommitmentSelect;

type SummaryRow = Prisma.CommitmentGetPayload<{ select: ReturnType<typeof summarySelect> }>;

export const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
export const dayOf = (s: string) => new Date(`${s}T00:00:00Z`);

async function regionNames(): Promise<Map<string, string>> {
  const rows = await db.region.findMany({ select: { code: true, name: true } });
  return new Map(rows.map((r) => [r.code, r.name]));
}

function toSummary(row: SummaryRow, names: Map<string, string>, now: Date): CommitmentSummary {
  const facts = {
    promised: row.promised.toNumber(),
    delivered: row.delivered.toNumber(),
    dueDate: isoDay(row.dueDate),
    status: row.status,
    createdAt: row.createdAt,
  };
  const regionCodes =
    row.scope === 'REGION' && row.region ? [row.region.code] : row.scope === 'TERRITORY' && row.territory ? row.territory.regionCodes : [];
  return {
    id: row.id,
    title: row.title,
    operator: row.operator,
    axis: row.axis,
    scope: row.scope,
    region: row.scope === 'REGION' ? row.region : null,
    territory: row.scope === 'TERRITORY' && row.territory ? { slug: row.territory.slug, name: row.territory.name } : null,
    regions: regionCodes.map((code) => ({ code, name: names.get(code) ?? code })),
    unit: row.unit,
    promised: facts.promised,
    delivered: facts.delivered,
    dueDate: facts.dueDate,
    status: row.status,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    deliveredShare: deliveredShare(facts),
    expectedShare: expectedShare(facts, now),
    late: isLate(facts, now),
    underDelivered: isUnderDelivered(facts, now),
    actionCount: row._count.actions,
  };
}

const collator = new Intl.Collator('fr', { numeric: true, sensitivity: 'base' });

/* ------------------------------------------------------------------ lists */

export function parseCommitmentFilters(input: unknown): CommitmentFilters {
  return parseInput(commitmentFiltersSchema, input ?? {});
}

/**
 * For pages: the valid filters of a query string, invalid ones dropped (a hand-edited
 * URL shows the unfiltered list rather than an error page).
 */
export function lenientCommitmentFilters(raw: Record<string, string | string[] | undefined>): CommitmentFilters {
  const strings = Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === 'string'));
  const result = commitmentFiltersSchema.safeParse(strings);
  if (result.success) return result.data;
  const bad = new Set(result.error.issues.map((i) => String(i.path[0])));
  return commitmentFiltersSchema.parse(Object.fromEntries(Object.entries(strings).filter(([k]) => !bad.has(k))));
}

function filterWhere(filters: CommitmentFilters): Prisma.CommitmentWhereInput[] {
  const and: Prisma.CommitmentWhereInput[] = [];
  if (filters.operator) and.push({ operator: { slug: filters.operator } });
  if (filters.scope) and.push({ scope: filters.scope });
  if (filters.status) and.push({ status: filters.status });
  if (filters.territory) and.push({ scope: 'TERRITORY', territory: { slug: filters.territory } });
  if (filters.region) {
    // The same attribution as the per-region figures: a region's commitments, and those of
    // the territories in it.
    and.push({
      OR: [
        { scope: 'REGION', regionCode: filters.region },
        { scope: 'TERRITORY', territory: { regionCodes: { has: filters.region } } },
      ],
    });
  }
  return and;
}

async function scopedSummaries(actor: Actor, extra: Prisma.CommitmentWhereInput[], now: Date): Promise<CommitmentSummary[]> {
  const [scope, names] = await Promise.all([commitmentWhere(actor), regionNames()]);
  const rows = await db.commitment.findMany({
    where: { AND: [scope, ...extra] },
    orderBy: [{ dueDate: { sort: 'asc', nulls: 'last' } }, { title: 'asc' }, { id: 'asc' }],
    select: summarySelect(actor),
  });
  return rows.map((r) => toSummary(r, names, now));
}

/**
 * The commitments the actor may read, filtered (operator, region, territory, scope,
 * status, late, underDelivered), by due date. `input` is validated (INVALID on bad filters).
 */
export async function listCommitments(actor: Actor, input: unknown = {}, options: Options = {}): Promise<CommitmentSummary[]> {
  const filters = parseCommitmentFilters(input);
  const items = await scopedSummaries(actor, filterWhere(filters), options.now ?? new Date());
  return items.filter((c) => (!filters.late || c.late) && (!filters.underDelivered || c.underDelivered));
}

function counts(items: CommitmentSummary[]): AlertCounts {
  return {
    total: items.length,
    late: items.filter((c) => c.late).length,
    underDelivered: items.filter((c) => c.underDelivered).length,
  };
}

/**
 * Late and under-delivered commitments per operator and per region, over every commitment
 * the actor may read. A territory's commitment counts in each of the territory's regions,
 * so the per-region rows may add up to more than the total; NATIONAL ones form their own
 * row. Each figure matches `listCommitments` with the same operator / region (or
 * scope=NATIONAL) and late / underDelivered filters.
 */
export async function getCommitmentOverview(actor: Actor, options: Options = {}): Promise<CommitmentOverview> {
  const items = await scopedSummaries(actor, [], options.now ?? new Date());
  const byOperator = new Map<string, { operator: { slug: string; name: string }; items: CommitmentSummary[] }>();
  const byRegion = new Map<string, { region: PlaceRef | null; items: CommitmentSummary[] }>();
  for (const c of items) {
    const op = byOperator.get(c.operator.slug) ?? { operator: c.operator, items: [] };
    op.items.push(c);
    byOperator.set(c.operator.slug, op);
    const regions: (PlaceRef | null)[] = c.scope === 'NATIONAL' ? [null] : c.regions;
    for (const region of regions) {
      const key = region?.code ?? '';
      const row = byRegion.get(key) ?? { region, items: [] };
      row.items.push(c);
      byRegion.set(key, row);
    }
  }
  return {
    totals: counts(items),
    byOperator: [...byOperator.values()]
      .sort((a, b) => collator.compare(a.operator.name, b.operator.name))
      .map((o) => ({ operator: o.operator, ...counts(o.items) })),
    byRegion: [...byRegion.values()]
      .sort((a, b) => (a.region === null ? -1 : b.region === null ? 1 : collator.compare(a.region.name, b.region.name)))
      .map((r) => ({ region: r.region, ...counts(r.items) })),
  };
}

/* ------------------------------------------------------------------ one commitment */

const actionRefSelect = {
  id: true,
  number: true,
  title: true,
  status: true,
  archivedAt: true,
  territory: { select: { slug: true, name: true } },
} as const;

type ActionRefRow = Prisma.ActionGetPayload<{ select: typeof actionRefSelect }>;

const byTerritoryThenNumber = (a: ActionRefRow, b: ActionRefRow) =>
  collator.compare(a.territory.name, b.territory.name) || a.number - b.number;

function toActionRef(a: ActionRefRow): CommitmentActionRef {
  return {
    id: a.id,
    reference: `FA-${a.number}`,
    title: a.title,
    status: a.status,
    archived: a.archivedAt !== null,
    territory: { slug: a.territory.slug, name: a.territory.name },
  };
}

/** Minimal data for writes and permission checks; NOT_FOUND when absent or out of scope. */
export async function findVisibleCommitment(actor: Actor, id: string) {
  const row = await db.commitment.findFirst({
    where: { AND: [{ id }, await commitmentWhere(actor)] },
    select: { id: true, operatorId: true, scope: true, regionCode: true, territoryId: true, version: true, status: true },
  });
  if (!row) throw notFound('Engagement');
  return row;
}

/** One commitment with the linked actions the actor may read; NOT_FOUND when absent or out of scope. */
export async function getCommitment(actor: Actor, id: string, options: Options = {}): Promise<CommitmentDto> {
  return (await loadCommitment(actor, id, options)).commitment;
}

/** The commitment and, beside it, what the actor may do with it (for the pages). */
export async function getCommitmentView(
  actor: Actor,
  id: string,
  options: Options = {},
): Promise<{ commitment: CommitmentDto; permissions: CommitmentPermissions }> {
  const { commitment, operatorId } = await loadCommitment(actor, id, options);
  return { commitment, permissions: commitmentPermissions(actor, { operatorId }) };
}

async function loadCommitment(actor: Actor, id: string, options: Options): Promise<{ commitment: CommitmentDto; operatorId: string }> {
  const [scope, names] = await Promise.all([commitmentWhere(actor), regionNames()]);
  const row = await db.commitment.findFirst({
    where: { AND: [{ id }, scope] },
    select: {
      ...summarySelect(actor),
      description: true,
      actions: { where: visibleLinkWhere(actor), select: { action: { select: actionRefSelect } } },
    },
  });
  if (!row) throw notFound('Engagement');
  const commitment = {
    ...toSummary(row, names, options.now ?? new Date()),
    description: row.description,
    actions: row.actions
      .map((l) => l.action)
      .sort(byTerritoryThenNumber)
      .map(toActionRef),
  };
  return { commitment, operatorId: row.operatorId };
}

/** Who changed what on a commitment, and when: oldest first. NOT_FOUND when out of scope. */
export async function getCommitmentHistory(actor: Actor, id: string): Promise<CommitmentHistoryEntry[]> {
  await findVisibleCommitment(actor, id);
  const rows = await db.auditLog.findMany({
    where: { entityType: COMMITMENT_ENTITY, entityId: id },
    orderBy: { id: 'asc' },
    select: { id: true, at: true, operation: true, actorRole: true, entityVersion: true, before: true, after: true, actor: { select: { name: true } } },
  });
  const entries = rows.map((r) => ({
    row: r,
    before: (r.before as Record<string, unknown> | null) ?? {},
    after: (r.after as Record<string, unknown> | null) ?? {},
  }));
  const values = (field: string) =>
    entries.flatMap((e) => [e.before[field], e.after[field]]).filter((v): v is string => typeof v === 'string');
  // Names of the operators, regions and territories named in the trail (public reference data).
  const [operators, regions, territories] = await Promise.all([
    db.operator.findMany({ where: { slug: { in: values('operator') } }, select: { slug: true, name: true } }),
    db.region.findMany({ where: { code: { in: values('regionCode') } }, select: { code: true, name: true } }),
    db.territory.findMany({ where: { slug: { in: values('territory') } }, select: { slug: true, name: true } }),
  ]);
  const names = {
    operator: new Map(operators.map((o) => [o.slug, o.name])),
    regionCode: new Map(regions.map((r) => [r.code, r.name])),
    territory: new Map(territories.map((t) => [t.slug, t.name])),
  };
  const labels = COMMITMENT_FIELD_LABELS as Record<string, string>;
  let unit = '';
  return entries.map(({ row, before, after }) => {
    const fields = Object.keys(labels).filter((f) => f in before || f in after);
    const unitBefore = typeof before.unit === 'string' ? before.unit : unit;
    if (typeof after.unit === 'string') unit = after.unit;
    const text = (field: string, value: unknown, u: string): string => {
      if (value === null || value === undefined || value === '') return '—';
      if (field === 'actionIds') return Array.isArray(value) ? `${value.length} action${value.length > 1 ? 's' : ''}` : '—';
      if (field in names) return names[field as keyof typeof names].get(String(value)) ?? String(value);
      if (field === 'promised' || field === 'delivered') return typeof value === 'number' ? formatQuantity(value, u) : String(value);
      if (field === 'status') return COMMITMENT_STATUS_LABELS[value as CommitmentStatus] ?? String(value);
      if (field === 'scope') return COMMITMENT_SCOPE_LABELS[value as CommitmentScope] ?? String(value);
      if (field === 'axis') return AXIS_SHORT_LABELS[value as Axis] ?? String(value);
      if (field === 'dueDate') return formatDate(String(value));
      return String(value);
    };
    return {
      id: row.id.toString(),
      at: row.at.toISOString(),
      operation: row.operation,
      actor: row.actor ? { name: row.actor.name, role: row.actorRole } : null,
      version: row.entityVersion,
      changes: fields.map((field) => {
        // Linked action ids stay on the server: an action out of the reader's scope must not leak.
        const b = field === 'actionIds' ? (Array.isArray(before[field]) ? (before[field] as unknown[]).length : null) : (before[field] ?? null);
        const a = field === 'actionIds' ? (Array.isArray(after[field]) ? (after[field] as unknown[]).length : null) : (after[field] ?? null);
        return {
          field,
          label: labels[field] ?? field,
          before: b,
          after: a,
          beforeText: text(field, before[field], unitBefore),
          afterText: text(field, after[field], unit),
        };
      }),
    };
  });
}

/** The commitments (the actor may read) that fund an action; NOT_FOUND when the action is out of scope. */
export async function listCommitmentsForAction(actor: Actor, actionId: string, options: Options = {}): Promise<CommitmentSummary[]> {
  const action = await db.action.findFirst({ where: { id: actionId, territory: territoryWhere(actor) }, select: { id: true } });
  if (!action) throw notFound('Action');
  return scopedSummaries(actor, [{ actions: { some: { actionId } } }], options.now ?? new Date());
}

/* ------------------------------------------------------------------ writers' helpers */

/**
 * Where a commitment's funded actions may be: anywhere for a NATIONAL commitment, in the
 * region's territories for a REGION one, in the territory for a TERRITORY one. Combined
 * with the actor's scope by the callers.
 */
export function actionPlaceWhere(c: { scope: CommitmentScope; regionCode: string | null; territoryId: string | null }): Prisma.ActionWhereInput {
  switch (c.scope) {
    case 'REGION':
      return { territory: { regionCodes: { has: c.regionCode ?? '' } } };
    case 'TERRITORY':
      return { territoryId: c.territoryId ?? '' };
    default:
      return {};
  }
}

export interface LinkableTerritory {
  territory: { slug: string; name: string };
  actions: (CommitmentActionRef & { linked: boolean })[];
}

export interface LinkableActions {
  /** Territories where the commitment's actions may be (for the territory filter). */
  territories: { slug: string; name: string }[];
  groups: LinkableTerritory[];
  /** More actions match than are shown: narrow the filter. */
  truncated: boolean;
  /** Linked actions (visible to the actor) that the filter hides. */
  hiddenLinkedIds: string[];
}

/** Actions offered at once by the picker (50, as the committee picker: its page stays under 100 kB, issue 10): narrow the filter for more. */
export const LINKABLE_MAX = 50;

/**
 * The actions a commitment may fund, for the link picker (writers only): working-plan
 * actions in the commitment's place and the actor's scope, plus the ones already linked
 * (even archived since), grouped by territory, filtered by territory and title text.
 */
export async function listLinkableActions(actor: Actor, id: string, input: unknown = {}): Promise<LinkableActions> {
  const c = await findVisibleCommitment(actor, id);
  authorize(actor, 'commitment:manage', null);
  const filters = parseInput(linkableFiltersSchema, input ?? {});
  const place: Prisma.ActionWhereInput = { AND: [{ territory: territoryWhere(actor) }, actionPlaceWhere(c)] };
  const linked = await db.commitmentAction.findMany({ where: { commitmentId: id, ...visibleLinkWhere(actor) }, select: { actionId: true } });
  const linkedIds = new Set(linked.map((l) => l.actionId));
  const filter: Prisma.ActionWhereInput[] = [];
  if (filters.territory) filter.push({ territory: { slug: filters.territory } });
  if (filters.q) {
    const q = filters.q.replace(/[\\%_]/g, (ch) => `\\${ch}`);
    filter.push({ title: { contains: q, mode: 'insensitive' } });
  }
  const [territories, rows] = await Promise.all([
    db.territory.findMany({
      where: { AND: [territoryWhere(actor), { actions: { some: place } }] },
      orderBy: { name: 'asc' },
      select: { slug: true, name: true },
    }),
    db.action.findMany({
      where: {
        AND: [place, ...filter, { OR: [{ archivedAt: null }, { id: { in: [...linkedIds] } }] }],
      },
      orderBy: [{ territory: { name: 'asc' } }, { number: 'asc' }],
      take: LINKABLE_MAX + 1,
      select: actionRefSelect,
    }),
  ]);
  const shown = rows.slice(0, LINKABLE_MAX).sort(byTerritoryThenNumber);
  const groups = new Map<string, LinkableTerritory>();
  for (const row of shown) {
    const group = groups.get(row.territory.slug) ?? { territory: { slug: row.territory.slug, name: row.territory.name }, actions: [] };
    group.actions.push({ ...toActionRef(row), linked: linkedIds.has(row.id) });
    groups.set(row.territory.slug, group);
  }
  const shownIds = new Set(shown.map((r) => r.id));
  return {
    territories,
    groups: [...groups.values()],
    truncated: rows.length > LINKABLE_MAX,
    hiddenLinkedIds: [...linkedIds].filter((x) => !shownIds.has(x)),
  };
}

export interface CommitmentFormOptions {
  operators: { slug: string; name: string }[];
  regions: PlaceRef[];
  territories: { slug: string; name: string; regionCodes: string[] }[];
}

/** Choices of the commitment form (national staff only). */
export async function getCommitmentFormOptions(actor: Actor): Promise<CommitmentFormOptions> {
  authorize(actor, 'commitment:manage', null);
  const [operators, regions, territories] = await Promise.all([
    db.operator.findMany({ orderBy: { name: 'asc' }, select: { slug: true, name: true } }),
    db.region.findMany({ orderBy: { name: 'asc' }, select: { code: true, name: true } }),
    db.territory.findMany({ where: territoryWhere(actor), orderBy: { name: 'asc' }, select: { slug: true, name: true, regionCodes: true } }),
  ]);
  return { operators, regions, territories };
}

/** Operators and regions for the list filters (reference data, readable by every signed-in user). */
export async function getCommitmentFilterOptions(): Promise<{ operators: { slug: string; name: string }[]; regions: PlaceRef[] }> {
  const [operators, regions] = await Promise.all([
    db.operator.findMany({ orderBy: { name: 'asc' }, select: { slug: true, name: true } }),
    db.region.findMany({ orderBy: { name: 'asc' }, select: { code: true, name: true } }),
  ]);
  return { operators, regions };
}
