// The app's own schedule (no cron to set up): the weekly digest from Monday 08:00, the
// overdue-commitment notifications from 07:00 every day and the purge of expired rows from
// 03:00, Paris time. Every app instance runs this; a ScheduledRun row (job, key) makes each
// run happen once across instances.
import { db, type PrismaClient } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { notifyOverdueCommitments } from '@/lib/commitments/mutations';
import { parisDay } from '@/lib/calendar';
import { runWeeklyDigest } from '@/lib/mail/digest';
import { parisClock, parisWeek } from '@/lib/mail/weeks';
import { purgeExpired, type HousekeepingResult } from './housekeeping';

export const DIGEST_HOUR = 8;
export const OVERDUE_HOUR = 7;
/** The daily purge of expired rows (lib/jobs/housekeeping.ts), at night, Paris time. */
export const HOUSEKEEPING_HOUR = 3;

export interface ScheduleResult {
  overdue?: { overdue: number; created: number } | 'already-done';
  digest?: { week: string; queued: number } | 'already-done';
  housekeeping?: HousekeepingResult | 'already-done';
}

/** Inserts (job, key) unless present: true = this caller owns the run. */
async function claimRun(client: PrismaClient, job: string, key: string): Promise<boolean> {
  try {
    await client.scheduledRun.create({ data: { job, key } });
    return true;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return false;
    throw error;
  }
}

export async function runDueJobs(now = new Date(), client: PrismaClient = db as PrismaClient): Promise<ScheduleResult> {
  const clock = parisClock(now);
  const result: ScheduleResult = {};
  if (clock.hour >= OVERDUE_HOUR) {
    const key = parisDay(now);
    if (await claimRun(client, 'notify-overdue', key)) {
      try {
        // Idempotent on its own and serialised by an advisory lock (lib/commitments).
        result.overdue = await notifyOverdueCommitments(now);
      } catch (error) {
        await client.scheduledRun.delete({ where: { job_key: { job: 'notify-overdue', key } } }).catch(() => undefined);
        throw error;
      }
    } else result.overdue = 'already-done';
  }
  if (clock.weekday > 1 || clock.hour >= DIGEST_HOUR) {
    // Each user's digest is claimed on its own (lib/mail/digest.ts); the run row only spares
    // later ticks the query once the week is done.
    const { week } = parisWeek(now);
    const finished = await client.scheduledRun.findUnique({ where: { job_key: { job: 'weekly-digest', key: week } } });
    if (finished) result.digest = 'already-done';
    else {
      const run = await runWeeklyDigest(now, client);
      await claimRun(client, 'weekly-digest', week);
      result.digest = { week, queued: run.queued };
    }
  }
  if (clock.hour >= HOUSEKEEPING_HOUR) {
    const key = parisDay(now);
    if (await claimRun(client, 'housekeeping', key)) {
      try {
        result.housekeeping = await purgeExpired(now, client);
      } catch (error) {
        await client.scheduledRun.delete({ where: { job_key: { job: 'housekeeping', key } } }).catch(() => undefined);
        throw error;
      }
    } else result.housekeeping = 'already-done';
  }
  return result;
}
