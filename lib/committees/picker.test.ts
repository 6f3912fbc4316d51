import { describe, expect, it } from 'vitest';
import { PICKER_RESULTS, pickActions, searchActionGroups } from './picker';
import type { LinkableTerritory } from './queries';

const action = (n: number, title: string) => ({ id: `a${n}`, reference: `FA-${n}`, title, status: 'IN_PROGRESS' as const, archived: false, territory: { slug: 'x', name: 'x' } });
const groups: LinkableTerritory[] = [
  { territory: { slug: 'ariege', name: 'Ariège' }, actions: Array.from({ length: 40 }, (_, i) => action(i + 1, `Élan industriel ${i + 1}`)) },
  { territory: { slug: 'tarn', name: 'Tarn Nord' }, actions: Array.from({ length: 30 }, (_, i) => action(100 + i, `Friche ${i}`)) },
];

describe('committee action picker', () => {
  it('offers at most PICKER_RESULTS actions, in list order, and says how many match', () => {
    const all = searchActionGroups(groups, '');
    expect(all.total).toBe(70);
    expect(all.shown).toBe(PICKER_RESULTS);
    expect(all.groups.map((g) => [g.territory.slug, g.actions.length])).toEqual([
      ['ariege', 40],
      ['tarn', PICKER_RESULTS - 40],
    ]);
  });

  it('matches reference, title words and territory, case and accents ignored', () => {
    expect(searchActionGroups(groups, 'elan').total).toBe(40);
    expect(searchActionGroups(groups, 'TARN').total).toBe(30);
    expect(searchActionGroups(groups, 'fa-10').groups.flatMap((g) => g.actions.map((a) => a.reference))).toEqual(['FA-10', 'FA-100', 'FA-101', 'FA-102', 'FA-103', 'FA-104', 'FA-105', 'FA-106', 'FA-107', 'FA-108', 'FA-109']);
    expect(searchActionGroups(groups, 'rien')).toEqual({ groups: [], shown: 0, total: 0 });
  });

  it('describes the selection, whatever the filter', () => {
    expect(pickActions(groups, ['a120', 'a2']).map((g) => g.actions.map((a) => a.id))).toEqual([['a2'], ['a120']]);
  });
});
