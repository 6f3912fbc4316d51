import { describe, expect, it } from 'vitest';
import { readNewPasswordForm } from './new-password';

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

describe('readNewPasswordForm', () => {
  it('reads the token and the password typed twice', () => {
    expect(readNewPasswordForm(form({ token: 't0k', password: 'Un-mot-de-passe-solide-2026', confirmation: 'Un-mot-de-passe-solide-2026' }))).toEqual({
      ok: true,
      token: 't0k',
      password: 'Un-mot-de-passe-solide-2026',
    });
  });

  it('refuses two different passwords on the confirmation field, nothing saved', () => {
    const r = readNewPasswordForm(form({ token: 't', password: 'Un-mot-de-passe-solide-2026', confirmation: 'autre-chose-2026' }));
    expect(r).toEqual({
      ok: false,
      message: 'Le mot de passe n’a pas été enregistré.',
      errors: { confirmation: ['Les deux mots de passe ne sont pas identiques.'] },
    });
  });

  it('asks for the confirmation when it is missing', () => {
    const r = readNewPasswordForm(form({ password: 'Un-mot-de-passe-solide-2026' }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.confirmation).toContain('Confirmez le mot de passe.');
  });
});
