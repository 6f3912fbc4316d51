// Official geography from @etalab/decoupage-administratif: regions, départements
// and EPCI (with the départements and regions their member communes lie in).
// Upserted in three statements, so it is idempotent and also refreshes names
// and populations when the package is upgraded.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Prisma, PrismaClient } from '../../lib/generated/prisma/client';

type Db = PrismaClient | Prisma.TransactionClient;

/** Overseas "collectivités" (zone `com`) are outside the programme: 18 regions, 101 départements. */
const PROGRAMME_ZONES = new Set(['metro', 'drom']);

interface SourceRegion {
  code: string;
  nom: string;
  zone: string;
}

interface SourceDepartement {
  code: string;
  nom: string;
  region: string;
  zone: string;
}

export interface SourceEpciMember {
  code: string;
  nom: string;
  populationTotale?: number;
  populationMunicipale?: number;
}

export interface SourceEpci {
  code: string; // SIREN
  nom: string;
  type: string; // CC, CA, CU, METRO, MET69
  populationTotale: number;
  populationMunicipale: number;
  membres: SourceEpciMember[];
}

interface SourceCommune {
  code: string;
  type: string; // commune-actuelle, commune-deleguee, commune-associee, arrondissement-municipal
  departement?: string;
  region?: string;
}

export interface GeographySource {
  regions: SourceRegion[];
  departements: SourceDepartement[];
  epcis: SourceEpci[];
  /** Current communes only (a code may also name a former or delegated commune). */
  communes: Map<string, { departement: string; region: string }>;
}

export interface EpciRow {
  siren: string;
  name: string;
  nature: string;
  population: number;
  communesCount: number;
  departementCodes: string[];
  regionCodes: string[];
}

const require = createRequire(import.meta.url);

export function readData<T>(file: string): T {
  // Inside the Next.js server bundle `require.resolve` yields a module id, not a
  // path: read from the project's node_modules first (the app runs from its root).
  const direct = path.join(process.cwd(), 'node_modules', '@etalab', 'decoupage-administratif', 'data', file);
  const location = fs.existsSync(direct) ? direct : require.resolve(`@etalab/decoupage-administratif/data/${file}`);
  return JSON.parse(fs.readFileSync(location, 'utf8')) as T;
}

let cached: GeographySource | undefined;

/** Parsed package data (read once per process; communes.json alone is 8 MB). */
export function readGeographySource(): GeographySource {
  if (cached) return cached;
  const communes = new Map<string, { departement: string; region: string }>();
  for (const c of readData<SourceCommune[]>('communes.json')) {
    // The same code can appear as a current commune and as a delegated/associated
    // one; only the current commune carries the authoritative département.
    if (c.type !== 'commune-actuelle' || !c.departement || !c.region) continue;
    communes.set(c.code, { departement: c.departement, region: c.region });
  }
  cached = {
    regions: readData<SourceRegion[]>('regions.json').filter((r) => PROGRAMME_ZONES.has(r.zone)),
    departements: readData<SourceDepartement[]>('departements.json').filter((d) => PROGRAMME_ZONES.has(d.zone)),
    epcis: readData<SourceEpci[]>('epci.json'),
    communes,
  };
  return cached;
}

/** EPCI rows as stored, with their geography derived from the member communes. */
export function epciRows(source: GeographySource = readGeographySource()): EpciRow[] {
  return source.epcis.map((e) => {
    const departements = new Set<string>();
    const regions = new Set<string>();
    for (const m of e.membres) {
      const commune = source.communes.get(m.code);
      if (!commune) throw new Error(`Commune ${m.code} (${m.nom}) de l'EPCI ${e.code} absente de communes.json`);
      departements.add(commune.departement);
      regions.add(commune.region);
    }
    return {
      siren: e.code,
      name: e.nom,
      nature: e.type,
      // INSEE's "population municipale" is the one meant to be added up (the
      // "population totale" counts some people in two communes).
      population: e.populationMunicipale,
      communesCount: e.membres.length,
      departementCodes: [...departements].sort(),
      regionCodes: [...regions].sort(),
    };
  });
}

export interface GeographyCounts {
  regions: number;
  departements: number;
  epcis: number;
}

/** Upserts all regions, départements and EPCI (about 1 s). */
export async function loadGeography(db: Db): Promise<GeographyCounts> {
  const source = readGeographySource();
  const regions = source.regions.map((r) => ({ code: r.code, name: r.nom }));
  const departements = source.departements.map((d) => ({ code: d.code, name: d.nom, regionCode: d.region }));
  const epcis = epciRows(source);

  // One statement per table: JSON in, rows out, conflicts update in place.
  await db.$executeRaw`
    INSERT INTO "Region" ("code", "name")
    SELECT "code", "name" FROM json_populate_recordset(NULL::"Region", ${JSON.stringify(regions)}::json)
    ON CONFLICT ("code") DO UPDATE SET "name" = EXCLUDED."name"`;
  await db.$executeRaw`
    INSERT INTO "Departement" ("code", "name", "regionCode")
    SELECT "code", "name", "regionCode"
    FROM json_populate_recordset(NULL::"Departement", ${JSON.stringify(departements)}::json)
    ON CONFLICT ("code") DO UPDATE SET "name" = EXCLUDED."name", "regionCode" = EXCLUDED."regionCode"`;
  await db.$executeRaw`
    INSERT INTO "Epci" ("siren", "name", "nature", "population", "communesCount", "departementCodes", "regionCodes")
    SELECT "siren", "name", "nature", "population", "communesCount", "departementCodes", "regionCodes"
    FROM json_populate_recordset(NULL::"Epci", ${JSON.stringify(epcis)}::json)
    ON CONFLICT ("siren") DO UPDATE SET
      "name" = EXCLUDED."name",
      "nature" = EXCLUDED."nature",
      "population" = EXCLUDED."population",
      "communesCount" = EXCLUDED."communesCount",
      "departementCodes" = EXCLUDED."departementCodes",
      "regionCodes" = EXCLUDED."regionCodes"`;
  return { regions: regions.length, departements: departements.length, epcis: epcis.length };
}
