import type { Metadata } from 'next';
import Link from 'next/link';
import { findResetLink } from '@/lib/account/password-reset';
import { formatDateTime } from '@/lib/labels';
import { ResetPasswordForm } from './reset-form';

// The link is a credential: not indexed, never sent on as a referrer.
export const metadata: Metadata = {
  title: 'Nouveau mot de passe',
  referrer: 'no-referrer',
  robots: { index: false, follow: false },
};
export const dynamic = 'force-dynamic';

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await findResetLink(token);
  return (
    <main id="contenu" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-12">
      <p className="text-sm font-semibold uppercase tracking-wide text-primary-700">Territoires d&apos;industrie</p>
      <h1 className="mt-2 text-3xl font-bold text-neutral-900">Nouveau mot de passe</h1>
      {link ? (
        <>
          <p className="mt-4 text-neutral-800">
            Choisissez le nouveau mot de passe du compte <strong className="break-all">{link.email}</strong>.
          </p>
          <p className="mt-2 text-sm text-neutral-700">
            Ce lien est valable jusqu’au {formatDateTime(link.expiresAt)} et ne sert qu’une fois. Toutes les sessions ouvertes de ce
            compte seront fermées.
          </p>
          <ResetPasswordForm token={token} email={link.email} />
        </>
      ) : (
        <div role="alert" className="mt-6 rounded border-l-4 border-danger-600 bg-danger-50 p-4 text-danger-800">
          Ce lien de réinitialisation n’est pas valable : il a expiré ou a déjà servi.{' '}
          <Link href="/mot-de-passe-oublie" className="link">
            Demandez un nouveau lien
          </Link>
          .
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
