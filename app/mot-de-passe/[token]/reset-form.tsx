'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { buttonClasses } from '@/components/ui/button';
import { TextInput } from '@/components/ui/form';
import { ADMIN_LIMITS } from '@/lib/admin/schemas';
import { resetPasswordForm, type ResetState } from './server-actions';

export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const [state, action, pending] = useActionState<ResetState, FormData>(resetPasswordForm, null);
  if (state?.ok) {
    return (
      <Alert tone="success" title="Mot de passe changé" className="mt-8">
        <p>{state.message}</p>
        <p className="mt-4">
          <Link href="/connexion" className={buttonClasses('primary', 'md')}>
            Se connecter
          </Link>
        </p>
      </Alert>
    );
  }
  const errors = state?.errors ?? {};
  return (
    <form action={action} className="mt-8 space-y-6" aria-busy={pending}>
      <input type="hidden" name="token" value={token} />
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      {state && !state.ok && (
        <Alert tone="error" title={state.gone ? 'Lien inutilisable' : undefined}>
          <p>{state.message}</p>
          {state.gone && (
            <p className="mt-2">
              <Link href="/mot-de-passe-oublie" className="link">
                Demander un nouveau lien
              </Link>
            </p>
          )}
        </Alert>
      )}
      <TextInput
        id="password"
        name="password"
        type="password"
        label="Nouveau mot de passe"
        hint={`${ADMIN_LIMITS.password.min} caractères au moins, et pas un mot de passe courant. Une phrase de plusieurs mots est facile à retenir et difficile à deviner.`}
        autoComplete="new-password"
        required
        minLength={ADMIN_LIMITS.password.min}
        maxLength={ADMIN_LIMITS.password.max}
        error={errors.password}
      />
      <TextInput
        id="confirmation"
        name="confirmation"
        type="password"
        label="Confirmation du mot de passe"
        autoComplete="new-password"
        required
        maxLength={ADMIN_LIMITS.password.max}
        error={errors.confirmation}
      />
      <button type="submit" disabled={pending} className={`${buttonClasses('primary', 'md')} w-full`}>
        {pending ? 'Enregistrement…' : 'Enregistrer le nouveau mot de passe'}
      </button>
    </form>
  );
}
