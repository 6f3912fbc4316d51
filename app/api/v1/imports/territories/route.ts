import { NextResponse } from 'next/server';
import { authorize } from '@/lib/authz/policy';
import { apiRoute, UnsupportedMediaType } from '@/lib/http';
import { invalid } from '@/lib/errors';
import { BODY_LIMITS, readBodyText } from '@/lib/http-body';
import { importTerritories } from '@/lib/imports/territories';

// ?dryRun=1 previews (same report, nothing written); ?phase=1|2 (default 2);
// If-Match: "<fingerprint of a preview>" applies only if nothing changed since (409 otherwise).
export const POST = apiRoute(async ({ actor, request }) => {
  // Authorization before a single byte of the body is read; then at most 20 MB.
  authorize(actor, 'import:territories', null);
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  if (!type.startsWith('text/csv')) throw new UnsupportedMediaType('text/csv');
  const query = request.nextUrl.searchParams;
  const dryRun = ['1', 'true'].includes(query.get('dryRun') ?? '');
  const phaseParam = query.get('phase');
  const phase = phaseParam === null ? undefined : Number(phaseParam);
  if (phase !== undefined && !Number.isInteger(phase)) throw invalid({ phase: ['Phase du programme inconnue (1 ou 2).'] });
  const ifMatch = request.headers.get('if-match')?.trim().replace(/^W\//, '').replace(/^"|"$/g, '') || null;
  const report = await importTerritories(actor, await readBodyText(request, BODY_LIMITS.csvImport), {
    filename: decodeFilename(request.headers.get('x-filename')),
    phase,
    dryRun,
    expectedFingerprint: ifMatch,
  });
  return NextResponse.json(report, { headers: { ETag: `"${report.fingerprint}"` } });
});

// Header values are Latin-1: the page sends the file name percent-encoded.
function decodeFilename(value: string | null): string | null {
  if (!value) return null;
  try {
    return decodeURIComponent(value).slice(0, 255);
  } catch {
    return value.slice(0, 255);
  }
}
