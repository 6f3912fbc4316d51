// GET /api/v1/me/notification-preferences → { AWAITING_DECISION: "IMMEDIATE" | "DIGEST" | "NONE", … }
// PATCH the same shape (any subset) → the full set. Only the caller's own.
import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/lib/http';
import { getPreferences, updatePreferences } from '@/lib/mail/preferences';

export const GET = apiRoute(async ({ actor }) => NextResponse.json(await getPreferences(actor)));

export const PATCH = apiRoute(async ({ request, actor }) => NextResponse.json(await updatePreferences(actor, await readJson(request))));
