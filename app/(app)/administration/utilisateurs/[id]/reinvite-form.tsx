'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { buttonClasses } from '@/components/ui/button';
import { reinviteUserForm, type InviteState } from '../../server-actions';
import { ActivationLink } from '../activation-link';

export function ReinviteForm({ userId }: { userId: string }) {
  const [state, action, pending] = useActionState<InviteState, FormData>(reinviteUserForm, null);
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="id" value={userId} />
      {state?.ok && (
        <Alert tone="success" title={state.message}>
          <ActivationLink url={state.activationUrl} />
        </Alert>
      )}
      {state && !state.ok && <Alert tone="error">{state.message}</Alert>}
      <button type="submit" disabled={pending} className={buttonClasses('secondary', 'md')}>
        {pending ? 'Création du lien…' : 'Générer un nouveau lien d’activation'}
      </button>
    </form>
  );
}
