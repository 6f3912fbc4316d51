import { NewPasswordForm } from '@/components/account/new-password-form';
import { credentialLinkMetadata, DeadLinkMessage, SignedOutPage } from '@/components/layout/signed-out-page';
import { findInvitation } from '@/lib/admin/activation';
import { ADMIN_LIMITS } from '@/lib/admin/schemas';
import { formatDateTime } from '@/lib/labels';
import { activateAccountForm } from './server-actions';

export const metadata = credentialLinkMetadata('Activation du compte');
export const dynamic = 'force-dynamic';

export default async function ActivationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await findInvitation(token);
  return (
    <SignedOutPage title="Activation du compte" back={{ href: '/connexion', label: 'Aller à la page de connexion' }}>
      {invitation.status === 'valid' ? (
        <>
          <p className="mt-4 text-neutral-800">
            Bonjour {invitation.name}, choisissez le mot de passe de votre compte <strong className="break-all">{invitation.email}</strong>.
          </p>
          <p className="mt-2 text-sm text-neutral-700">Ce lien est valable jusqu’au {formatDateTime(invitation.expiresAt)} et ne sert qu’une fois.</p>
          <NewPasswordForm
            action={activateAccountForm}
            token={token}
            email={invitation.email}
            passwordLabel="Mot de passe"
            passwordHint={`${ADMIN_LIMITS.password.min} caractères au moins. Une phrase de passe de plusieurs mots est facile à retenir et difficile à deviner.`}
            submitLabel="Activer mon compte"
            pendingLabel="Activation…"
            successTitle="Votre compte est activé"
            linkGone={{ title: 'Activation impossible', href: '/connexion', label: 'Aller à la page de connexion' }}
          />
        </>
      ) : (
        <DeadLinkMessage>
          {invitation.status === 'expired'
            ? 'Ce lien d’activation a expiré. Demandez un nouveau lien à l’équipe nationale du programme.'
            : 'Ce lien d’activation n’est pas valable ou a déjà été utilisé. Si votre compte est déjà activé, connectez-vous ; sinon, demandez un nouveau lien à l’équipe nationale du programme.'}
        </DeadLinkMessage>
      )}
    </SignedOutPage>
  );
}
