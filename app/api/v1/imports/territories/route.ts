import { NextResponse } from 'next/server';
import { apiRoute, UnsupportedMediaType } from '@/lib/http';
import { importTerritories } from '@/lib/imports/territories';

export const POST = apiRoute(async ({ actor, request }) => {
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  if (!type.startsWith('text/csv')) throw new UnsupportedMediaType('text/csv');
  const report = await importTerritories(actor, await request.text(), request.headers.get('x-filename'));
  return NextResponse.json(report);
});
