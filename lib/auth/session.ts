// The acting user for server components, server actions and route handlers.
import { cache } from 'react';
import { getServerSession } from 'next-auth';
import { authOptions } from '@/lib/auth/options';
import type { Actor } from '@/lib/authz/policy';
import { findActiveActor } from '@/lib/users/queries';
import { redirect } from 'next/navigation';

export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions());
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  return findActiveActor(id);
});

/** For pages: the signed-in actor, or a redirect to the sign-in page. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect('/connexion');
  return actor;
}
