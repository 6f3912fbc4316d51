// Structured JSON security log (pino), one line per event on stdout (ADR 0012).
// Events: sign-ins, throttling, session revocations, password changes and resets,
// token use, role changes, refused authorizations. Never a password, token, hash,
// cookie or session id: sensitive keys and JWT-looking strings are redacted here,
// whatever the caller passes.
import { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';

export interface SecurityEvent {
  /** Dotted name: `signin.success`, `signin.failure`, `signin.throttled`, `session.revoked`, `password.changed`… */
  event: string;
  userId?: string | null;
  [key: string]: unknown;
}

const REDACTED = '[redacted]';
const SENSITIVE_KEY = /pass(word|wd)?|secret|cookie|authorization|hash|credential|^sid$|^session(id)?$|token$|^apikey$/i;
const JWT_LIKE = /eyJ[\w-]{8,}\.[\w-]*\./;

/** A deep copy with every sensitive value replaced (exported for tests). */
export function sanitize(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return JWT_LIKE.test(value) ? REDACTED : value;
  if (value === null || typeof value !== 'object') return value;
  if (depth > 5) return '[depth]';
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Error) return { name: value.name, message: value.message };
  if (Array.isArray(value)) return value.map((v) => sanitize(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SENSITIVE_KEY.test(k) ? REDACTED : sanitize(v, depth + 1);
  return out;
}

function create(destination?: NodeJS.WritableStream, level = process.env.SECURITY_LOG_LEVEL ?? 'info'): Logger {
  const options = {
    base: { channel: 'security' },
    level,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
  };
  return destination ? pino(options, destination) : pino(options);
}

let logger: Logger | undefined;
const current = () => (logger ??= create());

function emit(level: 'info' | 'warn' | 'error', event: SecurityEvent, message?: string) {
  try {
    current()[level](sanitize(event) as object, message ?? event.event);
  } catch {
    // A logging failure never breaks the request it describes.
  }
}

export const securityLog = {
  info: (event: SecurityEvent, message?: string) => emit('info', event, message),
  warn: (event: SecurityEvent, message?: string) => emit('warn', event, message),
  error: (event: SecurityEvent, message?: string) => emit('error', event, message),
};

/**
 * A refused authorization, logged where an AppError FORBIDDEN is mapped to a response
 * (lib/http.ts, lib/action-result.ts). The error's `context` carries the ids.
 */
export function logDenied(error: { code: string; message: string; details?: { context?: Record<string, unknown> } }): void {
  if (error.code !== 'FORBIDDEN') return;
  securityLog.warn({ event: 'authz.denied', reason: error.message, ...error.details?.context });
}

/** Tests: collects every line written from now on; `stop()` restores stdout. */
export function captureSecurityLog(): { lines: () => Record<string, unknown>[]; raw: () => string; stop: () => void } {
  const chunks: string[] = [];
  const previous = logger;
  logger = create(
    new Writable({
      write(chunk: Buffer | string, _encoding, callback) {
        chunks.push(chunk.toString());
        callback();
      },
    }),
    'info',
  );
  const raw = () => chunks.join('');
  return {
    raw,
    lines: () =>
      raw()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
    stop: () => {
      logger = previous;
    },
  };
}
