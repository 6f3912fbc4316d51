'use client';

import Link from 'next/link';
import { useActionState, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { buttonClasses } from '@/components/ui/button';
import { RequiredFieldsNote, TextInput } from '@/components/ui/form';
import { inviteUserForm, type InviteState } from '../../server-actions';
import { ActivationLink } from '../activation-link';
import { MembershipsFields, type MembershipChoices } from '../memberships-fields';

export function InviteForm({ choices }: { choices: MembershipChoices }) {
  // A new round starts from an empty form (useActionState keeps the last result otherwise).
  const [round, setRound] = useState(0);
  return <InviteRound key={round} choices={choices} onAgain={() => setRound((r) => r + 1)} />;
}

function InviteRound({ choices, onAgain }: { choices: MembershipChoices; onAgain: () => void }) {
  const [state, action, pending] = useActionState<InviteState, FormData>(inviteUserForm, null);
  if (state?.ok) {
    return (
      <Alert tone="success" title={state.message}>
        <ActivationLink url={state.activationUrl} />
        <p className="mt-4 flex flex-wrap gap-4">
          <Link className="link" href={`/administration/utilisateurs/${state.userId}`}>
            Voir la fiche de {state.name}
          </Link>
          <button type="button" className="link" onClick={onAgain}>
            Inviter une autre personne
          </button>
        </p>
      </Alert>
    );
  }
  const errors = state?.errors ?? {};
  return (
    <form action={action} className="space-y-6" aria-busy={pending}>
      {state && !state.ok && (
        <Alert tone="error" title="L’invitation n’a pas été créée">
          <p>{state.message}</p>
        </Alert>
      )}
      <RequiredFieldsNote />
      <div className="grid gap-4 md:grid-cols-2">
        <TextInput id="name" name="name" label="Nom et prénom" required maxLength={200} autoComplete="off" error={errors.name} />
        <TextInput
          id="email"
          name="email"
          type="email"
          label="Adresse e-mail"
          hint="Elle servira d’identifiant de connexion."
          required
          maxLength={254}
          autoComplete="off"
          error={errors.email}
        />
      </div>
      <MembershipsFields
        initial={[{ role: '', territory: '', region: '', operator: '', title: '' }]}
        choices={choices}
        errors={errors}
      />
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={pending} className={buttonClasses('primary', 'md')}>
          {pending ? 'Création…' : 'Créer l’invitation'}
        </button>
        <Link href="/administration/utilisateurs" className={buttonClasses('ghost', 'md')}>
          Annuler
        </Link>
      </div>
    </form>
  );
}
