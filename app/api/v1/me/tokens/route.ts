import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/lib/http';
import { createToken, listTokens } from '@/lib/tokens/tokens';

export const GET = apiRoute(async ({ actor }) => {
  return NextResponse.json({ items: await listTokens(actor) }, { headers: { 'Cache-Control': 'no-store' } });
});

export const POST = apiRoute(async ({ actor, request }) => {
  const created = await createToken(actor, await readJson(request));
  return NextResponse.json(created, { status: 201, headers: { 'Cache-Control': 'no-store' } });
});
