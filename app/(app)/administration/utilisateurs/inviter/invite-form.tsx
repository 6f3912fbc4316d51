'use client';

import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { buttonClasses } from '@/components/ui/button';
import { TextInput } from '@/components/ui/form';
import { SecretIssuingForm } from '@/components/secrets/secret-issuing-form';
import { inviteUserForm } from '../../server-actions';
import { ActivationLink } from '../activation-link';
import { MembershipsFields, type MembershipChoices } from '../memberships-fields';

export function InviteForm({ choices }: { choices: MembershipChoices }) {
  return (
    <SecretIssuingForm
      action={inviteUserForm}
      failureTitle="L’invitation n’a pas été créée"
      issued={(state, again) => (
        <Alert tone="success" title={state.message}>
          <ActivationLink url={state.activationUrl} />
          <p className="mt-4 flex flex-wrap gap-4">
            <Link className="link" href={`/administration/utilisateurs/${state.userId}`}>
              Voir la fiche de {state.name}
            </Link>
            <button type="button" className="link" onClick={again}>
              Inviter une autre personne
            </button>
          </p>
        </Alert>
      )}
    >
      {(errors, pending) => (
        <>
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
        </>
      )}
    </SecretIssuingForm>
  );
}
