import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/lib/http';
import { linkActions } from '@/lib/commitments/mutations';

type P = { id: string };

export const PUT = apiRoute<P>(async ({ actor, params, request }) => {
  return NextResponse.json(await linkActions(actor, params.id, await readJson(request)));
});
