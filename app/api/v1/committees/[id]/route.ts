import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/lib/http';
import { getCommittee } from '@/lib/committees/queries';
import { updateCommittee } from '@/lib/committees/mutations';

type P = { id: string };

export const GET = apiRoute<P>(async ({ actor, params }) => {
  return NextResponse.json(await getCommittee(actor, params.id));
});

export const PATCH = apiRoute<P>(async ({ actor, params, request }) => {
  return NextResponse.json(await updateCommittee(actor, params.id, await readJson(request)));
});
