'use client';

import { buttonClasses } from '@/components/ui/button';
import { Alert } from '@/components/ui/alert';
import { RadioGroup, Select, TextInput } from '@/components/ui/form';
import { SecretIssuingForm } from '@/components/secrets/secret-issuing-form';
import { ShownOnceSecret } from '@/components/secrets/shown-once-secret';
import { createTokenForm } from './server-actions';

const EXPIRIES = [
  { value: '30', label: '30 jours' },
  { value: '90', label: '90 jours' },
  { value: '180', label: '6 mois' },
  { value: '365', label: '1 an (maximum)' },
];

export function CreateTokenForm() {
  return (
    <SecretIssuingForm
      action={createTokenForm}
      failureTitle="Le jeton n’a pas été créé"
      issued={(state, again) => (
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
            <button type="button" className="link" onClick={again}>
              Créer un autre jeton
            </button>
          </p>
        </Alert>
      )}
    >
      {(errors, pending) => (
        <>
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
        </>
      )}
    </SecretIssuingForm>
  );
}
