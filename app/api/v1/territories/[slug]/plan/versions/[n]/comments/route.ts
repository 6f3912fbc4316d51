import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/lib/http';
import { commentVersion } from '@/lib/plans/mutations';

export const POST = apiRoute<{ slug: string; n: string }>(async ({ actor, params, request }) => {
  return NextResponse.json(await commentVersion(actor, params.slug, Number(params.n), await readJson(request)), { status: 201 });
});
