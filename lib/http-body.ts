// Bounded request bodies (ASVS V2/V15: resource limits). A body is refused with 413
// from its Content-Length before anything is read, or as soon as the bytes read
// while streaming pass the cap; it is never buffered whole first.
import { NextResponse } from 'next/server';

const MB = 1024 * 1024;

/** The documented cap of each kind of body (docs/API.md, docs/SECURITY.md). */
export const BODY_LIMITS = {
  /** Every JSON body of /api/v1. */
  json: 1 * MB,
  /** The official territory list (text/csv) on /api/v1/imports/territories. */
  csvImport: 20 * MB,
  /** A plan workbook (XLSX) on /api/v1/territories/{slug}/plan/import. */
  xlsxImport: 10 * MB,
  /** CSP violation reports sent by browsers. */
  cspReport: 64 * 1024,
  /** next-auth's own form posts (sign-in, sign-out, CSRF token): a few hundred bytes. */
  authForm: 64 * 1024,
} as const;

function label(limit: number): string {
  return limit >= MB ? `${Math.round(limit / MB)} Mo` : `${Math.round(limit / 1024)} Ko`;
}

export class PayloadTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`Le corps de la requête dépasse la taille autorisée (${label(limit)}).`);
    this.name = 'PayloadTooLarge';
  }

  response(): NextResponse {
    return NextResponse.json({ error: 'PAYLOAD_TOO_LARGE', message: this.message }, { status: 413 });
  }
}

/** Refuses a declared Content-Length above the cap (or not a number) without reading. */
export function checkDeclaredLength(request: Request, limit: number): void {
  const declared = request.headers.get('content-length');
  if (declared === null) return;
  const n = Number(declared);
  if (!/^\d+$/.test(declared.trim()) || !Number.isSafeInteger(n) || n > limit) throw new PayloadTooLarge(limit);
}

/** Reads the body, at most `limit` bytes; stops reading and throws PayloadTooLarge past it. */
export async function readBodyBytes(request: Request, limit: number): Promise<Uint8Array> {
  checkDeclaredLength(request, limit);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      // Stop reading; the server discards the rest after the 413 has been sent
      // (cancelling here could close the socket before the client sees the answer).
      reader.releaseLock();
      throw new PayloadTooLarge(limit);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

export async function readBodyText(request: Request, limit: number): Promise<string> {
  return new TextDecoder('utf-8').decode(await readBodyBytes(request, limit));
}
