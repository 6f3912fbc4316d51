import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { formVersion, parseIfMatch, withBaseVersion } from './base-version';
import { conflictMessage } from './conflict';

const headers = (h: Record<string, string> = {}) => new Headers(h);
const fieldErrors = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as AppError).details?.fieldErrors;
  }
  throw new Error('expected a failure');
};

describe('base version', () => {
  it('reads If-Match as "3", W/"3" or 3, refuses anything else', () => {
    expect(parseIfMatch('"3"')).toBe(3);
    expect(parseIfMatch('W/"12"')).toBe(12);
    expect(parseIfMatch('7')).toBe(7);
    expect(fieldErrors(() => parseIfMatch('"abc"'))?.version).toBeDefined();
    expect(fieldErrors(() => parseIfMatch('*'))?.version).toBeDefined();
  });

  it('takes the body’s version, else the header’s; refuses a mismatch, and a missing one when required', () => {
    expect(withBaseVersion(headers(), { version: 2, a: 1 }, { required: true })).toEqual({ version: 2, a: 1 });
    expect(withBaseVersion(headers({ 'if-match': '"4"' }), { a: 1 }, { required: true })).toEqual({ a: 1, version: 4 });
    expect(withBaseVersion(headers({ 'if-match': '"4"' }), { version: 4 }, { required: true })).toEqual({ version: 4 });
    expect(fieldErrors(() => withBaseVersion(headers({ 'if-match': '"4"' }), { version: 3 }, { required: true }))?.version).toBeDefined();
    expect(fieldErrors(() => withBaseVersion(headers(), { a: 1 }, { required: true }))?.version).toEqual([
      'La version de référence (version) est obligatoire.',
    ]);
    expect(withBaseVersion(headers(), { a: 1 }, { required: false })).toEqual({ a: 1 });
    // Not an object: left to the domain schema to refuse.
    expect(withBaseVersion(headers(), [1], { required: true })).toEqual([1]);
  });

  it('reads a form’s hidden version', () => {
    const form = new FormData();
    form.set('version', ' 5 ');
    expect(formVersion(form)).toBe(5);
    form.set('version', '');
    expect(fieldErrors(() => formVersion(form))?.version).toBeDefined();
    form.set('version', '1e3');
    expect(fieldErrors(() => formVersion(form))?.version).toBeDefined();
  });
});

describe('conflict message', () => {
  it('names the fields and the author, with the entity’s gender', () => {
    const at = new Date('2026-03-29T08:15:00Z');
    expect(conflictMessage({ wording: { subject: 'Cette action', feminine: true } }, ['Titre', 'Statut'], 'Claire Fabre', at)).toMatch(
      /^Cette action a été modifiée par Claire Fabre le .+ \(champs modifiés : Titre, Statut\) depuis que vous l'avez ouverte\./,
    );
    expect(conflictMessage({ wording: { subject: 'Ce compte', feminine: false } }, [], null, null)).toMatch(
      /^Ce compte a été modifié entre-temps depuis que vous l'avez ouvert\./,
    );
  });
});
