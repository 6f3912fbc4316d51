import { describe, it, expect } from 'vitest';
import { deriveTerritoryGeography } from './composition';

describe('deriveTerritoryGeography', () => {
  it('returns empty codes and zero population for no EPCI', () => {
    expect(deriveTerritoryGeography([])).toEqual({ departementCodes: [], regionCodes: [], population: 0 });
  });

  it('unions départements and regions, sorted and without duplicates, and sums populations', () => {
    // Castres - Revel - Castelnaudary: EPCI from the Tarn, the Aude and the Haute-Garonne.
    const result = deriveTerritoryGeography([
      { departementCodes: ['81'], regionCodes: ['76'], population: 80_000 },
      { departementCodes: ['11', '31', '81'], regionCodes: ['76'], population: 22_000 },
      { departementCodes: ['11'], regionCodes: ['76'], population: 28_000 },
    ]);
    expect(result).toEqual({ departementCodes: ['11', '31', '81'], regionCodes: ['76'], population: 130_000 });
  });

  it('keeps every region of a territory crossing a regional border', () => {
    // Lacq-Pau-Tarbes: Pyrénées-Atlantiques (Nouvelle-Aquitaine) and Hautes-Pyrénées (Occitanie).
    const result = deriveTerritoryGeography([
      { departementCodes: ['65'], regionCodes: ['76'], population: 130_000 },
      { departementCodes: ['64'], regionCodes: ['75'], population: 170_000 },
    ]);
    expect(result.regionCodes).toEqual(['75', '76']);
    expect(result.departementCodes).toEqual(['64', '65']);
  });

  it('orders Corsican and overseas codes deterministically', () => {
    const result = deriveTerritoryGeography([
      { departementCodes: ['2B', '971'], regionCodes: ['94', '01'], population: 1 },
      { departementCodes: ['2A', '21'], regionCodes: ['27'], population: 2 },
    ]);
    expect(result.departementCodes).toEqual(['21', '2A', '2B', '971']);
    expect(result.regionCodes).toEqual(['01', '27', '94']);
  });

  it('does not modify its input', () => {
    const epci = { departementCodes: ['81', '11'], regionCodes: ['76'], population: 5 };
    deriveTerritoryGeography([epci]);
    expect(epci.departementCodes).toEqual(['81', '11']);
  });
});
