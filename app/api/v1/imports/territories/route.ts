import { NextResponse } from 'next/server';
import { authorize } from '@/lib/authz/policy';
import { apiRoute, UnsupportedMediaType } from '@/lib/http';
import { BODY_LIMITS, readBodyText } from '@/lib/http-body';
import { importTerritories } from '@/lib/imports/territories';

export const POST = apiRoute(async ({ actor, request }) => {
  // Authorization before a single byte of the body is read; then at most 20 MB.
  authorize(actor, 'import:territories', null);
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  if (!type.startsWith('text/csv')) throw new UnsupportedMediaType('text/csv');
  const text = await readBodyText(request, BODY_LIMITS.csvImport);
  const report = await importTerritories(actor, text, request.headers.get('x-filename'));
  return NextResponse.json(report);
});
