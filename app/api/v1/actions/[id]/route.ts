import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/lib/http';
import { getAction } from '@/lib/actions/queries';
import { updateAction } from '@/lib/actions/mutations';

type P = { id: string };

export const GET = apiRoute<P>(async ({ actor, params }) => {
  return NextResponse.json(await getAction(actor, params.id));
});

export const PATCH = apiRoute<P>(async ({ actor, params, request }) => {
  return NextResponse.json(await updateAction(actor, params.id, await readJson(request)));
});
