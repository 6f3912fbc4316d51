// Administration of territories: name, phase, status, official id and EPCI composition.
// National administrators only; every write is audited. The slug never changes (it is
// in every link and API path). Départements, regions and population are derived from
// the EPCI (lib/territories/composition.ts), so the regional scoping follows the
// composition at once.
import { db } from '@/lib/db';
import { conflict, invalid, notFound } from '@/lib/errors';
import { authorize, type Actor } from '@/lib/authz/policy';
import { parseInput } from '@/lib/validation';
import { versionedEntity, versionedWrite } from '@/lib/versioning';
import { Prisma } from '@/lib/generated/prisma/client';
import type { TerritoryPhase, TerritoryStatus } from '@/lib/generated/prisma/enums';
import { deriveTerritoryGeography } from '@/lib/territories/composition';
import { listTerritories, type PlaceRef, type TerritorySummary } from '@/lib/territories/queries';
import { territoryUpdateSchema } from './schemas';
import { fold } from '@/lib/fold';

export interface AdminEpci {
  siren: string;
  name: string;
  nature: string;
  population: number;
  departementCodes: string[];
  regionCodes: string[];
}

export interface AdminTerritory {
  id: string;
  slug: string;
  name: string;
  officialId: string | null;
  phase: TerritoryPhase;
  status: TerritoryStatus;
  compositionIllustrative: boolean;
  population: number;
  regions: PlaceRef[];
  departements: PlaceRef[];
  epcis: AdminEpci[];
  updatedAt: string;
  /** Base version for an edit (ADR 0021). */
  version: number;
}

export interface EpciMatch extends AdminEpci {
  /** Territories this EPCI already belongs to. */
  territories: { slug: string; name: string }[];
}

const epciSelect = {
  siren: true,
  name: true,
  nature: true,
  population: true,
  departementCodes: true,
  regionCodes: true,
} as const;

const territorySelect = {
  id: true,
  slug: true,
  name: true,
  officialId: true,
  phase: true,
  status: true,
  compositionIllustrative: true,
  population: true,
  regionCodes: true,
  departementCodes: true,
  updatedAt: true,
  version: true,
  epcis: { select: { epci: { select: epciSelect } }, orderBy: { epci: { name: 'asc' } } },
} as const satisfies Prisma.TerritorySelect;

type TerritoryRow = Prisma.TerritoryGetPayload<{ select: typeof territorySelect }>;
type Client = Pick<typeof db, 'territory' | 'region' | 'departement'>;

async function toDto(client: Client, t: TerritoryRow): Promise<AdminTerritory> {
  // Sequential: inside a transaction the queries share one connection.
  const regions = await client.region.findMany({ where: { code: { in: t.regionCodes } }, select: { code: true, name: true } });
  const departements = await client.departement.findMany({
    where: { code: { in: t.departementCodes } },
    select: { code: true, name: true },
  });
  const name = (list: PlaceRef[], code: string) => list.find((p) => p.code === code)?.name ?? code;
  return {
    id: t.id,
    slug: t.slug,
    name: t.name,
    officialId: t.officialId,
    phase: t.phase,
    status: t.status,
    compositionIllustrative: t.compositionIllustrative,
    population: t.population,
    regions: t.regionCodes.map((code) => ({ code, name: name(regions, code) })),
    departements: t.departementCodes.map((code) => ({ code, name: name(departements, code) })),
    epcis: t.epcis.map((e) => e.epci),
    updatedAt: t.updatedAt.toISOString(),
    version: t.version,
  };
}

/** Every territory (administrators see the whole programme), optionally filtered by name. */
export async function listAdminTerritories(actor: Actor, q?: string): Promise<TerritorySummary[]> {
  authorize(actor, 'admin:manage', null);
  const all = await listTerritories(actor);
  const needle = fold(q?.trim() ?? '');
  if (!needle) return all;
  return all.filter((t) => fold(`${t.name} ${t.officialId ?? ''} ${t.slug}`).includes(needle));
}

export async function getAdminTerritory(actor: Actor, slug: string): Promise<AdminTerritory> {
  authorize(actor, 'admin:manage', null);
  const t = await db.territory.findUnique({ where: { slug }, select: territorySelect });
  if (!t) throw notFound('Territoire');
  return toDto(db, t);
}

/** EPCI by name or SIREN, to help compose a territory (20 at most). */
export async function searchEpcis(actor: Actor, q: string): Promise<EpciMatch[]> {
  authorize(actor, 'admin:manage', null);
  const needle = q.trim().slice(0, 200);
  if (needle.length < 2) return [];
  const rows = await db.epci.findMany({
    where: /^[0-9]+$/.test(needle)
      ? { siren: { startsWith: needle } }
      : { name: { contains: needle.replace(/[\\%_]/g, (c) => `\\${c}`), mode: 'insensitive' } },
    orderBy: { name: 'asc' },
    take: 20,
    select: { ...epciSelect, territories: { select: { territory: { select: { slug: true, name: true } } } } },
  });
  return rows.map(({ territories, ...e }) => ({ ...e, territories: territories.map((t) => t.territory) }));
}

