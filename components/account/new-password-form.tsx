'use client';

// Choosing a password from an e-mailed link: account activation and password reset share
// this form (they were two near-copies). A plain form post, so it works without
// JavaScript; the page passes its server action, the labels and where a dead link leads.
import Link from 'next/link';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { buttonClasses } from '@/components/ui/button';
import { TextInput } from '@/components/ui/form';
import type { NewPasswordState } from '@/lib/account/new-password';
import { ADMIN_LIMITS } from '@/lib/admin/schemas';

export interface NewPasswordFormProps {
  action: (state: NewPasswordState, form: FormData) => Promise<NewPasswordState>;
  token: string;
  /** The account's address, for password managers. */
  email: string;
  passwordLabel: string;
  passwordHint: string;
  submitLabel: string;
  pendingLabel: string;
  successTitle: string;
  /** What to say and where to go when the link itself is refused. */
  linkGone: { title: string; href: string; label: string };
}

export function NewPasswordForm({ action, token, email, passwordLabel, passwordHint, submitLabel, pendingLabel, successTitle, linkGone }: NewPasswordFormProps) {
  const [state, formAction, pending] = useActionState<NewPasswordState, FormData>(action, null);
  if (state?.ok) {
    return (
      <Alert tone="success" title={successTitle} className="mt-8">
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
  const gone = state?.ok === false && state.linkGone;
  return (
    <form action={formAction} className="mt-8 space-y-6" aria-busy={pending}>
      <input type="hidden" name="token" value={token} />
      {/* Lets password managers store the new password with the right identifier. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      {state && !state.ok && (
        <Alert tone="error" title={gone ? linkGone.title : undefined}>
          <p>{state.message}</p>
          {gone && (
            <p className="mt-2">
              <Link href={linkGone.href} className="link">
                {linkGone.label}
              </Link>
            </p>
          )}
        </Alert>
      )}
      <TextInput
        id="password"
        name="password"
        type="password"
        label={passwordLabel}
        hint={passwordHint}
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
        {pending ? pendingLabel : submitLabel}
      </button>
    </form>
  );
}
