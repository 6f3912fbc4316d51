// next-auth configuration: e-mail + password (credentials), JWT sessions in an
// HttpOnly cookie, and a ProConnect (OIDC) slot enabled by environment only.
import type { NextAuthOptions } from 'next-auth';
import type { Provider } from 'next-auth/providers/index';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { env } from '@/lib/env';
import { findActiveActor } from '@/lib/users/queries';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { THROTTLED_ERROR } from '@/lib/auth/throttle-message';
import { createSession, revokeSession } from '@/lib/auth/sessions';
import { clientAddress, requestContext } from '@/lib/auth/client-address';
import { securityLog } from '@/lib/security-log';
import { PROCONNECT_ID, proconnectConfig, proconnectProvider, type ProConnectProfile } from '@/lib/auth/proconnect';
import { signInWithOidcIdentity } from '@/lib/users/oidc-identities';
import { safeRedirectPath } from '@/lib/security/safe-redirect';

const credentialsSchema = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(256),
});

function providers(): Provider[] {
  const list: Provider[] = [
    CredentialsProvider({
      id: 'credentials',
      name: 'Adresse e-mail et mot de passe',
      credentials: {
        email: { label: 'Adresse e-mail', type: 'email' },
        password: { label: 'Mot de passe', type: 'password' },
      },
      // Throttled before any password check (ADR 0012); a throttled attempt surfaces
      // as `TooManyAttempts:<seconds>`, answered 429 by app/api/auth/[...nextauth].
      async authorize(raw, req) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const ip = clientAddress((req?.headers ?? {}) as Record<string, string | undefined>);
        const result = await signInWithPassword(parsed.data.email, parsed.data.password, ip);
        if (result.ok) return result.user;
        if (result.reason === 'throttled') throw new Error(`${THROTTLED_ERROR}:${result.retryAfterSeconds}`);
        return null;
      },
    }),
  ];
  const proconnect = proconnectConfig();
  if (proconnect) list.push(proconnectProvider(proconnect));
  return list;
}

let cached: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  if (cached) return cached;
  const e = env();
  cached = {
    secret: e.NEXTAUTH_SECRET,
    providers: providers(),
    session: { strategy: 'jwt', maxAge: e.SESSION_MAX_AGE_HOURS * 3600 },
    pages: { signIn: '/connexion', error: '/connexion' },
    callbacks: {
      // Every next-auth redirect (sign-in, sign-out, errors) stays on our origin (ADR 0011).
      redirect({ url, baseUrl }) {
        return `${baseUrl}${safeRedirectPath(url, baseUrl)}`;
      },
      async signIn({ user, account }) {
        if (account?.provider === 'credentials') return true;
        if (account?.provider === PROCONNECT_ID) {
          // The identity signs in only the active account it is linked to or whose e-mail it proves.
          const result = await signInWithOidcIdentity({
            provider: PROCONNECT_ID,
            subject: account.providerAccountId,
            email: (user as ProConnectProfile).email,
          });
          if (!result.ok) {
            securityLog.warn({ event: 'signin.failure', provider: PROCONNECT_ID, reason: result.reason, userId: result.userId ?? null });
            return result.reason === 'invitation-expired' ? '/connexion?error=InvitationExpired' : false;
          }
          if (result.activated) securityLog.info({ event: 'invitation.activated', provider: PROCONNECT_ID, userId: result.userId });
          user.id = result.userId;
          return true;
        }
        return false;
      },
      // Sign-in (every provider) opens a server-side session whose id rides in the
      // JWT; afterwards the row, not the cookie's expiry, decides (ADR 0012).
      async jwt({ token, user, account }) {
        if (user) {
          const provider = account?.provider ?? 'credentials';
          const context = await requestContext();
          token.sub = user.id;
          token.sid = await createSession(user.id, { provider, userAgent: context.userAgent, ip: context.ip });
          securityLog.info({ event: 'signin.success', userId: user.id, provider, ip: context.ip });
          // Kept (in the encrypted session cookie) to end the ProConnect session at sign-out.
          if (account?.provider === PROCONNECT_ID && account.id_token) token.idToken = account.id_token;
          return token;
        }
        // Reads through /api/auth/session: next-auth clears the cookie when this throws,
        // and the cookie's sliding expiry never outlives the session row.
        const valid =
          typeof token.sub === 'string' && typeof token.sid === 'string' && (await findActiveActor(token.sub, token.sid));
        if (!valid) throw new Error('SESSION_ENDED');
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
    logger: {
      error(code, metadata) {
        const message = metadata instanceof Error ? metadata.message : metadata.error?.message;
        // A revoked or expired session read through /api/auth/session: expected, not an error.
        if (code === 'JWT_SESSION_ERROR' && message === 'SESSION_ENDED') return;
        console.error(`[next-auth][error][${code}]`, message, metadata);
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === 'string') await revokeSession(token.sid, 'sign-out');
      },
    },
  };
  return cached;
}
