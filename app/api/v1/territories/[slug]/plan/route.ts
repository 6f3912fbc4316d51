import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/http';
import { getPlanOverview } from '@/lib/plans/queries';

export const GET = apiRoute<{ slug: string }>(async ({ actor, params }) => {
  return NextResponse.json(await getPlanOverview(actor, params.slug));
});
