'use server';

// "Déconnecter tous mes appareils": ends every session of the signed-in user, this browser's
// included, then drops this browser's (now useless) session cookie.
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/session';
import { signOutEverywhere } from '@/lib/auth/sessions';

export async function signOutEverywhereAction(): Promise<void> {
  const actor = await getActor();
  if (actor) await signOutEverywhere(actor);
  const store = await cookies();
  for (const c of store.getAll()) {
    if (/^(__Secure-)?next-auth\.session-token/.test(c.name)) store.delete(c.name);
  }
  redirect('/connexion');
}
