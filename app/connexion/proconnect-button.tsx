'use client';

// ProConnect's sign-in button, as its guidelines word it, without ProConnect's own assets.
// next-auth's signIn() fetches the authorization URL and then navigates to it: a
// navigation, so a CSP `form-action 'self'` does not get in the way.
import { useState } from 'react';
import { signIn } from 'next-auth/react';

export function ProConnectButton({ callbackUrl }: { callbackUrl: string }) {
  const [pending, setPending] = useState(false);
  return (
    <div className="mt-8 border-t border-neutral-200 pt-8">
      <h2 className="text-lg font-semibold text-neutral-900">Vous êtes agent public ?</h2>
      <p className="mt-2 text-neutral-700">
        Votre compte doit avoir été créé par l&apos;équipe nationale avec la même adresse e-mail professionnelle.
      </p>
      <button
        type="button"
        disabled={pending}
        onClick={() => {
          setPending(true);
          void signIn('proconnect', { callbackUrl });
        }}
        className="mt-4 inline-flex w-full items-center justify-center rounded border-2 border-primary-700 bg-white px-4 py-3 font-semibold text-primary-800 hover:bg-primary-50 disabled:opacity-70"
      >
        {pending ? 'Redirection vers ProConnect…' : 'S’identifier avec ProConnect'}
      </button>
      <p className="mt-2 text-sm">
        <a href="https://www.proconnect.gouv.fr/" target="_blank" rel="noopener noreferrer" className="link">
          Qu’est-ce que ProConnect ?<span className="sr-only"> (nouvelle fenêtre)</span>
        </a>
      </p>
    </div>
  );
}
