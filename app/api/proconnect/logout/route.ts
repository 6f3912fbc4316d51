// POST /api/proconnect/logout — called by the sign-out button before next-auth clears the
// session: returns the provider's end-session URL (id_token_hint, state,
// post_logout_redirect_uri) for a ProConnect session, or { url: null } for any other.
// The browser then navigates there (a navigation, not a cross-origin form post).
import { NextResponse, type NextRequest } from 'next/server';
import { proconnectLogout } from '@/lib/auth/proconnect-logout';
import { checkSameOrigin, errorResponse } from '@/lib/http';

export async function POST(request: NextRequest): Promise<Response> {
  try {
    checkSameOrigin(request);
    const end = await proconnectLogout(request.cookies.getAll(), request.nextUrl.origin);
    const response = NextResponse.json({ url: end?.url ?? null }, { headers: { 'Cache-Control': 'no-store' } });
    if (end) response.cookies.set(end.stateCookie.name, end.stateCookie.value, end.stateCookie.options);
    return response;
  } catch (error) {
    return errorResponse(error);
  }
}
