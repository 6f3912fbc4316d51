// GET /api/v1/openapi.json: the API's OpenAPI 3.1 document, generated from the zod schemas
// (lib/openapi/document.ts). Public: it describes routes, never data (ADR 0022).
import { NextResponse } from 'next/server';
import { openApiDocument } from '@/lib/openapi/document';

export function GET(): Response {
  return NextResponse.json(openApiDocument(), { headers: { 'Cache-Control': 'public, max-age=300' } });
}
