// Ending the ProConnect session of the current browser (ADR 0014), shared by the sign-out
// button's route and "Se déconnecter partout": the provider's end-session URL for a
// ProConnect session (from the id_token kept in the session cookie), with the state cookie
// the logout callback checks; null for any other session.
import { getToken } from 'next-auth/jwt';
import { authOptions } from '@/lib/auth/options';
import { endSessionUrl, LOGOUT_CALLBACK_PATH, LOGOUT_STATE_COOKIE } from '@/lib/auth/proconnect';
import { env } from '@/lib/env';

export interface ProconnectLogout {
  url: string;
  stateCookie: { name: string; value: string; options: { httpOnly: true; sameSite: 'lax'; secure: boolean; path: string; maxAge: number } };
}

export async function proconnectLogout(cookies: { name: string; value: string }[], origin: string): Promise<ProconnectLogout | null> {
  const e = env();
  const appUrl = e.NEXTAUTH_URL ?? origin;
  const secure = appUrl.startsWith('https://');
  const token = await getToken({
    // Cookies only (as lib/auth/session.ts): never a token from an Authorization header.
    req: { cookies: Object.fromEntries(cookies.map((c) => [c.name, c.value])), headers: {} } as never,
    secret: e.NEXTAUTH_SECRET,
    secureCookie: secure,
    cookieName: authOptions().cookies?.sessionToken?.name,
  });
  const idToken = typeof token?.idToken === 'string' ? token.idToken : null;
  const end = idToken ? await endSessionUrl(idToken, appUrl) : null;
  if (!end) return null;
  return {
    url: end.url,
    stateCookie: {
      name: LOGOUT_STATE_COOKIE,
      value: end.state,
      options: { httpOnly: true, sameSite: 'lax', secure, path: LOGOUT_CALLBACK_PATH, maxAge: 600 },
    },
  };
}
