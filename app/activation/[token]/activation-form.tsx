'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { buttonClasses } from '@/components/ui/button';
import { TextInput } from '@/components/ui/form';
import { ADMIN_LIMITS } from '@/lib/admin/schemas';
import { activateAccountForm, type ActivationState } from './server-actions';

export function ActivationForm({ token, email }: { token: string; email: string }) {
  const [state, action, pending] = useActionState<ActivationState, FormData>(activateAccountForm, null);
  if (state?.ok) {
    return (
      <Alert tone="success" title="Votre compte est activé" className="mt-8">
        <p>Connectez-vous avec votre adresse e-mail ({state.email}) et le mot de passe que vous venez de choisir.</p>
        <p className="mt-4">
          <Link href="/connexion" className={buttonClasses('primary', 'md')}>
            Se connecter
          </Link>
        </p>
      </Alert>
    );
  }
  const errors = state?.errors ?? {};
  const linkProblem = state && !state.ok && !state.errors;
  return (
    <form action={action} className="mt-8 space-y-6" aria-busy={pending}>
      <input type="hidden" name="token" value={token} />
      {/* Lets password managers store the new password with the right identifier. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      {state && !state.ok && (
        <Alert tone="error" title={linkProblem ? 'Activation impossible' : undefined}>
          <p>{state.message}</p>
          {linkProblem && (
            <p className="mt-2">
              <Link href="/connexion" className="link">
                Aller à la page de connexion
              </Link>
            </p>
          )}
        </Alert>
      )}
      <TextInput
        id="password"
        name="password"
        type="password"
        label="Mot de passe"
        hint={`${ADMIN_LIMITS.password.min} caractères au moins. Une phrase de passe de plusieurs mots est facile à retenir et difficile à deviner.`}
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
        {pending ? 'Activation…' : 'Activer mon compte'}
      </button>
    </form>
  );
}
