import { apiRoute } from '@/lib/http';
import { exportActionsCsv } from '@/lib/exports/actions';
import { programmeFiltersSchema } from '@/lib/actions/programme-filters';

export const GET = apiRoute(async ({ actor, request }) => {
  const q = request.nextUrl.searchParams;
  const filters = programmeFiltersSchema.parse(Object.fromEntries(q));
  const csv = await exportActionsCsv(actor, filters, q.get('sep') === 'comma' ? ',' : ';');
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="actions-${stamp}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
});
