import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/session';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Connexion' };
export const dynamic = 'force-dynamic';

const ERRORS: Record<string, string> = {
  CredentialsSignin: 'Adresse e-mail ou mot de passe incorrect.',
  AccessDenied: "Aucun compte actif ne correspond à cette identité. Contactez l'équipe nationale.",
  SessionRequired: 'Veuillez vous connecter pour accéder à cette page.',
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}) {
  if (await getActor()) redirect('/');
  const { callbackUrl, error } = await searchParams;
  // Only same-site paths: never bounce to another origin after sign-in.
  const target = callbackUrl?.startsWith('/') && !callbackUrl.startsWith('//') ? callbackUrl : '/';
  return (
    <main id="contenu" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-12">
      <p className="text-sm font-semibold uppercase tracking-wide text-primary-700">Territoires d&apos;industrie</p>
      <h1 className="mt-2 text-3xl font-bold text-neutral-900">Connexion</h1>
      <p className="mt-2 text-neutral-700">
        Outil de pilotage des plans d&apos;actions : territoires, copilotes régionaux et équipe nationale.
      </p>
      <SignInForm callbackUrl={target} initialError={error ? (ERRORS[error] ?? 'La connexion a échoué.') : undefined} />
      <p className="mt-4">
        <Link href="/mot-de-passe-oublie" className="link">
          Mot de passe oublié ?
        </Link>
      </p>
      <p className="mt-8 text-sm text-neutral-700">
        Pas encore de compte ? Votre compte est créé par l&apos;équipe nationale du programme.
      </p>
    </main>
  );
}
