// Daily purge of rows that only serve a bounded time (ADR 0025): ended sessions, stale
// sign-in counters, spent password-reset links, old sent or failed mails and old
// scheduler bookkeeping. The audit log is never purged here (it is the record).
import { db, type PrismaClient } from '@/lib/db';
import { parisDay } from '@/lib/commitments/rules';
import { parisWeek } from '@/lib/mail/weeks';
import { THROTTLE_RESET_MS } from '@/lib/auth/throttle';

const DAY_MS = 86_400_000;

/** Retention in days, per kind of row. */
export const RETENTION_DAYS = {
  /** Sessions ended (revoked or past their absolute limit) stay listed for a month. */
  endedSessions: 30,
  /** Reset links, used or expired. */
  resetTokens: 7,
  /** Sent mails and mails that failed for good (the administration's mail monitor). */
  mails: 90,
  /** Digest keys and scheduler runs: only the current week or day matters. */
  schedule: 60,
} as const;

export interface HousekeepingResult {
  sessions: number;
  throttle: number;
  resetTokens: number;
  mails: number;
  digests: number;
  scheduledRuns: number;
}

export async function purgeExpired(now = new Date(), client: PrismaClient = db as PrismaClient): Promise<HousekeepingResult> {
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const ended = before(RETENTION_DAYS.endedSessions);
  const horizonDay = parisDay(before(RETENTION_DAYS.schedule));
  const horizonWeek = parisWeek(before(RETENTION_DAYS.schedule)).week;
  const [sessions, throttle, resetTokens, mails, digests, scheduledRuns] = await client.$transaction([
    client.userSession.deleteMany({ where: { OR: [{ expiresAt: { lt: ended } }, { revokedAt: { lt: ended } }] } }),
    // A counter idle for longer than the reset period counts as zero anyway (lib/auth/throttle.ts).
    client.loginThrottle.deleteMany({ where: { lastAttemptAt: { lt: new Date(now.getTime() - THROTTLE_RESET_MS) } } }),
    client.passwordResetToken.deleteMany({ where: { expiresAt: { lt: before(RETENTION_DAYS.resetTokens) } } }),
    client.emailOutbox.deleteMany({
      where: {
        OR: [
          { status: 'SENT', sentAt: { lt: before(RETENTION_DAYS.mails) } },
          { status: 'FAILED', updatedAt: { lt: before(RETENTION_DAYS.mails) } },
        ],
      },
    }),
    // By their own keys ("2026-12-01", "2026-W49": both sort as text), on the clock the
    // scheduler uses, so that a run claimed in this tick never falls behind the horizon.
    client.emailDigest.deleteMany({ where: { week: { lt: horizonWeek } } }),
    client.scheduledRun.deleteMany({
      where: {
        OR: [
          { job: 'weekly-digest', key: { lt: horizonWeek } },
          { job: { not: 'weekly-digest' }, key: { lt: horizonDay } },
        ],
      },
    }),
  ]);
  return {
    sessions: sessions.count,
    throttle: throttle.count,
    resetTokens: resetTokens.count,
    mails: mails.count,
    digests: digests.count,
    scheduledRuns: scheduledRuns.count,
  };
}
