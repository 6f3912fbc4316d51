import { describe, expect, it } from 'vitest';
import { passwordField } from '@/lib/admin/schemas';
import { isCommonPassword } from './common-passwords';

describe('common passwords', () => {
  it('knows the long ones of the list, whatever the case', () => {
    expect(isCommonPassword('qwerty123456')).toBe(true);
    expect(isCommonPassword('QWERTY123456')).toBe(true);
    expect(isCommonPassword('Un-mot-de-passe-solide-2026')).toBe(false);
  });

  it('makes the password rule refuse short and common passwords, per field', () => {
    const messages = (p: string) => passwordField.safeParse(p).error?.issues.map((i) => i.message) ?? [];
    expect(messages('court')).toEqual([expect.stringContaining('au moins 12 caractères')]);
    expect(messages('1q2w3e4r5t6y')).toEqual([expect.stringContaining('plus courants')]);
    expect(messages('Demo-Territoires-2026')).toEqual([]);
  });
});
