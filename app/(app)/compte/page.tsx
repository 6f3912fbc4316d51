import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { RadioGroup, TextInput } from '@/components/ui/form';
import { buttonClasses } from '@/components/ui/button';
import { ServerForm } from '@/components/forms/server-form';
import { requireActor } from '@/lib/auth/session';
import { getAccount } from '@/lib/account/account';
import { ADMIN_LIMITS } from '@/lib/admin/schemas';
import { getPreferences } from '@/lib/mail/preferences';
import { CATEGORIES, CATEGORY_LABELS, DEFAULT_DELIVERY, DELIVERIES, DELIVERY_LABELS } from '@/lib/mail/categories';
import { changePasswordForm, signOutEverywhereForm, updatePreferencesForm, updateProfileForm } from './server-actions';

export const metadata: Metadata = { title: 'Mon compte' };
export const dynamic = 'force-dynamic';

export default async function AccountPage() {
  const actor = await requireActor();
  const [account, preferences] = await Promise.all([getAccount(actor), getPreferences(actor)]);
  return (
    <>
      <PageHeader title="Mon compte" description={`Connecté·e en tant que ${account.email}.`} breadcrumbs={[{ href: '/compte', label: 'Mon compte' }]} />
      <div className="max-w-3xl space-y-8">
        <Card title="Identité" headingLevel={2}>
          <ServerForm action={updateProfileForm} submitLabel="Enregistrer le nom" className="space-y-4">
            <TextInput id="name" name="name" label="Nom et prénom" required maxLength={ADMIN_LIMITS.name} defaultValue={account.name} autoComplete="name" />
            <p className="text-sm text-neutral-700">L’adresse e-mail et les rôles sont gérés par l’équipe nationale du programme.</p>
          </ServerForm>
        </Card>

        <Card title="Notifications par e-mail" headingLevel={2}>
          <p className="mb-4 text-neutral-800">
            Toutes les notifications restent visibles dans l’outil. Choisissez, pour chaque type, si vous les recevez aussi par e-mail. Le
            récapitulatif hebdomadaire part le lundi matin.
          </p>
          <ServerForm action={updatePreferencesForm} submitLabel="Enregistrer mes préférences" className="space-y-6">
            {CATEGORIES.map((c) => (
              <RadioGroup
                key={c}
                id={`pref-${c}`}
                name={c}
                label={CATEGORY_LABELS[c]}
                hint={`Par défaut : ${DELIVERY_LABELS[DEFAULT_DELIVERY[c]].toLowerCase()}.`}
                defaultValue={preferences[c]}
                options={DELIVERIES.map((d) => ({ value: d, label: DELIVERY_LABELS[d] }))}
              />
            ))}
          </ServerForm>
        </Card>

        <Card title="Mot de passe" headingLevel={2}>
          <ServerForm action={changePasswordForm} submitLabel="Changer le mot de passe" pendingLabel="Enregistrement…" className="space-y-4">
            <input type="email" name="username" autoComplete="username" value={account.email} readOnly hidden />
            <TextInput id="currentPassword" name="currentPassword" type="password" label="Mot de passe actuel" autoComplete="current-password" required maxLength={ADMIN_LIMITS.password.max} />
            <TextInput
              id="newPassword"
              name="newPassword"
              type="password"
              label="Nouveau mot de passe"
              hint={`${ADMIN_LIMITS.password.min} caractères au moins, et pas un mot de passe courant. Toutes vos sessions seront fermées.`}
              autoComplete="new-password"
              required
              minLength={ADMIN_LIMITS.password.min}
              maxLength={ADMIN_LIMITS.password.max}
            />
            <TextInput id="confirmation" name="confirmation" type="password" label="Confirmation du nouveau mot de passe" autoComplete="new-password" required maxLength={ADMIN_LIMITS.password.max} />
          </ServerForm>
          <p className="mt-4 text-sm">
            <Link href="/mot-de-passe-oublie" className="link">
              Mot de passe actuel oublié ?
            </Link>
          </p>
        </Card>

        <Card title="Jetons d’API" headingLevel={2}>
          <p className="text-neutral-800">
            Pour vos tableurs, documents Grist et tableaux de bord : des jetons personnels, en lecture seule ou en écriture, à durée limitée et
            révocables.{' '}
            <Link href="/compte/jetons" className="link">
              Gérer mes jetons d’API
            </Link>
          </p>
        </Card>

        <Card title="Sessions" headingLevel={2}>
          <p className="mb-4 text-neutral-800">
            Ferme toutes vos sessions ouvertes, sur cet appareil et sur tous les autres (ordinateur oublié, téléphone perdu…).
          </p>
          <form action={signOutEverywhereForm}>
            <button type="submit" className={buttonClasses('danger', 'md')}>
              Se déconnecter partout
            </button>
          </form>
        </Card>
      </div>
    </>
  );
}
