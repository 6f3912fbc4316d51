import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/http';
import { compareVersions } from '@/lib/plans/queries';

export const GET = apiRoute<{ slug: string }>(async ({ actor, params, request }) => {
  const q = request.nextUrl.searchParams;
  return NextResponse.json(await compareVersions(actor, params.slug, Number(q.get('from')), Number(q.get('to'))));
});
