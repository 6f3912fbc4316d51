import { NextResponse } from 'next/server';
import { apiRoute, UnsupportedMediaType } from '@/lib/http';
import { BODY_LIMITS, readBodyBytes } from '@/lib/http-body';
import { authorize } from '@/lib/authz/policy';
import { getTerritoryRef } from '@/lib/territories/queries';
import { importPlanWorkbook, XLSX_TYPE } from '@/lib/plans/workbook';

// ?dryRun=1 previews (same report, nothing written). Any error in the file: nothing is
// written and every error is listed (200, applied: false); a stale version: 409.
export const POST = apiRoute<{ slug: string }>(async ({ actor, params, request }) => {
  // Scope and role before a single byte of the body is read; then at most the cap.
  const territory = await getTerritoryRef(actor, params.slug);
  authorize(actor, 'plan:edit', { territoryId: territory.id, regionCodes: territory.regionCodes, status: territory.status });
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  if (!type.startsWith(XLSX_TYPE)) throw new UnsupportedMediaType(XLSX_TYPE);
  const dryRun = ['1', 'true'].includes(request.nextUrl.searchParams.get('dryRun') ?? '');
  const bytes = await readBodyBytes(request, BODY_LIMITS.xlsxImport);
  return NextResponse.json(await importPlanWorkbook(actor, params.slug, bytes, { dryRun }));
});
