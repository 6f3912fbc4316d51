import { describe, expect, it } from 'vitest';
import { addDays, dayDate, isPastDue, parisDay, parisTodayDate, weekdayOf, weekStart } from './calendar';

const at = (iso: string) => new Date(iso);

describe('the Paris day', () => {
  it('turns at midnight in Paris, not in UTC (winter: UTC+1, summer: UTC+2)', () => {
    expect(parisDay(at('2026-01-15T22:59:59Z'))).toBe('2026-01-15');
    expect(parisDay(at('2026-01-15T23:00:00Z'))).toBe('2026-01-16');
    expect(parisDay(at('2026-06-30T21:59:00Z'))).toBe('2026-06-30');
    expect(parisDay(at('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
    expect(parisDay(at('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });

  it('across the spring change (29 March 2026, 02:00 → 03:00)', () => {
    // The evening before: still UTC+1, so 23:30 UTC is already the 29th in Paris.
    expect(parisDay(at('2026-03-28T22:59:00Z'))).toBe('2026-03-28');
    expect(parisDay(at('2026-03-28T23:30:00Z'))).toBe('2026-03-29');
    // After the change: UTC+2.
    expect(parisDay(at('2026-03-29T21:59:00Z'))).toBe('2026-03-29');
    expect(parisDay(at('2026-03-29T22:00:00Z'))).toBe('2026-03-30');
  });

  it('across the autumn change (25 October 2026, 03:00 → 02:00)', () => {
    expect(parisDay(at('2026-10-24T21:59:00Z'))).toBe('2026-10-24');
    expect(parisDay(at('2026-10-24T22:00:00Z'))).toBe('2026-10-25');
    // The 25th lasts 25 hours: it ends at 23:00 UTC.
    expect(parisDay(at('2026-10-25T22:59:00Z'))).toBe('2026-10-25');
    expect(parisDay(at('2026-10-25T23:00:00Z'))).toBe('2026-10-26');
  });

  it('today as a stored day, and lateness: due yesterday is late, due today is not', () => {
    const now = at('2026-03-28T23:30:00Z'); // 29 March in Paris
    expect(parisTodayDate(now)).toEqual(dayDate('2026-03-29'));
    expect(isPastDue('2026-03-28', now)).toBe(true);
    expect(isPastDue('2026-03-29', now)).toBe(false);
    expect(isPastDue(null, now)).toBe(false);
    // A UTC day would have said the 28th was not late yet.
    expect(now.toISOString().slice(0, 10)).toBe('2026-03-28');
  });
});

describe('days and weeks', () => {
  it('adds days across months, years and DST changes', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('weeks start on Monday', () => {
    expect(weekdayOf('2026-03-29')).toBe(7); // a Sunday
    expect(weekStart('2026-03-29')).toBe('2026-03-23');
    expect(weekStart('2026-03-30')).toBe('2026-03-30');
    // Sunday 23:30 UTC is Monday in Paris: already the next week.
    expect(weekStart(parisDay(at('2026-03-29T22:30:00Z')))).toBe('2026-03-30');
  });
});
