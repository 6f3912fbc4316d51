import NextAuth from 'next-auth';
import { NextRequest, NextResponse } from 'next/server';
import { authOptions } from '@/lib/auth/options';
import { parseThrottledError, throttledMessage } from '@/lib/auth/throttle-message';
import { BODY_LIMITS, PayloadTooLarge, readBodyText } from '@/lib/http-body';

type Ctx = { params: Promise<{ nextauth: string[] }> };

// next-auth 4 reads params synchronously; Next 16 passes them as a promise.
async function handler(incoming: NextRequest, context: Ctx) {
  const params = await context.params;
  let request = incoming;
  if (incoming.method === 'POST') {
    // next-auth reads the whole body itself: cap it first (64 KB, 413 before more is read).
    try {
      const body = await readBodyText(incoming, BODY_LIMITS.authForm);
      request = new NextRequest(incoming.url, { method: 'POST', headers: incoming.headers, body });
    } catch (error) {
      if (error instanceof PayloadTooLarge) return error.response();
      throw error;
    }
  }
  const response = await (
    NextAuth(authOptions()) as (r: NextRequest, c: { params: { nextauth: string[] } }) => Promise<Response>
  )(request, { params });
  if (request.method === 'POST' && params.nextauth.join('/') === 'callback/credentials') return throttled(response);
  return response;
}

/**
 * A throttled sign-in (ADR 0012) becomes a 429 with Retry-After and a French message.
 * The body keeps next-auth's `url` (its client reads the error from it), so the
 * sign-in form can tell the wait too.
 */
async function throttled(response: Response): Promise<Response> {
  if (response.status !== 401 && response.status !== 302) return response;
  let url = response.headers.get('location');
  if (!url && response.headers.get('content-type')?.includes('application/json')) {
    url = ((await response.clone().json()) as { url?: string }).url ?? null;
  }
  const seconds = url ? parseThrottledError(new URL(url, 'http://x').searchParams.get('error')) : null;
  if (seconds === null) return response;
  const out = NextResponse.json(
    { error: 'TOO_MANY_ATTEMPTS', message: throttledMessage(seconds), retryAfter: seconds, url },
    { status: 429, headers: { 'Retry-After': String(seconds), 'Cache-Control': 'no-store' } },
  );
  // Keep next-auth's cookies (CSRF, callback URL) as they were set.
  for (const cookie of response.headers.getSetCookie()) out.headers.append('set-cookie', cookie);
  return out;
}

export { handler as GET, handler as POST };
