import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/lib/http';
import { reorderActions } from '@/lib/actions/mutations';

export const PUT = apiRoute<{ slug: string }>(async ({ actor, params, request }) => {
  await reorderActions(actor, params.slug, await readJson(request));
  return new NextResponse(null, { status: 204 });
});
