// The acting user for server components, server actions and route handlers.
// One cookie decode and one actor load per request: the load also checks the
// server-side session the JWT points to (ADR 0012), so a revoked, expired or idle
// session, or a deactivated user, is simply signed out.
import { cache } from 'react';
import { hkdfSync } from 'node:crypto';
import { cookies } from 'next/headers';
import { getToken, type JWTDecodeParams } from 'next-auth/jwt';
import { jwtDecrypt } from 'jose';
import { env } from '@/lib/env';
import type { Actor } from '@/lib/authz/policy';
import { findActiveActor } from '@/lib/users/queries';
import { redirect } from 'next/navigation';

// next-auth's own decode derives the cookie's encryption key (HKDF) on every call; the
// key depends on the secret only, so it is derived once per secret (ADR 0023), and
// imported once as a WebCrypto key (jose would otherwise import the raw bytes again on
// every decode, ADR 0026). Same derivation and checks as next-auth 4's `decode`
// (A256GCM, 15 s clock tolerance).
const derivedKeys = new Map<string, Promise<CryptoKey>>();
function encryptionKey(secret: string): Promise<CryptoKey> {
  let key = derivedKeys.get(secret);
  if (!key) {
    const bytes = new Uint8Array(hkdfSync('sha256', secret, '', 'NextAuth.js Generated Encryption Key', 32));
    key = crypto.subtle.importKey('raw', bytes, { name: 'AES-GCM' }, false, ['decrypt']);
    derivedKeys.set(secret, key);
  }
  return key;
}

async function decodeSessionToken({ token, secret }: JWTDecodeParams) {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, await encryptionKey(String(secret)), { clockTolerance: 15 });
  return payload;
}

/** The user id and session id carried by the session cookie, or null. */
export const getSessionClaims = cache(async (): Promise<{ userId: string; sessionId: string } | null> => {
  const store = await cookies();
  // Cookies only: a session token is never accepted from an Authorization header.
  const token = await getToken({
    req: { cookies: Object.fromEntries(store.getAll().map((c) => [c.name, c.value])), headers: {} } as never,
    secret: env().NEXTAUTH_SECRET,
    decode: decodeSessionToken,
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
