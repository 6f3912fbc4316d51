import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/lib/http';
import { archiveAction } from '@/lib/actions/mutations';

export const POST = apiRoute<{ id: string }>(async ({ actor, params, request }) => {
  return NextResponse.json(await archiveAction(actor, params.id, await readJson(request)));
});
