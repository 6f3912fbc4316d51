import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/lib/http';
import { decideRegionally } from '@/lib/plans/mutations';

export const POST = apiRoute<{ slug: string; n: string }>(async ({ actor, params, request }) => {
  return NextResponse.json(await decideRegionally(actor, params.slug, Number(params.n), await readJson(request)));
});
