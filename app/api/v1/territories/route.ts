import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/http';
import { listTerritories } from '@/lib/territories/queries';

export const GET = apiRoute(async ({ actor, request }) => {
  const region = request.nextUrl.searchParams.get('region') ?? undefined;
  const items = await listTerritories(actor, { regionCode: region });
  return NextResponse.json({ items });
});
