'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { buttonClasses } from '@/components/ui/button';
import { TextInput } from '@/components/ui/form';
import type { ServerFormState } from '@/components/forms/server-form';
import { requestResetForm } from './server-actions';

export function RequestResetForm() {
  const [state, action, pending] = useActionState<ServerFormState, FormData>(requestResetForm, null);
  if (state?.ok) {
    return (
      <Alert tone="success" title="Demande enregistrée" className="mt-8">
        <p>{state.message}</p>
        <p className="mt-2">Pensez à regarder dans vos courriers indésirables. Rien reçu d’ici quelques minutes ? Refaites la demande.</p>
        <p className="mt-4">
          <Link href="/connexion" className="link">
            Retour à la connexion
          </Link>
        </p>
      </Alert>
    );
  }
  return (
    <form action={action} className="mt-8 space-y-6" aria-busy={pending}>
      {state && !state.ok && <Alert tone="error">{state.message}</Alert>}
      <TextInput id="email" name="email" type="email" label="Adresse e-mail" autoComplete="email" required maxLength={254} error={state?.errors?.email} />
      <button type="submit" disabled={pending} className={`${buttonClasses('primary', 'md')} w-full`}>
        {pending ? 'Envoi…' : 'Recevoir un lien de réinitialisation'}
      </button>
    </form>
  );
}
