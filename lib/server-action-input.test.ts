import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { formField, idArg, parseArgs, saveActionArgs, saveCommitteeArgs, slugArg } from '@/lib/server-action-input';

describe('server-action arguments', () => {
  it('accepts the shapes the forms send', () => {
    expect(parseArgs(saveActionArgs, { mode: 'update', id: 'cmabc123', data: { title: 'x' } })).toEqual({ mode: 'update', id: 'cmabc123', data: { title: 'x' } });
    expect(parseArgs(saveCommitteeArgs, { mode: 'create', regionCode: '76', data: {} })).toMatchObject({ regionCode: '76' });
  });

  it.each([
    { mode: 'update', id: { not: '' }, data: {} },
    { mode: 'update', id: ['a'], data: {} },
    { mode: 'update', id: '', data: {} },
    { mode: 'update', id: 'a'.repeat(65), data: {} },
    { mode: 'create', slug: { contains: '' }, data: {} },
    { mode: 'create', slug: '../admin', data: {} },
    { mode: 'delete', id: 'a', data: {} },
    { mode: 'update', id: 'a', data: {}, territoryId: 'x' },
    null,
    'update',
  ])('refuses a crafted call %j with INVALID', (input) => {
    expect(() => parseArgs(saveActionArgs, input)).toThrow(AppError);
  });

  it('refuses a region code that is an object filter', () => {
    expect(() => parseArgs(saveCommitteeArgs, { mode: 'create', regionCode: { in: ['76', '44'] }, data: {} })).toThrow(AppError);
  });

  it('validates single form fields', () => {
    const form = new FormData();
    form.set('id', 'cm123');
    form.set('slug', 'Tarn Nord');
    expect(formField(form, 'id', idArg)).toBe('cm123');
    expect(() => formField(form, 'slug', slugArg)).toThrow(AppError);
    expect(() => formField(form, 'absent', idArg)).toThrow(AppError);
  });
});
