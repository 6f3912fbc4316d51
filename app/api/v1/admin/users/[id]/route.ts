import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/lib/http';
import { getUser, updateUser } from '@/lib/admin/users';

type P = { id: string };

export const GET = apiRoute<P>(async ({ actor, params }) => {
  return NextResponse.json(await getUser(actor, params.id));
});

export const PATCH = apiRoute<P>(async ({ actor, params, request }) => {
  return NextResponse.json(await updateUser(actor, params.id, await readJson(request)));
});
