import { apiRoute } from '@/lib/http';
import { exportActionsCsvStream } from '@/lib/exports/actions';
import { programmeFiltersSchema } from '@/lib/actions/programme-filters';
import { parisDay } from '@/lib/calendar';

export const GET = apiRoute(async ({ actor, request }) => {
  const q = request.nextUrl.searchParams;
  const filters = programmeFiltersSchema.parse(Object.fromEntries(q));
  // Streamed batch by batch (bounded memory).
  const csv = await exportActionsCsvStream(actor, filters, q.get('sep') === 'comma' ? ',' : ';');
  const stamp = parisDay();
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="actions-${stamp}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
});
