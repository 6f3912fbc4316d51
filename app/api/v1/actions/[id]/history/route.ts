import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/http';
import { getActionHistory } from '@/lib/actions/queries';

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => {
  return NextResponse.json({ items: await getActionHistory(actor, params.id) });
});
