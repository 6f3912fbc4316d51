// The acting user of a server action: every server action is a public endpoint and checks the
// user itself (the domain function then authorizes the operation on its resource).
import { getActor } from '@/lib/auth/session';
import type { Actor } from '@/lib/authz/policy';
import { unauthenticated } from '@/lib/errors';

/** The signed-in actor, or UNAUTHENTICATED (mapped to "Votre session a expiré…" by the result helpers). */
export async function serverActionActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw unauthenticated();
  return actor;
}
