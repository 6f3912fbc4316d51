import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/lib/http';
import { submitPlan } from '@/lib/plans/mutations';

export const POST = apiRoute<{ slug: string }>(async ({ actor, params, request }) => {
  return NextResponse.json(await submitPlan(actor, params.slug, await readJson(request)), { status: 201 });
});
