import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/lib/http';
import { updateDelivery } from '@/lib/commitments/mutations';

type P = { id: string };

export const POST = apiRoute<P>(async ({ actor, params, request }) => {
  return NextResponse.json(await updateDelivery(actor, params.id, await readJson(request)));
});
