import { describe, expect, it } from 'vitest';
import { monthRange } from './series';

describe('monthRange', () => {
  it('ends with the current month in France (1 March 00:30 in Paris is March)', () => {
    const range = monthRange(new Date('2026-01-15T00:00:00Z'), new Date('2026-02-28T23:30:00Z'));
    expect(range).toEqual(['2026-01', '2026-02', '2026-03']);
  });

  it('keeps at most 24 months back from the current one', () => {
    const range = monthRange(new Date('2020-01-01T00:00:00Z'), new Date('2026-06-15T12:00:00Z'));
    expect(range[0]).toBe('2024-07');
    expect(range.at(-1)).toBe('2026-06');
    expect(range).toHaveLength(24);
  });
});
