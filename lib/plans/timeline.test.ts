import { describe, expect, it } from 'vitest';
import { timelinePeriod, timelineRows, type TimelineAction } from './timeline';

const action = (patch: Partial<TimelineAction>): TimelineAction => ({
  id: 'a', reference: 'FA-1', title: 'A', axes: ['SKILLS'], status: 'IN_PROGRESS', startDate: null, endDate: null, milestones: [], ...patch,
});

describe('plan timeline', () => {
  it('parses years and quarters, with neighbours and zoom', () => {
    const y = timelinePeriod('2026', '2026-12-01');
    expect([y.from, y.to, y.previous, y.next, y.months.length]).toEqual(['2026-01-01', '2027-01-01', '2025', '2027', 12]);
    expect(y.zoom.map((z) => z.key)).toEqual(['2026-T1', '2026-T2', '2026-T3', '2026-T4']);
    const q = timelinePeriod('2026-T4', '2026-12-01');
    expect([q.from, q.to, q.previous, q.next, q.label]).toEqual(['2026-10-01', '2027-01-01', '2026-T3', '2027-T1', '4e trimestre 2026']);
    expect(timelinePeriod('2027-T1', '2026-12-01').previous).toBe('2026-T4');
    expect(timelinePeriod('nonsense', '2026-12-01').key).toBe('2026');
  });

  it('places bars and milestones, clamps to the period, marks late ones', () => {
    const p = timelinePeriod('2026', '2026-07-01');
    const [group] = timelineRows(
      [
        action({
          startDate: '2025-06-01',
          endDate: '2026-06-30',
          milestones: [
            { id: 'm1', title: 'Fait', dueDate: '2026-03-01', doneAt: '2026-02-20' },
            { id: 'm2', title: 'En retard', dueDate: '2026-05-01', doneAt: null },
            { id: 'm3', title: 'À venir', dueDate: '2026-09-01', doneAt: null },
            { id: 'm4', title: 'Hors période', dueDate: '2025-09-01', doneAt: null },
          ],
        }),
        action({ id: 'b', startDate: '2024-01-01', endDate: '2024-12-31' }),
      ],
      p,
      '2026-07-01',
    );
    const [row, outside] = group!.rows;
    expect(row!.bar).toMatchObject({ offset: 0, startsBefore: true, endsAfter: false });
    expect(row!.bar!.width).toBeCloseTo(181 / 365, 3);
    expect(row!.milestones.map((m) => m.state)).toEqual(['done', 'late', 'upcoming', 'late']);
    expect(row!.milestones[3]!.offset).toBeNull();
    expect(outside!.bar).toBeNull();
  });
});
