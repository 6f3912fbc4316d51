// The client's address, for throttling and the security log (ADR 0012).
// Next.js fills X-Forwarded-For with the socket address only when the request has
// none, so a client can write that header itself: it is read only when
// TRUSTED_PROXY says how many reverse proxies (each appending the address it saw)
// stand in front of the app. Without one, the address is unknown (null) and only
// the per-account limits apply.
import net from 'node:net';
import { headers } from 'next/headers';
import { env } from '@/lib/env';

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(source: HeaderSource, name: string): string | undefined {
  if (source instanceof Headers) return source.get(name) ?? undefined;
  const value = source[name] ?? source[name.toLowerCase()];
  return Array.isArray(value) ? value.join(',') : value;
}

function normalise(raw: string | undefined): string | null {
  if (!raw) return null;
  let a = raw.trim();
  // "[::1]:1234" and "1.2.3.4:5678" forms some proxies write.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed?.[1]) a = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':'));
  if (a.toLowerCase().startsWith('::ffff:') && net.isIPv4(a.slice(7))) a = a.slice(7);
  return net.isIP(a) ? a.toLowerCase() : null;
}

/**
 * The address the nearest trusted proxy saw: with `hops` proxies, the `hops`-th
 * entry from the right of X-Forwarded-For. Null when no proxy is trusted, or the
 * header is shorter than the chain (a request that bypassed the proxy).
 */
export function clientAddress(source: HeaderSource, hops = env().TRUSTED_PROXY): string | null {
  if (hops < 1) return null;
  const list = (header(source, 'x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (list.length < hops) return null;
  return normalise(list[list.length - hops]);
}

/** Address and user agent of the current request; nulls outside a request. */
export async function requestContext(): Promise<{ ip: string | null; userAgent: string | null }> {
  try {
    const h = await headers();
    return { ip: clientAddress(h), userAgent: h.get('user-agent') };
  } catch {
    return { ip: null, userAgent: null };
  }
}
