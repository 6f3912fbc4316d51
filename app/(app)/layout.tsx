import type { ReactNode } from 'react';
import Link from 'next/link';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { AppShell } from '@/components/layout/app-shell';
import { SignOutButton } from '@/components/sign-out-button';
import { signOutEverywhereAction } from './session-actions';
import { getActor } from '@/lib/auth/session';
import { ROLE_LABELS } from '@/lib/authz/policy';
import { navigationFor } from '@/lib/navigation';
import { homePathFor } from '@/lib/territories/queries';

// Every signed-in page depends on the session and live data: never prerendered.
export const dynamic = 'force-dynamic';

export default async function AuthenticatedLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  const path = (await headers()).get('x-pathname') ?? undefined;
  if (!actor) redirect(path ? `/connexion?callbackUrl=${encodeURIComponent(path)}` : '/connexion');
  const home = await homePathFor(actor);
  const role = actor.memberships[0]?.role;
  return (
    <AppShell
      user={{ name: actor.name, roleLabel: role ? ROLE_LABELS[role] : 'Sans rôle' }}
      nav={navigationFor(actor, home)}
      currentPath={path}
      signOutSlot={
        <>
          <Link href="/compte/jetons" className="link text-sm">
            Jetons d’API
          </Link>
          <SignOutButton everywhere={signOutEverywhereAction} />
        </>
      }
    >
      {children}
    </AppShell>
  );
}
