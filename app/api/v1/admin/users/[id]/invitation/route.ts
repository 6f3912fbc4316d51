import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/http';
import { reinviteUser } from '@/lib/admin/users';

type P = { id: string };

/** A new activation link for an invitation not yet accepted; the previous link stops working. */
export const POST = apiRoute<P>(async ({ actor, params }) => {
  return NextResponse.json(await reinviteUser(actor, params.id), { headers: { 'Cache-Control': 'no-store' } });
});
