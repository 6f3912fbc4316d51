// Reading territories, always within the actor's scope (out of scope = not found).
import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { can, territoryScope, territoryWhere, tierOf, LOCAL_ROLES, type Actor } from '@/lib/authz/policy';
import type { Role, TerritoryPhase, TerritoryStatus } from '@/lib/generated/prisma/enums';
import type { Prisma } from '@/lib/generated/prisma/client';
import { clampPage } from '@/lib/pagination';
import { cachedByDataVersion } from '@/lib/cache/data-version';

export interface PlaceRef {
  code: string;
  name: string;
}

export interface TerritorySummary {
  slug: string;
  name: string;
  officialId: string | null;
  phase: TerritoryPhase;
  status: TerritoryStatus;
  population: number;
  regions: PlaceRef[];
  departements: PlaceRef[];
  epciCount: number;
  actionCount: number;
}

export interface GovernanceMember {
  name: string;
  email: string;
  role: Role;
  title: string | null;
}

export interface TerritoryDetail extends Omit<TerritorySummary, 'epciCount'> {
  id: string;
  compositionIllustrative: boolean;
  epcis: { siren: string; name: string; nature: string; population: number; communesCount: number; departementCodes: string[] }[];
  governance: GovernanceMember[];
  regionalCopilots: GovernanceMember[];
}

async function placeNames(regionCodes: string[], departementCodes: string[]) {
  const [regions, departements] = await Promise.all([
    db.region.findMany({ where: { code: { in: regionCodes } }, select: { code: true, name: true } }),
    db.departement.findMany({ where: { code: { in: departementCodes } }, select: { code: true, name: true } }),
  ]);
  return {
    region: new Map(regions.map((r) => [r.code, r.name])),
    departement: new Map(departements.map((d) => [d.code, d.name])),
  };
}

const toRefs = (codes: string[], names: Map<string, string>): PlaceRef[] =>
  codes.map((code) => ({ code, name: names.get(code) ?? code }));

export async function listTerritories(
  actor: Actor,
  filters: { regionCode?: string } = {},
): Promise<TerritorySummary[]> {
  return territorySummaries(territoryListWhere(actor, filters), { name: 'asc' });
}

function territoryListWhere(actor: Actor, filters: { regionCode?: string }): Prisma.TerritoryWhereInput {
  return { AND: [territoryWhere(actor), filters.regionCode ? { regionCodes: { has: filters.regionCode } } : {}] };
}

export const TERRITORY_SORTS = ['name', 'actions', 'epcis', 'population'] as const;
export type TerritorySort = (typeof TERRITORY_SORTS)[number];

/** One page of the territories in scope, sorted by a known key (page past the end → the last page). */
export async function listTerritoriesPage(
  actor: Actor,
  options: { page: number; pageSize: number; sort?: string },
): Promise<{ total: number; page: number; pageSize: number; sort: TerritorySort; items: TerritorySummary[] }> {
  const sort: TerritorySort = (TERRITORY_SORTS as readonly string[]).includes(options.sort ?? '') ? (options.sort as TerritorySort) : 'name';
  // Read once per data version (territories, their EPCI, actions and place names bump
  // it, ADR 0026), keyed by the scope, the page and the sort.
  const key = JSON.stringify([territoryScope(actor), options.page, options.pageSize, sort]);
  return cachedByDataVersion('territory-list', key, async () => {
    const where = territoryListWhere(actor, {});
    const order: Prisma.TerritoryOrderByWithRelationInput[] =
      sort === 'actions'
        ? [{ actions: { _count: 'desc' } }, { name: 'asc' }]
        : sort === 'epcis'
          ? [{ epcis: { _count: 'desc' } }, { name: 'asc' }]
          : sort === 'population'
            ? [{ population: 'desc' }, { name: 'asc' }]
            : [{ name: 'asc' }];
    const total = await db.territory.count({ where });
    const page = clampPage(options.page, total, options.pageSize);
    const items = await territorySummaries(where, [...order, { id: 'asc' }], { skip: (page - 1) * options.pageSize, take: options.pageSize });
    return { total, page, pageSize: options.pageSize, sort, items };
  });
}

async function territorySummaries(
  where: Prisma.TerritoryWhereInput,
  orderBy: Prisma.TerritoryOrderByWithRelationInput | Prisma.TerritoryOrderByWithRelationInput[],
  page?: { skip: number; take: number },
): Promise<TerritorySummary[]> {
  const rows = await db.territory.findMany({
    where,
    orderBy,
    ...page,
    select: {
      slug: true,
      name: true,
      officialId: true,
      phase: true,
      status: true,
      population: true,
      regionCodes: true,
      departementCodes: true,
      _count: { select: { epcis: true, actions: { where: { archivedAt: null } } } },
    },
  });
  const names = await placeNames(
    [...new Set(rows.flatMap((r) => r.regionCodes))],
    [...new Set(rows.flatMap((r) => r.departementCodes))],
  );
  return rows.map((r) => ({
    slug: r.slug,
    name: r.name,
    officialId: r.officialId,
    phase: r.phase,
    status: r.status,
    population: r.population,
    regions: toRefs(r.regionCodes, names.region),
    departements: toRefs(r.departementCodes, names.departement),
    epciCount: r._count.epcis,
    actionCount: r._count.actions,
  }));
}

