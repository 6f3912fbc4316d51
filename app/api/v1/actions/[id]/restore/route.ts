import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/lib/http';
import { restoreAction } from '@/lib/actions/mutations';

export const POST = apiRoute<{ id: string }>(async ({ actor, params, request }) => {
  return NextResponse.json(await restoreAction(actor, params.id, await readJson(request)));
});
