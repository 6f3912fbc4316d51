// Mounts the reference from a script file (the CSP forbids inline scripts without a nonce).
import { INIT_SCRIPT } from '@/lib/openapi/reference-page';

export function GET(): Response {
  return new Response(INIT_SCRIPT, { headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=86400' } });
}
