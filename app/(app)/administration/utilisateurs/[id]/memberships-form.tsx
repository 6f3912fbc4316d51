'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { buttonClasses } from '@/components/ui/button';
import { saveMembershipsForm, type FormState } from '../../server-actions';
import { MembershipsFields, type MembershipChoices, type MembershipValue } from '../memberships-fields';

export function MembershipsForm({
  userId,
  version,
  initial,
  choices,
}: {
  userId: string;
  version: number;
  initial: MembershipValue[];
  choices: MembershipChoices;
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(saveMembershipsForm, null);
  return (
    <form action={action} className="space-y-6" aria-busy={pending}>
      <input type="hidden" name="id" value={userId} />
      <input type="hidden" name="version" value={version} />
      {state && (
        <Alert tone={state.ok ? 'success' : 'error'} title={state.ok ? undefined : 'Les rôles n’ont pas été enregistrés'}>
          <p>{state.message}</p>
        </Alert>
      )}
      <MembershipsFields initial={initial} choices={choices} errors={state?.errors} legend="Rôles et périmètres de l’utilisateur" />
      <button type="submit" disabled={pending} className={buttonClasses('primary', 'md')}>
        {pending ? 'Enregistrement…' : 'Enregistrer les rôles'}
      </button>
    </form>
  );
}
