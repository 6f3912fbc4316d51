// Search across territories, actions and commitments, always within the caller's
// scope (STYLE §3): what the caller may not read is simply not found.
import { db } from '@/lib/db';
import { territoryScope, territoryWhere, tierOf, type Actor } from '@/lib/authz/policy';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ActionStatus, CommitmentScope, CommitmentStatus, TerritoryStatus } from '@/lib/generated/prisma/enums';
import { parseInput } from '@/lib/validation';
import { SEARCH_LIMITS, searchQuerySchema } from './schemas';

export interface TerritoryHit {
  slug: string;
  name: string;
  officialId: string | null;
  status: TerritoryStatus;
  departementCodes: string[];
  regionCodes: string[];
}

export interface ActionHit {
  id: string;
  /** "FA-12": unique within its territory. */
  reference: string;
  title: string;
  status: ActionStatus;
  archived: boolean;
  territory: { slug: string; name: string };
}

export interface CommitmentHit {
  id: string;
  title: string;
  scope: CommitmentScope;
  status: CommitmentStatus;
  operator: { slug: string; name: string };
  region: { code: string; name: string } | null;
  territory: { slug: string; name: string } | null;
}

export interface SearchResults {
  territories: TerritoryHit[];
  actions: ActionHit[];
  commitments: CommitmentHit[];
}

/**
 * Commitments the actor may read: national staff and operators all of them; the
 * others the national ones, those of their regions (a copilot's region, or the
 * regions of a local team's territory) and those of the territories they may read.
 * Null when the actor reads none (no role).
 */
export async function commitmentWhere(actor: Actor): Promise<Prisma.CommitmentWhereInput | null> {
  const tier = tierOf(actor);
  if (tier === 'none') return null;
  const scope = territoryScope(actor);
  if (scope.all) return {};
  const local = scope.territoryIds.length
    ? await db.territory.findMany({ where: { id: { in: scope.territoryIds } }, select: { regionCodes: true } })
    : [];
  const regionCodes = [...new Set([...scope.regionCodes, ...local.flatMap((t) => t.regionCodes)])];
  return {
    OR: [
      { scope: 'NATIONAL' },
      { scope: 'REGION', regionCode: { in: regionCodes } },
      { scope: 'TERRITORY', territory: territoryWhere(actor) },
    ],
  };
}

/**
 * Case-insensitive search of territory names, action titles and descriptions, and
 * commitment titles, descriptions and operator names; 20 results of each kind at most.
 * `q` must be 2 to 200 characters long (INVALID otherwise).
 */
export async function search(actor: Actor, q: string): Promise<SearchResults> {
  const { q: query } = parseInput(searchQuerySchema, { q });
  // LIKE wildcards typed by the user are searched literally.
  const contains = { contains: query.replace(/[\\%_]/g, (c) => `\\${c}`), mode: 'insensitive' } as const;
  const take = SEARCH_LIMITS.perKind;
  if (tierOf(actor) === 'none') return { territories: [], actions: [], commitments: [] };
  const commitmentScope = await commitmentWhere(actor);

  const [territories, actions, commitments] = await Promise.all([
    db.territory.findMany({
      where: { AND: [territoryWhere(actor), { OR: [{ name: contains }, { officialId: contains }] }] },
      orderBy: { name: 'asc' },
      take,
      select: { slug: true, name: true, officialId: true, status: true, departementCodes: true, regionCodes: true },
    }),
    db.action.findMany({
      where: { AND: [{ territory: territoryWhere(actor) }, { OR: [{ title: contains }, { description: contains }] }] },
      // Working-plan actions before archived ones.
      orderBy: [{ archivedAt: { sort: 'desc', nulls: 'first' } }, { title: 'asc' }, { id: 'asc' }],
      take,
      select: {
        id: true,
        number: true,
        title: true,
        status: true,
        archivedAt: true,
        territory: { select: { slug: true, name: true } },
      },
    }),
    commitmentScope
      ? db.commitment.findMany({
          where: {
            AND: [
              commitmentScope,
              { OR: [{ title: contains }, { description: contains }, { operator: { name: contains } }] },
            ],
          },
          orderBy: [{ title: 'asc' }, { id: 'asc' }],
          take,
          select: {
            id: true,
            title: true,
            scope: true,
            status: true,
            operator: { select: { slug: true, name: true } },
            region: { select: { code: true, name: true } },
            territory: { select: { slug: true, name: true } },
          },
        })
      : Promise.resolve([]),
  ]);

  return {
    territories,
    actions: actions.map((a) => ({
      id: a.id,
      reference: `FA-${a.number}`,
      title: a.title,
      status: a.status,
      archived: a.archivedAt !== null,
      territory: a.territory,
    })),
    commitments,
  };
}
