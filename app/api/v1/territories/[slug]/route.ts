import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/http';
import { getTerritory } from '@/lib/territories/queries';

export const GET = apiRoute<{ slug: string }>(async ({ actor, params }) => {
  const { id: _id, ...territory } = await getTerritory(actor, params.slug);
  return NextResponse.json(territory);
});
