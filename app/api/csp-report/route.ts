// Collects Content-Security-Policy violation reports (report-uri and Reporting API).
// Unauthenticated by nature (the browser sends them); small bodies only; logged as
// one JSON line each, never echoed back.
import { NextResponse, type NextRequest } from 'next/server';
import { BODY_LIMITS, PayloadTooLarge, readBodyText } from '@/lib/http-body';

export const dynamic = 'force-dynamic';

const ACCEPTED = ['application/csp-report', 'application/reports+json', 'application/json'];

function summarise(report: unknown): Record<string, unknown> {
  const r = (report ?? {}) as Record<string, unknown>;
  const body = (r['csp-report'] ?? r.body ?? r) as Record<string, unknown>;
  const pick = (...keys: string[]) => keys.map((k) => body[k]).find((v) => typeof v === 'string');
  return {
    documentUri: pick('document-uri', 'documentURL'),
    directive: pick('effective-directive', 'effectiveDirective', 'violated-directive'),
    blockedUri: pick('blocked-uri', 'blockedURL'),
    source: pick('source-file', 'sourceFile'),
    line: body['line-number'] ?? body.lineNumber,
  };
}

export async function POST(request: NextRequest) {
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  if (!ACCEPTED.some((t) => type.startsWith(t))) return new NextResponse(null, { status: 415 });
  try {
    const text = await readBodyText(request, BODY_LIMITS.cspReport);
    const parsed = JSON.parse(text) as unknown;
    const reports = Array.isArray(parsed) ? parsed : [parsed];
    for (const report of reports.slice(0, 20)) {
      console.warn(JSON.stringify({ event: 'csp_violation', ...summarise(report) }));
    }
  } catch (error) {
    if (error instanceof PayloadTooLarge) return error.response();
    return new NextResponse(null, { status: 400 });
  }
  return new NextResponse(null, { status: 204 });
}
