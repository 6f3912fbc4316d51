import { apiRoute } from '@/lib/http';
import { actionPack } from '@/lib/reports/pack';
import { packResponse } from '@/lib/reports/respond';

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => packResponse(await actionPack(actor, params.id), 'pdf'));
