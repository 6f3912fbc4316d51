import { apiRoute } from '@/lib/http';
import { territoryPack } from '@/lib/reports/pack';
import { packResponse } from '@/lib/reports/respond';

export const GET = apiRoute<{ slug: string }>(async ({ actor, params }) => packResponse(await territoryPack(actor, params.slug), 'pdf'));