/** The territory with its EPCI and governance; NOT_FOUND when absent or out of scope. */
export async function getTerritory(actor: Actor, slug: string): Promise<TerritoryDetail> {
  // The page of a territory, read once per data version (every table below bumps it,
  // ADR 0026) and shared by the actors who may read it: the scope is checked in memory.
  const t = await cachedByDataVersion('territory-detail', slug, () => loadTerritoryDetail(slug));
  if (!t || !can(actor, 'territory:read', { territoryId: t.id, regionCodes: t.regions.map((r) => r.code) })) throw notFound('Territoire');
  return t;
}

async function loadTerritoryDetail(slug: string): Promise<TerritoryDetail | null> {
  const t = await db.territory.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      officialId: true,
      phase: true,
      status: true,
      population: true,
      compositionIllustrative: true,
      regionCodes: true,
      departementCodes: true,
      _count: { select: { actions: { where: { archivedAt: null } } } },
      epcis: {
        select: {
          epci: {
            select: { siren: true, name: true, nature: true, population: true, communesCount: true, departementCodes: true },
          },
        },
        orderBy: { epci: { name: 'asc' } },
      },
      memberships: {
        where: { role: { in: [...LOCAL_ROLES] }, user: { active: true } },
        select: { role: true, title: true, user: { select: { name: true, email: true } } },
      },
    },
  });
  if (!t) return null;
  const [names, copilots] = await Promise.all([
    placeNames(t.regionCodes, t.departementCodes),
    db.membership.findMany({
      where: { role: { in: ['REGIONAL_STATE', 'REGIONAL_COUNCIL'] }, regionCode: { in: t.regionCodes }, user: { active: true } },
      select: { role: true, title: true, user: { select: { name: true, email: true } } },
    }),
  ]);
  const roleOrder: Role[] = ['ELECTED_OFFICIAL', 'INDUSTRIALIST', 'PROJECT_LEAD', 'REGIONAL_STATE', 'REGIONAL_COUNCIL'];
  const member = (m: { role: Role; title: string | null; user: { name: string; email: string } }) => ({
    name: m.user.name,
    email: m.user.email,
    role: m.role,
    title: m.title,
  });
  const byRole = (a: GovernanceMember, b: GovernanceMember) => roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role);
  return {
    id: t.id,
    slug: t.slug,
    name: t.name,
    officialId: t.officialId,
    phase: t.phase,
    status: t.status,
    population: t.population,
    compositionIllustrative: t.compositionIllustrative,
    regions: toRefs(t.regionCodes, names.region),
    departements: toRefs(t.departementCodes, names.departement),
    actionCount: t._count.actions,
    epcis: t.epcis.map((e) => e.epci),
    governance: t.memberships.map(member).sort(byRole),
    regionalCopilots: copilots.map(member).sort(byRole),
  };
}

/** Minimal scope data used by the policy; NOT_FOUND when absent or out of scope. */
export async function getTerritoryRef(actor: Actor, slug: string) {
  // Read once per data version (Territory bumps it, ADR 0026), then the scope is checked
  // in memory by the same rule as territoryWhere: out of scope is not found.
  const t = await cachedByDataVersion('territory-ref', slug, () =>
    db.territory.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, regionCodes: true, status: true } }),
  );
  if (!t || !can(actor, 'territory:read', { territoryId: t.id, regionCodes: t.regionCodes })) throw notFound('Territoire');
  return t;
}

/** A region the actor may read; NOT_FOUND when absent or out of scope. */
export async function getRegion(actor: Actor, code: string) {
  if (!can(actor, 'region:read', { regionCode: code })) throw notFound('Région');
  // Regions bump the data version: the name is read once per version (ADR 0023).
  const region = await cachedByDataVersion('region', code, () => db.region.findUnique({ where: { code }, select: { code: true, name: true } }));
  if (!region) throw notFound('Région');
  return region;
}

export async function listRegions() {
  return cachedByDataVersion('regions', '', () => db.region.findMany({ orderBy: { name: 'asc' }, select: { code: true, name: true } }));
}

/** Where each tier lands after sign-in. */
export async function homePathFor(actor: Actor): Promise<string> {
  const tier = tierOf(actor);
  if (tier === 'national' || tier === 'operator') return '/programme';
  if (tier === 'regional') {
    const code = actor.memberships.find((m) => m.regionCode)?.regionCode;
    return code ? `/regions/${code}` : '/territoires';
  }
  if (tier === 'local') {
    // The session's actor load already read the slug (lib/users/queries.ts): no query.
    const known = (actor as { homeTerritorySlug?: string | null }).homeTerritorySlug;
    if (known !== undefined) return known ? `/territoires/${known}` : '/territoires';
    const territoryId = actor.memberships.find((m) => m.territoryId)?.territoryId;
    const t = territoryId
      ? await db.territory.findUnique({ where: { id: territoryId }, select: { slug: true } })
      : null;
    return t ? `/territoires/${t.slug}` : '/territoires';
  }
  return '/sans-role';
}
