import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/http';
import { getVersion } from '@/lib/plans/queries';

export const GET = apiRoute<{ slug: string; n: string }>(async ({ actor, params }) => {
  return NextResponse.json(await getVersion(actor, params.slug, Number(params.n)));
});
