import type { Metadata } from 'next';
import Link from 'next/link';
import { RequestResetForm } from './request-form';

export const metadata: Metadata = { title: 'Mot de passe oublié' };

export default function ForgottenPasswordPage() {
  return (
    <main id="contenu" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-12">
      <p className="text-sm font-semibold uppercase tracking-wide text-primary-700">Territoires d&apos;industrie</p>
      <h1 className="mt-2 text-3xl font-bold text-neutral-900">Mot de passe oublié</h1>
      <p className="mt-4 text-neutral-800">
        Indiquez l’adresse e-mail de votre compte : vous recevrez un lien pour choisir un nouveau mot de passe. Le lien est valable
        une heure et ne sert qu’une fois ; en l’utilisant, vous serez déconnecté·e de tous vos appareils.
      </p>
      <RequestResetForm />
      <p className="mt-8">
        <Link href="/connexion" className="link">
          Retour à la connexion
        </Link>
      </p>
    </main>
  );
}
