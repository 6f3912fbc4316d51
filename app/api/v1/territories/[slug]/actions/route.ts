import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/lib/http';
import { listActions } from '@/lib/actions/queries';
import { createAction } from '@/lib/actions/mutations';
import { actionFiltersSchema } from '@/lib/actions/schemas';

type P = { slug: string };

export const GET = apiRoute<P>(async ({ actor, params, request }) => {
  const filters = actionFiltersSchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  const items = await listActions(actor, params.slug, filters);
  return NextResponse.json({ items });
});

export const POST = apiRoute<P>(async ({ actor, params, request }) => {
  const action = await createAction(actor, params.slug, await readJson(request));
  return NextResponse.json(action, { status: 201, headers: { Location: `/api/v1/actions/${action.id}` } });
});
