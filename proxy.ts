// Passes the requested path to server layouts (for navigation state and the
// post-sign-in return) and sets the per-request Content-Security-Policy nonce
// (Next.js reads the CSP request header and nonces its own scripts), plus HSTS in
// production. Not an authorization boundary: pages and routes check the user.
// API routes are not matched: their bodies must reach the handler unbuffered
// (lib/http.ts caps them) and they carry the static headers of next.config.js.
import { NextResponse, type NextRequest } from 'next/server';
import { createNonce, pageSecurityHeaders } from '@/lib/security/headers';

function issuerOrigin(): string[] {
  try {
    return process.env.PROCONNECT_ISSUER ? [new URL(process.env.PROCONNECT_ISSUER).origin] : [];
  } catch {
    return [];
  }
}

export function proxy(request: NextRequest) {
  const nonce = createNonce();
  const headers = pageSecurityHeaders({
    nonce,
    production: process.env.NODE_ENV === 'production',
    development: process.env.NODE_ENV === 'development',
    host: request.headers.get('host'),
    formActionOrigins: issuerOrigin(),
  });
  const csp = headers['Content-Security-Policy'] as string;
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-pathname', request.nextUrl.pathname);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [key, value] of Object.entries(headers)) response.headers.set(key, value);
  return response;
}

export const config = { matcher: ['/((?!api|_next/static|_next/image|favicon.ico).*)'] };
