import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/http';
import { search } from '@/lib/search/queries';

export const GET = apiRoute(async ({ actor, request }) => {
  return NextResponse.json(await search(actor, request.nextUrl.searchParams.get('q') ?? ''));
});
