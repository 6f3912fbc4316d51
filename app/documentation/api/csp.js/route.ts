// Prepares the page for Scalar under the nonce CSP (see CSP_SCRIPT).
import { CSP_SCRIPT } from '@/lib/openapi/reference-page';

export function GET(): Response {
  return new Response(CSP_SCRIPT, { headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=86400' } });
}
