import { describe, expect, it } from 'vitest';
import { appendRow, focusAfterRemove, moveRow, patchRow, removeRowAt } from './rows';
import { changedFields, isDirty, sameValue, stableStringify } from './values';

describe('repeatable rows', () => {
  it('adds, removes, patches and moves rows without mutating', () => {
    const rows = [{ key: 'a' }, { key: 'b' }, { key: 'c' }];
    expect(appendRow(rows, { key: 'd' }).map((r) => r.key)).toEqual(['a', 'b', 'c', 'd']);
    expect(removeRowAt(rows, 1).map((r) => r.key)).toEqual(['a', 'c']);
    expect(moveRow(rows, 0, 2).map((r) => r.key)).toEqual(['b', 'c', 'a']);
    expect(moveRow(rows, 2, 1).map((r) => r.key)).toEqual(['a', 'c', 'b']);
    expect(moveRow(rows, 1, 1)).toBe(rows);
    expect(moveRow(rows, 0, 9).map((r) => r.key)).toEqual(['b', 'c', 'a']);
    expect(patchRow(rows, 1, { key: 'x' }).map((r) => r.key)).toEqual(['a', 'x', 'c']);
    expect(rows.map((r) => r.key)).toEqual(['a', 'b', 'c']);
  });

  it('moves focus after a removal to the row that took the place, else the previous one, else none', () => {
    expect(focusAfterRemove(3, 0)).toBe(0);
    expect(focusAfterRemove(3, 2)).toBe(1);
    expect(focusAfterRemove(1, 0)).toBeNull();
  });
});

describe('dirty tracking', () => {
  it('compares values whatever the key order', () => {
    expect(stableStringify({ b: 1, a: [{ d: 2, c: 1 }] })).toBe('{"a":[{"c":1,"d":2}],"b":1}');
    expect(sameValue({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
  });

  it('tells whether the form changed, ignoring what `compare` leaves out', () => {
    const base = { title: 'A', rows: [{ key: 'row-1', v: 1 }] };
    expect(isDirty({ ...base }, base)).toBe(false);
    expect(isDirty({ ...base, title: 'B' }, base)).toBe(true);
    const withoutKeys = (v: typeof base) => ({ ...v, rows: v.rows.map(({ v: value }) => value) });
    expect(isDirty({ ...base, rows: [{ key: 'row-9', v: 1 }] }, base, withoutKeys)).toBe(false);
  });

  it('lists the fields changed since the base', () => {
    const slice = (v: Record<string, unknown>, f: string) => v[f];
    expect(changedFields({ a: 1, b: 2, c: 3 }, { a: 1, b: 5, c: 3 }, ['a', 'b', 'c'], slice)).toEqual(['b']);
  });
});
