// Scalar's bundle from our own origin (ADR 0022): the page's CSP allows no other.
import { scalarBundle } from '@/lib/openapi/reference-page';

export async function GET(): Promise<Response> {
  return new Response(new Uint8Array(await scalarBundle()), {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=86400' },
  });
}
