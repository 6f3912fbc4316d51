import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/lib/http';
import { updateDelivery } from '@/lib/commitments/mutations';

type P = { id: string };

export const POST = apiRoute<P>(async ({ actor, params, request }) => {
  const { canManage: _m, canUpdateDelivery: _d, ...commitment } = await updateDelivery(actor, params.id, await readJson(request));
  return NextResponse.json(commitment);
});
