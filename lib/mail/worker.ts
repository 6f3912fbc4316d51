// The outbox worker: claims due mails with FOR UPDATE SKIP LOCKED under a lease, sends them,
// and marks each one sent only if it still holds the claim. Two app instances on one
// database never claim the same row at once; a worker that dies mid-send leaves a lease that
// expires, and the row is retried. SMTP down = the row goes back with exponential backoff.
import os from 'node:os';
import crypto from 'node:crypto';
import { db, type PrismaClient } from '@/lib/db';
import { mailConfig } from './config';
import { SECRET_KINDS, type MailKind } from './outbox';
import { openBody } from './seal';
import { transportFor, type MailTransport } from './transport';

export const MAX_ATTEMPTS = 10;
const LEASE_MS = 2 * 60_000; // > the transport's timeouts (lib/mail/transport.ts)
const BASE_BACKOFF_MS = 30_000;
const MAX_BACKOFF_MS = 60 * 60_000;
const BATCH = 20;

/** Delay before attempt n+1 after n failed attempts: 30 s, 1 min, 2 min… capped at 1 h. */
export function backoffMs(attempts: number, random = Math.random()): number {
  const base = Math.min(BASE_BACKOFF_MS * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
  return Math.round(base * (0.9 + 0.2 * random));
}

interface Claimed {
  id: string;
  kind: string;
  toAddress: string;
  subject: string;
  body: string;
  attempts: number;
}

export interface TickResult {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
}

export interface MailWorkerOptions {
  client?: PrismaClient;
  transport?: MailTransport;
  from?: string;
  workerId?: string;
  log?: (line: string) => void;
}

export interface MailWorker {
  readonly id: string;
  /** One pass: claim what is due at `now`, send it, record the outcome. */
  tick(now?: Date): Promise<TickResult>;
  close(): void;
}

const iso = (d: Date) => d.toISOString();

function describe(error: unknown): { message: string; permanent: boolean } {
  const e = error as { message?: string; code?: string; responseCode?: number };
  const permanent = typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600;
  const message = [e.code, e.responseCode, e.message ?? String(error)].filter(Boolean).join(' ').slice(0, 500);
  return { message, permanent };
}

export function createMailWorker(options: MailWorkerOptions = {}): MailWorker {
  const client = options.client ?? (db as PrismaClient);
  const id = options.workerId ?? `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString('hex')}`;
  const log = options.log ?? ((line: string) => console.log(line));
  let transport = options.transport;
  const getTransport = () => (transport ??= transportFor(mailConfig()));
  const from = () => options.from ?? mailConfig().from;

  async function claim(now: Date): Promise<Claimed[]> {
    const lease = new Date(now.getTime() + LEASE_MS);
    // Timestamps are written as UTC wall time, as Prisma stores them (timestamp(3)).
    return client.$queryRaw<Claimed[]>`
      with due as (
        select id from "EmailOutbox"
        where status = 'PENDING'
          and "nextAttemptAt" <= ${iso(now)}::timestamp
          and ("lockedUntil" is null or "lockedUntil" < ${iso(now)}::timestamp)
        order by "nextAttemptAt", id
        limit ${BATCH}
        for update skip locked
      )
      update "EmailOutbox" e
      set "lockedBy" = ${id}, "lockedUntil" = ${iso(lease)}::timestamp,
          attempts = e.attempts + 1, "updatedAt" = ${iso(now)}::timestamp
      from due where e.id = due.id
      returning e.id, e.kind, e."toAddress", e.subject, e.body, e.attempts`;
  }

  async function deliver(row: Claimed, now: Date): Promise<'sent' | 'retried' | 'failed'> {
    try {
      const body = openBody(row.body);
      const { messageId } = await getTransport().send({
        id: row.id,
        from: from(),
        to: row.toAddress,
        subject: row.subject,
        text: body.text,
        html: body.html,
        headers: body.headers,
      });
      // Only the claim's owner records the outcome: a row whose lease was taken over is
      // left to the new owner.
      await client.emailOutbox.updateMany({
        where: { id: row.id, lockedBy: id },
        data: {
          status: 'SENT',
          sentAt: new Date(),
          messageId,
          lastError: null,
          lockedBy: null,
          lockedUntil: null,
          ...(SECRET_KINDS.includes(row.kind as MailKind) ? { body: '' } : {}),
        },
      });
      return 'sent';
    } catch (error) {
      const { message, permanent } = describe(error);
      const failed = permanent || row.attempts >= MAX_ATTEMPTS;
      await client.emailOutbox.updateMany({
        where: { id: row.id, lockedBy: id },
        data: {
          status: failed ? 'FAILED' : 'PENDING',
          lastError: message,
          nextAttemptAt: new Date(now.getTime() + backoffMs(row.attempts)),
          lockedBy: null,
          lockedUntil: null,
        },
      });
      log(`[courriel] échec d’envoi ${row.id} (tentative ${row.attempts}${failed ? ', abandon' : ''}) : ${message}`);
      return failed ? 'failed' : 'retried';
    }
  }

  return {
    id,
    async tick(now = new Date()) {
      const rows = await claim(now);
      const result: TickResult = { claimed: rows.length, sent: 0, retried: 0, failed: 0 };
      for (const row of rows) result[await deliver(row, now)]++;
      return result;
    },
    close() {
      transport?.close();
      transport = undefined;
    },
  };
}
