'use client';

import { useActionState, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { buttonClasses } from '@/components/ui/button';
import { ShownOnceSecret } from '@/components/secrets/shown-once-secret';
import { RadioGroup, RequiredFieldsNote, Select, TextInput } from '@/components/ui/form';
import { createTokenForm, type CreateTokenState } from './server-actions';

const EXPIRIES = [
  { value: '30', label: '30 jours' },
  { value: '90', label: '90 jours' },
  { value: '180', label: '6 mois' },
  { value: '365', label: '1 an (maximum)' },
];

export function CreateTokenForm() {
  // A new round starts from an empty form (useActionState keeps the last result otherwise).
  const [round, setRound] = useState(0);
  return <CreateRound key={round} onAgain={() => setRound((r) => r + 1)} />;
}

function CreateRound({ onAgain }: { onAgain: () => void }) {
  const [state, action, pending] = useActionState<CreateTokenState, FormData>(createTokenForm, null);
  if (state?.ok) {
    return (
      <Alert tone="success" title={state.message}>
        <ShownOnceSecret
          id="nouveau-jeton"
          label="Votre jeton"
          help={
            <>
              Il ne sera plus jamais affiché : copiez-le maintenant et gardez-le comme un mot de passe. Utilisez-le dans l’en-tête
              <code className="mx-1">Authorization: Bearer &lt;jeton&gt;</code>de vos requêtes à l’API.
            </>
          }
          value={state.token}
          copyLabel="Copier le jeton"
          copiedMessage="Jeton copié dans le presse-papiers."
          copyFailedMessage="Copie impossible : sélectionnez le jeton et copiez-le (Ctrl+C)."
        />
        <p className="mt-2">
          <button type="button" className="link" onClick={onAgain}>
            Créer un autre jeton
          </button>
        </p>
      </Alert>
    );
  }
  const errors = state?.errors ?? {};
  return (
    <form action={action} className="space-y-6" aria-busy={pending}>
      {state && !state.ok && (
        <Alert tone="error" title="Le jeton n’a pas été créé">
          <p>{state.message}</p>
        </Alert>
      )}
      <RequiredFieldsNote />
      <TextInput
        id="name"
        name="name"
        label="Nom du jeton"
        hint="Pour le reconnaître, par exemple « Tableau de bord régional » ou « Document Grist »."
        required
        maxLength={100}
        autoComplete="off"
        error={errors.name}
      />
      <RadioGroup
        id="access"
        name="access"
        label="Droits"
        required
        defaultValue="read"
        error={errors.access}
        options={[
          { value: 'read', label: 'Lecture seule', hint: 'Consulter les données de votre périmètre (recommandé pour les tableurs et tableaux de bord).' },
          { value: 'write', label: 'Lecture et écriture', hint: 'Modifier aussi, avec exactement vos droits dans l’application.' },
        ]}
      />
      <Select id="expiresInDays" name="expiresInDays" label="Durée de validité" required defaultValue="90" options={EXPIRIES} error={errors.expiresInDays} />
      <button type="submit" disabled={pending} className={buttonClasses('primary', 'md')}>
        {pending ? 'Création…' : 'Créer le jeton'}
      </button>
    </form>
  );
}
