import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/lib/http';
import { listRegionCommittees } from '@/lib/committees/queries';
import { createCommittee } from '@/lib/committees/mutations';

type P = { code: string };

export const GET = apiRoute<P>(async ({ actor, params, request }) => {
  const { items, total, page, pageSize } = await listRegionCommittees(
    actor,
    params.code,
    Object.fromEntries(request.nextUrl.searchParams),
  );
  return NextResponse.json({ items, total, page, pageSize });
});

export const POST = apiRoute<P>(async ({ actor, params, request }) => {
  const committee = await createCommittee(actor, params.code, await readJson(request));
  return NextResponse.json(committee, { status: 201, headers: { Location: `/api/v1/committees/${committee.id}` } });
});
