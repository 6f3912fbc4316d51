import { describe, expect, it } from 'vitest';
import type { ActionDto } from '@/lib/actions/dto';
import { compareSnapshots } from './diff';

const base: ActionDto = {
  id: 'a1',
  number: 1,
  reference: 'FA-1',
  territory: { slug: 't', name: 'T' },
  version: 1,
  position: 1,
  title: 'Plateforme de formation',
  description: '',
  objectives: '',
  axes: ['SKILLS'],
  phase: 'IDEA',
  status: 'NOT_STARTED',
  priority: 'MEDIUM',
  startDate: null,
  endDate: null,
  pilot: '',
  partners: [],
  operators: [],
  budgetCents: 100_000_00,
  financing: [],
  milestones: [{ id: 'm1', title: 'Étude', dueDate: '2025-01-01', doneAt: null }],
  indicators: [],
  notes: '',
  links: [],
  archivedAt: null,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  updatedBy: null,
};

const snap = (actions: ActionDto[]) => ({ territory: { slug: 't', name: 'T' }, actions });

describe('compareSnapshots', () => {
  it('lists added, removed and changed actions field by field', () => {
    const changed = { ...base, version: 2, status: 'IN_PROGRESS' as const, budgetCents: 150_000_00 };
    const added = { ...base, id: 'a3', reference: 'FA-3', title: 'Réseau de chaleur' };
    const removed = { ...base, id: 'a2', reference: 'FA-2', title: 'Friche' };
    const diff = compareSnapshots(snap([base, removed]), snap([changed, added]));
    expect(diff.added).toEqual([{ id: 'a3', reference: 'FA-3', title: 'Réseau de chaleur' }]);
    expect(diff.removed).toEqual([{ id: 'a2', reference: 'FA-2', title: 'Friche' }]);
    expect(diff.changed).toHaveLength(1);
    expect(diff.changed[0]?.changes.map((c) => [c.label, c.before, c.after])).toEqual([
      ['Statut', 'NOT_STARTED', 'IN_PROGRESS'],
      ['Budget prévisionnel', 10_000_000, 15_000_000],
    ]);
  });

  it('ignores versions, timestamps and sub-row ids', () => {
    const rewritten = {
      ...base,
      version: 5,
      updatedAt: '2026-01-01T00:00:00.000Z',
      milestones: [{ id: 'other-id', title: 'Étude', dueDate: '2025-01-01', doneAt: null }],
    };
    const diff = compareSnapshots(snap([base]), snap([rewritten]));
    expect(diff).toEqual({ added: [], removed: [], changed: [], unchanged: 1 });
  });
});
