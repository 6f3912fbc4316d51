import { describe, expect, it } from 'vitest';
import { isoWeekOf, parisClock, parisInstant, parisWeek } from './weeks';

describe('Paris calendar', () => {
  it('numbers ISO weeks, across year boundaries', () => {
    expect(isoWeekOf(2026, 12, 1)).toBe('2026-W49');
    expect(isoWeekOf(2027, 1, 1)).toBe('2026-W53');
    expect(isoWeekOf(2025, 12, 29)).toBe('2026-W01');
    expect(isoWeekOf(2024, 12, 30)).toBe('2025-W01');
    expect(isoWeekOf(2021, 1, 3)).toBe('2020-W53');
  });

  it('finds Paris midnight in winter and summer time', () => {
    expect(parisInstant(2026, 12, 7).toISOString()).toBe('2026-12-06T23:00:00.000Z');
    expect(parisInstant(2026, 7, 6).toISOString()).toBe('2026-07-05T22:00:00.000Z');
    expect(parisInstant(2026, 7, 6, 8).toISOString()).toBe('2026-07-06T06:00:00.000Z');
  });

  it('gives the week of an instant in Paris, not in UTC', () => {
    // Sunday 23:30 UTC is already Monday in Paris.
    const w = parisWeek(new Date('2026-12-06T23:30:00Z'));
    expect(w.week).toBe('2026-W50');
    expect(w.start.toISOString()).toBe('2026-12-06T23:00:00.000Z');
    expect(w.previousStart.toISOString()).toBe('2026-11-29T23:00:00.000Z');
    expect(parisClock(new Date('2026-12-06T23:30:00Z')).weekday).toBe(1);
  });
});
