import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/session';
import { safeRedirectPath } from '@/lib/security/safe-redirect';
import { proconnectConfig } from '@/lib/auth/proconnect';
import { SignInForm } from './sign-in-form';
import { ProConnectButton } from './proconnect-button';

export const metadata: Metadata = { title: 'Connexion' };
export const dynamic = 'force-dynamic';

const ERRORS: Record<string, string> = {
  CredentialsSignin: 'Adresse e-mail ou mot de passe incorrect.',
  AccessDenied: "Aucun compte actif ne correspond à cette identité. Contactez l'équipe nationale.",
  SessionRequired: 'Veuillez vous connecter pour accéder à cette page.',
  InvitationExpired: "Votre invitation a expiré : demandez un nouveau lien à l'équipe nationale.",
  OAuthCallback: 'La connexion avec ProConnect a échoué. Réessayez.',
  OAuthSignin: 'ProConnect est momentanément indisponible. Réessayez plus tard.',
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[]; deconnexion?: string | string[] }>;
}) {
  if (await getActor()) redirect('/');
  const { callbackUrl, error: rawError, deconnexion } = await searchParams;
  // Only same-origin paths, decided by URL parsing: never bounce to another origin after sign-in.
  const target = safeRedirectPath(callbackUrl);
  const error = typeof rawError === 'string' ? rawError : undefined;
  return (
    <main id="contenu" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-12">
      <p className="text-sm font-semibold uppercase tracking-wide text-primary-700">Territoires d&apos;industrie</p>
      <h1 className="mt-2 text-3xl font-bold text-neutral-900">Connexion</h1>
      <p className="mt-2 text-neutral-700">
        Outil de pilotage des plans d&apos;actions : territoires, copilotes régionaux et équipe nationale.
      </p>
      {deconnexion === 'proconnect' && !error && (
        <p role="status" className="mt-6 rounded border-l-4 border-primary-700 bg-primary-50 p-4 text-neutral-900">
          Vous êtes déconnecté de l&apos;application et de ProConnect.
        </p>
      )}
      <SignInForm callbackUrl={target} initialError={error ? (Object.hasOwn(ERRORS, error) ? ERRORS[error] : 'La connexion a échoué.') : undefined} />
      {proconnectConfig() && <ProConnectButton callbackUrl={target} />}
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
