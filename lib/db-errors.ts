// Recognises "the database is unavailable or too slow" among driver and Prisma
// errors, so that the API answers 503 (retry later) instead of 500 or hanging.
const PG_CODES = new Set([
  '57014', // query_canceled: statement_timeout
  '25P03', // idle_in_transaction_session_timeout
  '55P03', // lock_not_available: lock_timeout
  '57P01', // admin_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
  '08000',
  '08001',
  '08003',
  '08006',
]);
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'SocketTimeout', 'TooManyConnections', 'ConnectionClosed', 'TransactionTimeout']);
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028']);
const MESSAGES = [/timeout exceeded when trying to connect/i, /connection terminated/i, /statement timeout/i, /ECONNREFUSED/];

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const e = error as { code?: unknown; message?: unknown; meta?: { driverAdapterError?: { cause?: Record<string, unknown> } }; cause?: unknown };
  if (typeof e.code === 'string' && (PRISMA_CODES.has(e.code) || PG_CODES.has(e.code))) return true;
  const cause = e.meta?.driverAdapterError?.cause;
  if (cause) {
    if (typeof cause.originalCode === 'string' && PG_CODES.has(cause.originalCode)) return true;
    if (typeof cause.kind === 'string' && ADAPTER_KINDS.has(cause.kind)) return true;
  }
  if (typeof e.message === 'string' && MESSAGES.some((m) => m.test(e.message as string))) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}
