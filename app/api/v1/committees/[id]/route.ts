import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/lib/http';
import { getCommittee } from '@/lib/committees/queries';
import { updateCommittee } from '@/lib/committees/mutations';

type P = { id: string };

export const GET = apiRoute<P>(async ({ actor, params }) => {
  const { canEdit: _c, ...committee } = await getCommittee(actor, params.id);
  return NextResponse.json(committee);
});

export const PATCH = apiRoute<P>(async ({ actor, params, request }) => {
  const { canEdit: _c, ...committee } = await updateCommittee(actor, params.id, await readJson(request));
  return NextResponse.json(committee);
});
