import { apiRoute } from '@/lib/http';
import { regionPack } from '@/lib/reports/pack';
import { packResponse } from '@/lib/reports/respond';

export const GET = apiRoute<{ code: string }>(async ({ actor, params }) => packResponse(await regionPack(actor, params.code), 'docx'));
