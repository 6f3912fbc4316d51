import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/http';
import { getCommitmentOverview } from '@/lib/commitments/queries';

export const GET = apiRoute(async ({ actor }) => NextResponse.json(await getCommitmentOverview(actor)));
