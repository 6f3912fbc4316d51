// A territory's geography is derived from its EPCI: the union of their
// départements and regions, and the sum of their populations. Kept pure so the
// seed, the imports and the admin screens compute it the same way.

export interface EpciGeography {
  departementCodes: string[];
  regionCodes: string[];
  population: number;
}

export type TerritoryGeography = EpciGeography;

const sortedUnique = (codes: Iterable<string>): string[] => [...new Set(codes)].sort();

export function deriveTerritoryGeography(epcis: readonly EpciGeography[]): TerritoryGeography {
  return {
    departementCodes: sortedUnique(epcis.flatMap((e) => e.departementCodes)),
    regionCodes: sortedUnique(epcis.flatMap((e) => e.regionCodes)),
    population: epcis.reduce((sum, e) => sum + e.population, 0),
  };
}
