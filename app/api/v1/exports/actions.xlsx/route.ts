import { apiRoute } from '@/lib/http';
import { exportActionsXlsx } from '@/lib/exports/actions';
import { programmeFiltersSchema } from '@/lib/actions/programme-filters';

export const GET = apiRoute(async ({ actor, request }) => {
  const filters = programmeFiltersSchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  const body = await exportActionsXlsx(actor, filters);
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="actions-${stamp}.xlsx"`,
      'Cache-Control': 'no-store',
    },
  });
});
