// The acting user for server components, server actions and route handlers.
// One cookie decode and one actor load per request: the load also checks the
// server-side session the JWT points to (ADR 0012), so a revoked, expired or idle
// session, or a deactivated user, is simply signed out.
import { cache } from 'react';
import { cookies } from 'next/headers';
import { getToken } from 'next-auth/jwt';
import { env } from '@/lib/env';
import type { Actor } from '@/lib/authz/policy';
import { findActiveActor } from '@/lib/users/queries';
import { redirect } from 'next/navigation';

/** The user id and session id carried by the session cookie, or null. */
export const getSessionClaims = cache(async (): Promise<{ userId: string; sessionId: string } | null> => {
  const store = await cookies();
  // Cookies only: a session token is never accepted from an Authorization header.
  const token = await getToken({
    req: { cookies: Object.fromEntries(store.getAll().map((c) => [c.name, c.value])), headers: {} } as never,
    secret: env().NEXTAUTH_SECRET,
  });
  const userId = typeof token?.sub === 'string' ? token.sub : null;
  const sessionId = typeof token?.sid === 'string' ? token.sid : null;
  return userId && sessionId ? { userId, sessionId } : null;
});

export const getActor = cache(async (): Promise<Actor | null> => {
  const claims = await getSessionClaims();
  if (!claims) return null;
  return findActiveActor(claims.userId, claims.sessionId);
});

/** For pages: the signed-in actor, or a redirect to the sign-in page. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect('/connexion');
  return actor;
}
