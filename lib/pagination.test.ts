import { describe, expect, it } from 'vitest';
import { clampPage, lastPage, pageParam } from './pagination';

describe('page parameters', () => {
  it('accepts plain positive integers only', () => {
    expect(pageParam('3')).toBe(3);
    for (const bad of ['Infinity', '-Infinity', '1e400', '1e3', '-2', '0', '2.5', 'abc', '', '0x10', '9999999999']) expect(pageParam(bad)).toBe(1);
    expect(pageParam(undefined)).toBe(1);
    expect(pageParam(['2'])).toBe(1);
  });

  it('clamps to the last page', () => {
    expect(lastPage(0, 20)).toBe(1);
    expect(lastPage(41, 20)).toBe(3);
    expect(clampPage(999_999_999, 41, 20)).toBe(3);
    expect(clampPage(Number.POSITIVE_INFINITY, 41, 20)).toBe(1);
    expect(clampPage(2, 41, 20)).toBe(2);
  });
});