type Snapshot = {
  name: string;
  phase: TerritoryPhase;
  status: TerritoryStatus;
  officialId: string | null;
  epcis: string[];
  departementCodes: string[];
  regionCodes: string[];
  population: number;
};

const snapshotOf = (t: TerritoryRow): Snapshot => ({
  name: t.name,
  phase: t.phase,
  status: t.status,
  officialId: t.officialId,
  epcis: t.epcis.map((e) => e.epci.siren).sort(),
  departementCodes: t.departementCodes,
  regionCodes: t.regionCodes,
  population: t.population,
});

const officialIdTaken = (officialId: string) =>
  conflict(`L’identifiant officiel « ${officialId} » est déjà celui d’un autre territoire.`);

/** The administered fields of a territory, in the order of its form, and their labels. */
const TERRITORY_FIELDS = ['name', 'officialId', 'phase', 'status', 'epcis', 'departementCodes', 'regionCodes', 'population'] as const;
type TerritoryField = (typeof TERRITORY_FIELDS)[number];

/** How a territory is versioned (ADR 0021): no more last-write-wins in the administration. */
export const TERRITORY_VERSIONING = versionedEntity<TerritoryField>({
  entity: 'Territory',
  key: 'territory',
  fields: TERRITORY_FIELDS,
  labels: {
    name: 'Nom',
    officialId: 'Identifiant officiel',
    phase: 'Phase',
    status: 'Statut',
    epcis: 'Composition (EPCI)',
    departementCodes: 'Départements',
    regionCodes: 'Régions',
    population: 'Population',
  },
  wording: { subject: 'Ce territoire', feminine: false },
  what: 'Territoire',
});

/**
 * Edits a territory. `epcis` (SIREN list) replaces the composition; départements,
 * regions and population are recomputed from it. `version` is the base version
 * (lib/versioning): a stale one is the one CONFLICT; the server action requires it.
 */
export async function updateTerritory(actor: Actor, slug: string, input: unknown): Promise<AdminTerritory> {
  authorize(actor, 'admin:manage', null);
  const { version, ...data } = parseInput(territoryUpdateSchema, input);
  const ref = await db.territory.findUnique({ where: { slug }, select: { id: true, programmePhase: true } });
  if (!ref) throw notFound('Territoire');
  try {
    await versionedWrite(TERRITORY_VERSIONING, {
      actor,
      id: ref.id,
      baseVersion: version ?? null,
      operation: 'update',
      territoryId: ref.id,
      snapshot: async (tx) => snapshotOf(await tx.territory.findUniqueOrThrow({ where: { id: ref.id }, select: territorySelect })),
      current: () => getAdminTerritory(actor, slug),
      write: async (tx) => {
        if (data.officialId) {
          const other = await tx.territory.findFirst({
            // Official ids are unique within a programme phase (ids were reused across phases).
            where: { officialId: data.officialId, programmePhase: ref.programmePhase, id: { not: ref.id } },
            select: { id: true },
          });
          if (other) throw officialIdTaken(data.officialId);
        }
        let geography = {};
        if (data.epcis) {
          const epcis = await tx.epci.findMany({
            where: { siren: { in: data.epcis } },
            select: { siren: true, departementCodes: true, regionCodes: true, population: true },
          });
          const known = new Set(epcis.map((e) => e.siren));
          const unknown = data.epcis.filter((s) => !known.has(s));
          if (unknown.length) {
            throw invalid({
              epcis: [`${unknown.length > 1 ? 'EPCI inconnus' : 'EPCI inconnu'} de la géographie officielle : ${unknown.join(', ')}.`],
            });
          }
          geography = deriveTerritoryGeography(epcis);
          await tx.territoryEpci.deleteMany({ where: { territoryId: ref.id } });
          await tx.territoryEpci.createMany({ data: data.epcis.map((epciSiren) => ({ territoryId: ref.id, epciSiren })) });
        }
        await tx.territory.update({
          where: { id: ref.id },
          data: {
            ...(data.name !== undefined && { name: data.name }),
            ...(data.phase !== undefined && { phase: data.phase }),
            ...(data.status !== undefined && { status: data.status }),
            ...(data.officialId !== undefined && { officialId: data.officialId }),
            ...geography,
          },
        });
      },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002' && data.officialId) {
      throw officialIdTaken(data.officialId);
    }
    throw error;
  }
  return getAdminTerritory(actor, slug);
}
