// GET /api/proconnect/logout/callback — ProConnect's post_logout_redirect_uri. The local
// session is already gone; the state only tells a completed logout from a stray visit.
import { NextResponse, type NextRequest } from 'next/server';
import { LOGOUT_CALLBACK_PATH, LOGOUT_STATE_COOKIE } from '@/lib/auth/proconnect';
import { env } from '@/lib/env';

export function GET(request: NextRequest): Response {
  const expected = request.cookies.get(LOGOUT_STATE_COOKIE)?.value;
  const state = request.nextUrl.searchParams.get('state');
  const ok = !!expected && !!state && expected === state;
  const target = new URL(ok ? '/connexion?deconnexion=proconnect' : '/connexion', env().NEXTAUTH_URL ?? request.nextUrl.origin);
  const response = NextResponse.redirect(target, 303);
  response.cookies.set(LOGOUT_STATE_COOKIE, '', { path: LOGOUT_CALLBACK_PATH, maxAge: 0 });
  return response;
}
