import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/lib/http';
import { getCommitment } from '@/lib/commitments/queries';
import { updateCommitment } from '@/lib/commitments/mutations';

type P = { id: string };

export const GET = apiRoute<P>(async ({ actor, params }) => NextResponse.json(await getCommitment(actor, params.id)));

export const PATCH = apiRoute<P>(async ({ actor, params, request }) =>
  NextResponse.json(await updateCommitment(actor, params.id, await readJson(request))),
);
