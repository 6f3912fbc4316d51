import { describe, expect, it } from 'vitest';
import { deliveredShare, expectedShare, isLate, isUnderDelivered, parisDay, type CommitmentFacts } from './rules';

const base: CommitmentFacts = {
  promised: 100,
  delivered: 0,
  dueDate: '2026-12-31',
  status: 'IN_PROGRESS',
  createdAt: new Date('2026-01-01T10:00:00Z'),
};
const at = (iso: string) => new Date(iso);

describe('parisDay', () => {
  it('uses the French calendar day', () => {
    expect(parisDay(at('2026-06-30T21:59:00Z'))).toBe('2026-06-30');
    expect(parisDay(at('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(parisDay(at('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });
});

describe('isLate', () => {
  it('is late the day after the due date when less than promised was delivered', () => {
    expect(isLate(base, at('2026-12-31T12:00:00Z'))).toBe(false);
    expect(isLate(base, at('2027-01-01T12:00:00Z'))).toBe(true);
    // 23:30 UTC on the 31st is already 1 January in Paris.
    expect(isLate(base, at('2026-12-31T23:30:00Z'))).toBe(true);
  });

  it('is never late once delivered in full, delivered, cancelled or without a due date', () => {
    const after = at('2027-02-01T12:00:00Z');
    expect(isLate({ ...base, delivered: 100 }, after)).toBe(false);
    expect(isLate({ ...base, delivered: 120 }, after)).toBe(false);
    expect(isLate({ ...base, status: 'DELIVERED' }, after)).toBe(false);
    expect(isLate({ ...base, status: 'CANCELLED' }, after)).toBe(false);
    expect(isLate({ ...base, dueDate: null }, after)).toBe(false);
    expect(isLate({ ...base, status: 'LATE', delivered: 99.99 }, after)).toBe(true);
  });
});

describe('isUnderDelivered', () => {
  // 2026-01-01 → 2026-12-31: 364 days.
  const mid = at('2026-07-02T12:00:00Z'); // 182 days elapsed: exactly half.

  it('compares the share delivered with the share of time elapsed', () => {
    expect(expectedShare(base, mid)).toBe(0.5);
    expect(isUnderDelivered({ ...base, delivered: 49.99 }, mid)).toBe(true);
    expect(isUnderDelivered({ ...base, delivered: 50 }, mid)).toBe(false);
    expect(isUnderDelivered({ ...base, delivered: 80 }, mid)).toBe(false);
  });

  it('expects nothing on the first day and everything from the due date', () => {
    expect(isUnderDelivered(base, at('2026-01-01T20:00:00Z'))).toBe(false);
    expect(expectedShare(base, at('2026-12-31T12:00:00Z'))).toBe(1);
    expect(isUnderDelivered({ ...base, delivered: 99 }, at('2026-12-31T12:00:00Z'))).toBe(true);
    expect(isUnderDelivered({ ...base, delivered: 99 }, at('2030-01-01T12:00:00Z'))).toBe(true);
    expect(expectedShare(base, at('2025-06-01T12:00:00Z'))).toBe(0);
  });

  it('expects everything at once from a commitment recorded after its due date', () => {
    const recordedLate = { ...base, dueDate: '2025-12-31' };
    expect(expectedShare(recordedLate, at('2026-01-01T12:00:00Z'))).toBe(1);
    expect(isUnderDelivered(recordedLate, at('2026-01-01T12:00:00Z'))).toBe(true);
  });

  it('never flags closed commitments or those without a due date', () => {
    expect(isUnderDelivered({ ...base, status: 'CANCELLED' }, mid)).toBe(false);
    expect(isUnderDelivered({ ...base, status: 'DELIVERED' }, mid)).toBe(false);
    expect(isUnderDelivered({ ...base, dueDate: null }, mid)).toBe(false);
    expect(expectedShare({ ...base, dueDate: null }, mid)).toBeNull();
  });

  it('is exact on large amounts with cents', () => {
    const big = { ...base, promised: 999_999_999_999.99, delivered: 499_999_999_999.99 };
    expect(isUnderDelivered(big, mid)).toBe(true);
    expect(isUnderDelivered({ ...big, delivered: 500_000_000_000 }, mid)).toBe(false);
  });
});

describe('deliveredShare', () => {
  it('may exceed 100 %', () => {
    expect(deliveredShare({ promised: 400, delivered: 420 })).toBeCloseTo(1.05);
    expect(deliveredShare({ promised: 0, delivered: 5 })).toBe(0);
  });
});
