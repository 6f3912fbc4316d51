import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/lib/http';
import { listCommitments } from '@/lib/commitments/queries';
import { createCommitment } from '@/lib/commitments/mutations';

export const GET = apiRoute(async ({ actor, request }) => {
  const items = await listCommitments(actor, Object.fromEntries(request.nextUrl.searchParams));
  return NextResponse.json({ items });
});

export const POST = apiRoute(async ({ actor, request }) => {
  const commitment = await createCommitment(actor, await readJson(request));
  return NextResponse.json(commitment, { status: 201, headers: { Location: `/api/v1/commitments/${commitment.id}` } });
});
