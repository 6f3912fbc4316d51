import type { Metadata } from 'next';
import Link from 'next/link';
import { ServerForm } from '@/components/forms/server-form';
import { findUnsubscribeTarget } from '@/lib/mail/unsubscribe';
import { unsubscribeForm } from './actions';

export const metadata: Metadata = { title: 'Désabonnement', referrer: 'no-referrer', robots: { index: false, follow: false } };
export const dynamic = 'force-dynamic';

// Opening the link changes nothing (mail scanners follow links): the button does.
export default async function UnsubscribePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const target = await findUnsubscribeTarget(token);
  return (
    <main id="contenu" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-12">
      <p className="text-sm font-semibold uppercase tracking-wide text-primary-700">Territoires d&apos;industrie</p>
      <h1 className="mt-2 text-3xl font-bold text-neutral-900">Désabonnement</h1>
      {target ? (
        <>
          <p className="mt-4 text-neutral-800">
            Ne plus recevoir par e-mail les notifications « {target.categoryLabel} » adressées à <strong className="break-all">{target.email}</strong> ?
            Elles resteront visibles dans l’outil.
          </p>
          <ServerForm action={unsubscribeForm} hidden={{ token }} submitLabel="Me désabonner" pendingLabel="Enregistrement…" className="mt-6" />
        </>
      ) : (
        <div role="alert" className="mt-6 rounded border-l-4 border-danger-600 bg-danger-50 p-4 text-danger-800">
          Ce lien de désabonnement n’est pas valable. Vos préférences se règlent aussi dans « Mon compte ».
        </div>
      )}
      <p className="mt-8">
        <Link href="/compte" className="link">
          Toutes mes préférences (Mon compte)
        </Link>
      </p>
    </main>
  );
}
