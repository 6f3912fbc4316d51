// Earlier commune codes resolve through @etalab/decoupage-administratif's own history.
import { describe, expect, it } from 'vitest';
import { buildCommuneHistory, communeHistory } from './commune-history';

describe('commune history of the official geography (package data)', () => {
  const h = communeHistory();

  it('a current commune resolves to itself', () => {
    expect(h.resolve('81060')).toEqual({ code: '81060', name: 'Carmaux', via: 'current' });
  });

  it('a former commune now "déléguée" resolves to its chef-lieu', () => {
    expect(h.resolve('64541')).toMatchObject({ code: '64300', name: 'Lacq', via: 'commune-deleguee', formerName: 'Urdès' });
  });

  it('a code kept only in the anciensCodes of a current commune resolves to it', () => {
    expect(h.resolve('95282')).toMatchObject({ code: '95169', name: 'Commeny', via: 'ancien-code' });
    expect(h.resolve('42072')).toMatchObject({ code: '42217', name: 'La Côte-Saint-Didier', via: 'ancien-code' });
  });

  it('a "commune associée" resolves to its chef-lieu, an arrondissement to its commune', () => {
    expect(h.resolve('01120')).toMatchObject({ code: '01262', via: 'commune-associee', formerName: 'Cordieux' });
    expect(h.resolve('13201')).toMatchObject({ code: '13055', via: 'arrondissement' });
  });

  it('an unknown code resolves to nothing', () => {
    expect(h.resolve('99999')).toBeNull();
  });

  it('a groupement SIREN: an EPCI, an EPT of Grand Paris (its EPCI), a commune (its EPCI)', () => {
    expect(h.epcisOfGroup('248100737')).toEqual({ sirens: ['248100737'], kind: 'epci' });
    expect(h.epcisOfGroup('200057990')).toEqual({ sirens: ['200054781'], kind: 'ept' });
    const beissat = h.epcisOfGroup('212301907');
    expect(beissat?.kind).toBe('commune');
    expect(beissat?.sirens).toHaveLength(1);
    expect(h.epcisOfGroup('999999999')).toBeNull();
  });
});

describe('commune history rules (small source)', () => {
  const h = buildCommuneHistory({
    communes: [
      { code: '00001', nom: 'Nouvelle', type: 'commune-actuelle', anciensCodes: ['00003'], siren: '210000001' },
      { code: '00002', nom: 'Ancienne', type: 'commune-deleguee', chefLieu: '00001' },
      // A delegated commune whose chef-lieu has itself merged: followed to the end.
      { code: '00004', nom: 'Très ancienne', type: 'commune-associee', chefLieu: '00002' },
      // A loop in the data resolves to nothing rather than spinning.
      { code: '00005', nom: 'Boucle A', type: 'commune-deleguee', chefLieu: '00006' },
      { code: '00006', nom: 'Boucle B', type: 'commune-deleguee', chefLieu: '00005' },
    ],
    epcis: [{ code: '200000001', nom: 'CC Test', membres: [{ code: '00001' }] }],
    epts: [],
  });
  it('follows chef-lieu and anciensCodes, stops on loops', () => {
    expect(h.resolve('00002')).toMatchObject({ code: '00001', via: 'commune-deleguee' });
    expect(h.resolve('00003')).toMatchObject({ code: '00001', via: 'ancien-code' });
    expect(h.resolve('00004')).toMatchObject({ code: '00001', via: 'commune-associee', formerName: 'Très ancienne' });
    expect(h.resolve('00005')).toBeNull();
    expect(h.epciOf('00001')).toBe('200000001');
    expect(h.epcisOfGroup('210000001')).toEqual({ sirens: ['200000001'], kind: 'commune' });
  });
});
