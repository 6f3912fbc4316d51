'use client';

import { useState } from 'react';
import { signOut } from 'next-auth/react';
import { buttonClasses } from '@/components/ui/button';

/**
 * Signs out of the app, and out of ProConnect when the session came from it: the server
 * hands the provider's end-session URL before the session is cleared, then the browser
 * navigates there (ADR 0014). `everywhere`: the server action that ends every session of
 * the user (optional).
 */
export function SignOutButton({ everywhere }: { everywhere?: () => Promise<void> }) {
  const [pending, setPending] = useState(false);
  async function onClick() {
    setPending(true);
    let providerUrl: string | null = null;
    try {
      const response = await fetch('/api/proconnect/logout', { method: 'POST' });
      if (response.ok) providerUrl = ((await response.json()) as { url: string | null }).url;
    } catch {
      // The local sign-out must happen anyway.
    }
    await signOut({ redirect: false });
    window.location.assign(providerUrl ?? '/connexion');
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button type="button" className={buttonClasses('secondary', 'sm')} disabled={pending} onClick={() => void onClick()}>
        {pending ? 'Déconnexion…' : 'Se déconnecter'}
      </button>
      {everywhere && (
        <form action={everywhere}>
          <button type="submit" className={buttonClasses('ghost', 'sm')}>
            Déconnecter tous mes appareils
          </button>
        </form>
      )}
    </div>
  );
}
