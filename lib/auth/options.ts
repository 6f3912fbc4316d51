// next-auth configuration: e-mail + password (credentials), JWT sessions in an
// HttpOnly cookie, and a ProConnect (OIDC) slot enabled by environment only.
import type { NextAuthOptions } from 'next-auth';
import type { Provider } from 'next-auth/providers/index';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { env } from '@/lib/env';
import { checkCredentials } from '@/lib/users/queries';
import { PROCONNECT_ID, proconnectConfig, proconnectProvider, type ProConnectProfile } from '@/lib/auth/proconnect';
import { signInWithOidcIdentity } from '@/lib/users/oidc-identities';

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
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const result = await checkCredentials(parsed.data.email, parsed.data.password);
        return result.ok ? result.user : null;
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
      async signIn({ user, account }) {
        if (account?.provider === 'credentials') return true;
        if (account?.provider === PROCONNECT_ID) {
          // The identity signs in only the active account it is linked to or whose e-mail it proves.
          const result = await signInWithOidcIdentity({
            provider: PROCONNECT_ID,
            subject: account.providerAccountId,
            email: (user as ProConnectProfile).email,
          });
          if (!result.ok) return result.reason === 'invitation-expired' ? '/connexion?error=InvitationExpired' : false;
          user.id = result.userId;
          return true;
        }
        return false;
      },
      jwt({ token, user, account }) {
        if (user) token.sub = user.id;
        // Kept (in the encrypted session cookie) to end the ProConnect session at sign-out.
        if (account?.provider === PROCONNECT_ID && account.id_token) token.idToken = account.id_token;
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
  };
  return cached;
}
