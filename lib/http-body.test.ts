// Bodies are refused before they are read: a never-ending stream with a huge
// Content-Length is answered at once, and a stream without Content-Length is
// abandoned as soon as it passes the cap.
import { describe, expect, it } from 'vitest';
import { BODY_LIMITS, PayloadTooLarge, readBodyText } from '@/lib/http-body';

function endless(onPull: () => void): ReadableStream<Uint8Array> {
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
  return new ReadableStream({
    pull(controller) {
      onPull();
      controller.enqueue(chunk);
    },
  });
}

function post(body: ReadableStream<Uint8Array> | string, headers: Record<string, string> = {}): Request {
  return new Request('http://localhost/api/v1/x', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
}

describe('readBodyText', () => {
  it('refuses a declared Content-Length above the cap without reading a byte', async () => {
    let pulls = 0;
    const request = post(endless(() => pulls++), { 'content-length': String(70 * 1024 * 1024) });
    const started = Date.now();
    const error = await readBodyText(request, BODY_LIMITS.json).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PayloadTooLarge);
    expect(Date.now() - started).toBeLessThan(500);
    // The stream's first pull happens when it is created (highWaterMark 1); nothing more.
    expect(pulls).toBeLessThanOrEqual(1);
    const response = (error as PayloadTooLarge).response();
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: 'PAYLOAD_TOO_LARGE',
      message: 'Le corps de la requête dépasse la taille autorisée (1 Mo).',
    });
  });

  it('refuses a malformed Content-Length', async () => {
    await expect(readBodyText(post('{}', { 'content-length': '1e9' }), BODY_LIMITS.json)).rejects.toBeInstanceOf(PayloadTooLarge);
  });

  it('stops reading a stream without Content-Length once past the cap', async () => {
    let pulls = 0;
    const error = await readBodyText(post(endless(() => pulls++)), BODY_LIMITS.json).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PayloadTooLarge);
    // 1 MB in 64 KB chunks: 17 chunks pass the cap; a few more may be prefetched, not 70 MB.
    expect(pulls).toBeLessThan(25);
  });

  it('reads a body under the cap', async () => {
    expect(await readBodyText(post('{"a":"é"}'), BODY_LIMITS.json)).toBe('{"a":"é"}');
  });

  it('names the import cap in French', () => {
    expect(new PayloadTooLarge(BODY_LIMITS.csvImport).message).toBe('Le corps de la requête dépasse la taille autorisée (20 Mo).');
  });
});
