import Link from 'next/link';
import { NewPasswordForm } from '@/components/account/new-password-form';
import { credentialLinkMetadata, DeadLinkMessage, SignedOutPage } from '@/components/layout/signed-out-page';
import { findResetLink } from '@/lib/account/password-reset';
import { ADMIN_LIMITS } from '@/lib/admin/schemas';
import { formatDateTime } from '@/lib/labels';
import { resetPasswordForm } from './server-actions';

export const metadata = credentialLinkMetadata('Nouveau mot de passe');
export const dynamic = 'force-dynamic';

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await findResetLink(token);
  return (
    <SignedOutPage title="Nouveau mot de passe" back={{ href: '/connexion', label: 'Aller à la page de connexion' }}>
      {link ? (
        <>
          <p className="mt-4 text-neutral-800">
            Choisissez le nouveau mot de passe du compte <strong className="break-all">{link.email}</strong>.
          </p>
          <p className="mt-2 text-sm text-neutral-700">
            Ce lien est valable jusqu’au {formatDateTime(link.expiresAt)} et ne sert qu’une fois. Toutes les sessions ouvertes de ce
            compte seront fermées.
          </p>
          <NewPasswordForm
            action={resetPasswordForm}
            token={token}
            email={link.email}
            passwordLabel="Nouveau mot de passe"
            passwordHint={`${ADMIN_LIMITS.password.min} caractères au moins, et pas un mot de passe courant. Une phrase de plusieurs mots est facile à retenir et difficile à deviner.`}
            submitLabel="Enregistrer le nouveau mot de passe"
            pendingLabel="Enregistrement…"
            successTitle="Mot de passe changé"
            linkGone={{ title: 'Lien inutilisable', href: '/mot-de-passe-oublie', label: 'Demander un nouveau lien' }}
          />
        </>
      ) : (
        <DeadLinkMessage>
          Ce lien de réinitialisation n’est pas valable : il a expiré ou a déjà servi.{' '}
          <Link href="/mot-de-passe-oublie" className="link">
            Demandez un nouveau lien
          </Link>
          .
        </DeadLinkMessage>
      )}
    </SignedOutPage>
  );
}
