// POST /api/proconnect/logout — called by the sign-out button before next-auth clears the
// session: returns the provider's end-session URL (id_token_hint, state,
// post_logout_redirect_uri) for a ProConnect session, or { url: null } for any other.
// The browser then navigates there (a navigation, not a cross-origin form post).
import { NextResponse, type NextRequest } from 'next/server';
import { getToken } from 'next-auth/jwt';
import { authOptions } from '@/lib/auth/options';
import { endSessionUrl, LOGOUT_CALLBACK_PATH, LOGOUT_STATE_COOKIE } from '@/lib/auth/proconnect';
import { env } from '@/lib/env';
import { checkSameOrigin, errorResponse } from '@/lib/http';

export async function POST(request: NextRequest): Promise<Response> {
  try {
    checkSameOrigin(request);
    const e = env();
    const appUrl = e.NEXTAUTH_URL ?? request.nextUrl.origin;
    const secure = appUrl.startsWith('https://');
    const token = await getToken({
      // Cookies only (as lib/auth/session.ts): never a token from an Authorization header.
      req: { cookies: Object.fromEntries(request.cookies.getAll().map((c) => [c.name, c.value])), headers: {} } as never,
      secret: e.NEXTAUTH_SECRET,
      secureCookie: secure,
      cookieName: authOptions().cookies?.sessionToken?.name,
    });
    const idToken = typeof token?.idToken === 'string' ? token.idToken : null;
    const end = idToken ? await endSessionUrl(idToken, appUrl) : null;
    const response = NextResponse.json({ url: end?.url ?? null }, { headers: { 'Cache-Control': 'no-store' } });
    if (end) {
      response.cookies.set(LOGOUT_STATE_COOKIE, end.state, {
        httpOnly: true,
        sameSite: 'lax',
        secure,
        path: LOGOUT_CALLBACK_PATH,
        maxAge: 600,
      });
    }
    return response;
  } catch (error) {
    return errorResponse(error);
  }
}
