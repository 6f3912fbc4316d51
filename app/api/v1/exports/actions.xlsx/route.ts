import { apiRoute } from '@/lib/http';
import { exportActionsXlsxStream } from '@/lib/exports/actions';
import { programmeFiltersSchema } from '@/lib/actions/programme-filters';
import { parisDay } from '@/lib/calendar';

export const GET = apiRoute(async ({ actor, request }) => {
  const filters = programmeFiltersSchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  // Streamed: rows are read and zipped batch by batch (bounded memory).
  const body = await exportActionsXlsxStream(actor, filters);
  const stamp = parisDay();
  return new Response(body, {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="actions-${stamp}.xlsx"`,
      'Cache-Control': 'no-store',
    },
  });
});
