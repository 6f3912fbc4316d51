import type { Metadata } from 'next';
import Link from 'next/link';
import { findInvitation } from '@/lib/admin/activation';
import { formatDateTime } from '@/lib/labels';
import { ActivationForm } from './activation-form';

// The link is a credential: not indexed, never sent on as a referrer.
export const metadata: Metadata = {
  title: 'Activation du compte',
  referrer: 'no-referrer',
  robots: { index: false, follow: false },
};
export const dynamic = 'force-dynamic';

export default async function ActivationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await findInvitation(token);
  return (
    <main id="contenu" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-12">
      <p className="text-sm font-semibold uppercase tracking-wide text-primary-700">Territoires d&apos;industrie</p>
      <h1 className="mt-2 text-3xl font-bold text-neutral-900">Activation du compte</h1>
      {invitation.status === 'valid' ? (
        <>
          <p className="mt-4 text-neutral-800">
            Bonjour {invitation.name}, choisissez le mot de passe de votre compte <strong className="break-all">{invitation.email}</strong>.
          </p>
          <p className="mt-2 text-sm text-neutral-700">Ce lien est valable jusqu’au {formatDateTime(invitation.expiresAt)} et ne sert qu’une fois.</p>
          <ActivationForm token={token} email={invitation.email} />
        </>
      ) : (
        <div role="alert" className="mt-6 rounded border-l-4 border-danger-600 bg-danger-50 p-4 text-danger-800">
          {invitation.status === 'expired'
            ? 'Ce lien d’activation a expiré. Demandez un nouveau lien à l’équipe nationale du programme.'
            : 'Ce lien d’activation n’est pas valable ou a déjà été utilisé. Si votre compte est déjà activé, connectez-vous ; sinon, demandez un nouveau lien à l’équipe nationale du programme.'}
        </div>
      )}
      <p className="mt-8">
        <Link href="/connexion" className="link">
          Aller à la page de connexion
        </Link>
      </p>
    </main>
  );
}
