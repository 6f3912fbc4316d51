import { describe, expect, it } from 'vitest';
import { conflictAuthor, planConflict, readConflict, resolveConflict, type ConflictAdapter } from './conflict';

interface Dto {
  version: number;
  title: string;
  pilot: string;
  budgetCents: number | null;
  archivedAt: string | null;
}
interface V {
  title: string;
  pilot: string;
  budget: string;
}

const adapter: ConflictAdapter<V, Dto> = {
  entityKey: 'action',
  valuesFrom: (d) => ({ title: d.title, pilot: d.pilot, budget: d.budgetCents === null ? '' : String(d.budgetCents / 100) }),
  compare: (v, f) => (f === 'budgetCents' ? (v.budget === '' ? null : Number(v.budget)) : v[f as keyof V]),
  adopt: (v, from, f) => (f === 'budgetCents' ? { ...v, budget: from.budget } : { ...v, [f]: from[f as keyof V] }),
  display: (v, f) => (f === 'budgetCents' ? `${v.budget} €` : String(v[f as keyof V] ?? '—') || '—'),
  label: (f) => ({ title: 'Titre', pilot: 'Pilote', budgetCents: 'Budget', archivedAt: 'Archivage' })[f] ?? f,
  editable: (f) => f !== 'archivedAt',
};

const theirsDto: Dto = { version: 4, title: 'Titre B', pilot: 'Agglo', budgetCents: 500000, archivedAt: null };

describe('conflict panel logic', () => {
  it('reads the full 409 shape', () => {
    const c = readConflict<Dto>(
      {
        action: theirsDto,
        entity: 'Action',
        changedFields: ['title', 'pilot'],
        changedFieldLabels: ['Titre de l’action', 'Pilote'],
        baseVersion: 2,
        version: 4,
        changedBy: 'Camille Martin',
        changedAt: '2026-12-02T09:15:00.000Z',
      },
      'action',
      adapter.label,
    );
    expect(c).toMatchObject({ entity: 'Action', changedFieldLabels: ['Titre de l’action', 'Pilote'], baseVersion: 2, version: 4 });
    expect(conflictAuthor(c!)).toBe('par Camille Martin le 2 décembre 2026 à 10:15');
  });

  it('reads the older shape (no labels, no version) with the form’s labels and the DTO version', () => {
    const c = readConflict<Dto>({ action: theirsDto, changedFields: ['pilot'], baseVersion: 3 }, 'action', adapter.label);
    expect(c).toMatchObject({ changedFieldLabels: ['Pilote'], version: 4, changedBy: null, changedAt: null });
    expect(conflictAuthor(c!)).toBeNull();
    expect(readConflict({ commitment: {}, changedFields: [] }, 'action')).toBeNull();
    expect(readConflict(undefined, 'action')).toBeNull();
  });

  it('keeps by default what the person changed and takes the rest; reports non-editable fields', () => {
    const base: V = { title: 'Titre A', pilot: 'Commune', budget: '' };
    const mine: V = { title: 'Titre mien', pilot: 'Commune', budget: '5000' };
    const c = readConflict<Dto>({ action: theirsDto, changedFields: ['title', 'pilot', 'budgetCents', 'archivedAt'] }, 'action', adapter.label)!;
    const plan = planConflict(adapter, c, mine, base);
    expect(plan.choices).toEqual({ title: 'mine', pilot: 'theirs', budgetCents: 'theirs', archivedAt: 'theirs' });
    expect(plan.rows.map((r) => [r.field, r.mine, r.theirs, r.mineChanged, r.editable])).toEqual([
      ['title', 'Titre mien', 'Titre B', true, true],
      ['pilot', 'Commune', 'Agglo', false, true],
      // Typed the same value as saved: nothing to keep.
      ['budgetCents', '5000 €', '5000 €', false, true],
      ['archivedAt', '—', '—', false, false],
    ]);

    const resolved = resolveConflict(adapter, plan, mine);
    expect(resolved).toEqual({ values: { title: 'Titre mien', pilot: 'Agglo', budget: '5000' }, kept: ['title'], adopted: ['pilot', 'budgetCents'] });

    const theirsEverywhere = resolveConflict(adapter, plan, mine, { title: 'theirs', pilot: 'mine' });
    expect(theirsEverywhere.values).toEqual({ title: 'Titre B', pilot: 'Commune', budget: '5000' });
    expect(theirsEverywhere.kept).toEqual(['pilot']);
  });
});
