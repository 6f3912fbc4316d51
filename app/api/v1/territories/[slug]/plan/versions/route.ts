import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/http';
import { listVersions } from '@/lib/plans/queries';

export const GET = apiRoute<{ slug: string }>(async ({ actor, params }) => {
  return NextResponse.json({ items: await listVersions(actor, params.slug) });
});
