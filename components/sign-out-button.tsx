'use client';

import { signOut } from 'next-auth/react';
import { buttonClasses } from '@/components/ui/button';

export function SignOutButton() {
  return (
    <button type="button" className={buttonClasses('secondary', 'sm')} onClick={() => void signOut({ callbackUrl: '/connexion' })}>
      Se déconnecter
    </button>
  );
}
