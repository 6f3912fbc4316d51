import type { Metadata } from 'next';
import { SignedOutPage } from '@/components/layout/signed-out-page';
import { RequestResetForm } from './request-form';

export const metadata: Metadata = { title: 'Mot de passe oublié' };

export default function ForgottenPasswordPage() {
  return (
    <SignedOutPage title="Mot de passe oublié" back={{ href: '/connexion', label: 'Retour à la connexion' }}>
      <p className="mt-4 text-neutral-800">
        Indiquez l’adresse e-mail de votre compte : vous recevrez un lien pour choisir un nouveau mot de passe. Le lien est valable
        une heure et ne sert qu’une fois ; en l’utilisant, vous serez déconnecté·e de tous vos appareils.
      </p>
      <RequestResetForm />
    </SignedOutPage>
  );
}
