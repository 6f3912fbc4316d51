import { describe, expect, it } from 'vitest';
import { planConflict, readConflict, resolveConflict } from '@/components/forms/conflict';
import { summarizeErrors } from '@/components/forms/errors';
import type { ActionDto } from '@/lib/actions/dto';
import { buildProgressPayload, progressConflict, progressErrorMap, progressValuesFrom, today } from './progress-form-logic';

const action = {
  id: 'a1',
  version: 2,
  status: 'NOT_STARTED',
  title: 'Titre',
  indicators: [
    { id: 'i1', name: 'Emplois', kind: 'JOBS', unit: 'emplois', target: 10, actual: null, values: [] },
    { id: 'i2', name: 'Surface', kind: 'HECTARES', unit: 'ha', target: 4, actual: 1, values: [] },
  ],
  milestones: [{ id: 'm1', title: 'Étude', dueDate: '2026-03-01', doneAt: null }],
} as unknown as ActionDto;

describe('progress form logic', () => {
  it('builds the progress payload with the base version', () => {
    const v = progressValuesFrom(action);
    v.status = 'IN_PROGRESS';
    v.actuals.i1 = '3,5';
    v.done.m1 = '2026-02-20';
    expect(buildProgressPayload(v, 2)).toEqual({
      data: {
        version: 2,
        status: 'IN_PROGRESS',
        indicators: [
          { id: 'i1', actual: 3.5 },
          { id: 'i2', actual: 1 },
        ],
        milestones: [{ id: 'm1', doneAt: '2026-02-20' }],
      },
      errors: {},
    });
  });

  it('reports a value that is not a number, named by its indicator', () => {
    const v = progressValuesFrom(action);
    v.actuals.i2 = 'beaucoup';
    const { errors } = buildProgressPayload(v, 2);
    expect(Object.keys(errors)).toEqual(['indicators.1.actual']);
    expect(summarizeErrors(errors, progressErrorMap(action))).toEqual([
      { key: 'indicators.1.actual', message: 'Surface : Valeur réalisée invalide : saisissez un nombre, par exemple 12 ou 12,5.', target: 'progress-indicator-1' },
    ]);
  });

  it('on a conflict keeps what the person typed, carries it to the saved rows, and takes the rest', () => {
    const base = progressValuesFrom(action);
    const mine = { ...base, actuals: { ...base.actuals, i1: '7' } };
    // Someone else changed the status and re-created the indicators (new ids), and ticked the milestone.
    const theirsDto = {
      ...action,
      version: 3,
      status: 'BLOCKED',
      indicators: action.indicators.map((i) => ({ ...i, id: `${i.id}-new` })),
      milestones: [{ ...action.milestones[0]!, doneAt: '2026-02-01' }],
    } as unknown as ActionDto;
    const conflict = readConflict<ActionDto>({ action: theirsDto, changedFields: ['status', 'indicators', 'milestones', 'title'] }, 'action', progressConflict.label)!;
    const plan = planConflict(progressConflict, conflict, mine, base);
    expect(plan.choices).toEqual({ status: 'theirs', indicators: 'mine', milestones: 'theirs', title: 'theirs' });
    expect(plan.rows.find((r) => r.field === 'indicators')).toMatchObject({ mine: 'Emplois : 7\nSurface : 1', theirs: 'Emplois : —\nSurface : 1' });
    expect(plan.rows.find((r) => r.field === 'title')?.editable).toBe(false);

    const { values } = resolveConflict(progressConflict, plan, mine);
    expect(values.source).toBe(theirsDto);
    expect(values.status).toBe('BLOCKED');
    expect(values.actuals).toEqual({ 'i1-new': '7', 'i2-new': '1' });
    expect(values.done).toEqual({ m1: '2026-02-01' });
    expect(buildProgressPayload(values, conflict.version).data).toMatchObject({ version: 3, indicators: [{ id: 'i1-new', actual: 7 }, { id: 'i2-new', actual: 1 }] });
  });
});

describe('the day a milestone is ticked done', () => {
  it('is the day in France, whatever the browser’s time zone', () => {
    expect(today(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-29');
    expect(today(new Date('2026-10-24T22:30:00Z'))).toBe('2026-10-25');
    expect(today(new Date('2026-12-02T12:00:00Z'))).toBe('2026-12-02');
  });
});
