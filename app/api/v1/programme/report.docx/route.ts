import { apiRoute } from '@/lib/http';
import { programmeFiltersSchema } from '@/lib/actions/programme-filters';
import { programmePack } from '@/lib/reports/pack';
import { packResponse } from '@/lib/reports/respond';

export const GET = apiRoute(async ({ actor, request }) => {
  const filters = programmeFiltersSchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  return packResponse(await programmePack(actor, filters), 'docx');
});
