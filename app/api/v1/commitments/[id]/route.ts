import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/lib/http';
import { getCommitment, type CommitmentDto } from '@/lib/commitments/queries';
import { updateCommitment } from '@/lib/commitments/mutations';

type P = { id: string };

/** The API shows the commitment, not what the UI may offer this caller. */
const body = ({ canManage: _m, canUpdateDelivery: _d, ...commitment }: CommitmentDto) => commitment;

export const GET = apiRoute<P>(async ({ actor, params }) => NextResponse.json(body(await getCommitment(actor, params.id))));

export const PATCH = apiRoute<P>(async ({ actor, params, request }) =>
  NextResponse.json(body(await updateCommitment(actor, params.id, await readJson(request)))),
);
