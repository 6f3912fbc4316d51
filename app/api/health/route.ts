import { NextResponse } from 'next/server';
import { databaseIsReachable } from '@/lib/health';

export const dynamic = 'force-dynamic';

export async function GET() {
  const ok = await databaseIsReachable();
  return NextResponse.json(
    { status: ok ? 'ok' : 'error', database: ok ? 'ok' : 'unreachable' },
    { status: ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
