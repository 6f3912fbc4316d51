import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { pageParam, parseSearchParams } from '@/lib/validation';

const schema = z.object({
  page: pageParam,
  axis: z.enum(['SKILLS', 'INNOVATION']).optional(),
  q: z.string().max(10).optional(),
});

describe('parseSearchParams', () => {
  it.each(['Infinity', '-Infinity', '1e400', 'NaN', '-1', '0', '1.5', '0x10', '', ' ', '9'.repeat(400), '[object Object]'])(
    'turns ?page=%j into page 1',
    (page) => {
      expect(parseSearchParams(schema, new URLSearchParams({ page })).page).toBe(1);
    },
  );

  it('keeps valid values and drops invalid ones field by field', () => {
    expect(parseSearchParams(schema, { page: '3', axis: 'SKILLS', q: 'usine' })).toEqual({ page: 3, axis: 'SKILLS', q: 'usine' });
    expect(parseSearchParams(schema, { page: '3', axis: 'toString', q: 'x'.repeat(11) })).toEqual({ page: 3, axis: undefined, q: undefined });
  });

  it('takes the first value of a repeated key and ignores unknown keys', () => {
    expect(parseSearchParams(schema, { page: ['2', '5'], __proto__: 'x', constructor: 'y' } as Record<string, string | string[]>)).toEqual({
      page: 2,
      axis: undefined,
      q: undefined,
    });
  });
});
