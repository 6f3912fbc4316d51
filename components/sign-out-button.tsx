'use client';

import { signOut } from 'next-auth/react';
import { buttonClasses } from '@/components/ui/button';

/** `everywhere`: the server action that ends every session of the user (optional). */
export function SignOutButton({ everywhere }: { everywhere?: () => Promise<void> }) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button type="button" className={buttonClasses('secondary', 'sm')} onClick={() => void signOut({ callbackUrl: '/connexion' })}>
        Se déconnecter
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
