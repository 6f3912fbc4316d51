// The daily purge (lib/jobs/housekeeping.ts) against a real PostgreSQL, run as the app's
// least-privilege role: it removes what has outlived its retention and keeps the rest.
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { purgeExpired, RETENTION_DAYS } from '@/lib/jobs/housekeeping';
import { runDueJobs } from '@/lib/jobs/scheduler';
import { DEMO } from '../fixtures';

const NOW = new Date('2031-06-15T10:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

describe('housekeeping', () => {
  it('purges ended sessions, idle throttles, spent reset links and old mails, and only those', async () => {
    const user = await db.user.findUniqueOrThrow({ where: { email: DEMO.cdpTarnNord }, select: { id: true } });
    const base = { userId: user.id, provider: 'credentials' };
    const old = RETENTION_DAYS.endedSessions + 1;
    await db.userSession.createMany({
      data: [
        { ...base, id: 'hk-expired', createdAt: daysAgo(old + 1), expiresAt: daysAgo(old), lastSeenAt: daysAgo(old) },
        { ...base, id: 'hk-revoked', createdAt: daysAgo(old + 1), expiresAt: daysAgo(-1), revokedAt: daysAgo(old), lastSeenAt: daysAgo(old) },
        { ...base, id: 'hk-recently-ended', createdAt: daysAgo(3), expiresAt: daysAgo(2), lastSeenAt: daysAgo(2) },
        { ...base, id: 'hk-live', createdAt: daysAgo(1), expiresAt: daysAgo(-1), lastSeenAt: NOW },
      ],
    });
    await db.loginThrottle.createMany({
      data: [
        { key: 'hk:idle', attempts: 3, lastAttemptAt: daysAgo(2), nextAllowedAt: daysAgo(2) },
        { key: 'hk:still-blocked', attempts: 9, lastAttemptAt: new Date(NOW.getTime() - 600_000), nextAllowedAt: daysAgo(-1) },
        { key: 'hk:recent', attempts: 1, lastAttemptAt: NOW, nextAllowedAt: NOW },
      ],
    });
    await db.passwordResetToken.createMany({
      data: [
        { userId: user.id, tokenHash: 'hk-old', expiresAt: daysAgo(RETENTION_DAYS.resetTokens + 1) },
        { userId: user.id, tokenHash: 'hk-fresh', expiresAt: daysAgo(1) },
      ],
    });
    const mail = { kind: 'NOTIFICATION', toAddress: 'hk@demo.test', subject: 'x', body: '' };
    const oldMail = daysAgo(RETENTION_DAYS.mails + 1);
    await db.emailOutbox.createMany({
      data: [
        { ...mail, id: 'hk-sent-old', status: 'SENT', sentAt: oldMail },
        { ...mail, id: 'hk-sent-recent', status: 'SENT', sentAt: daysAgo(5) },
        { ...mail, id: 'hk-pending-old', status: 'PENDING', createdAt: oldMail },
      ],
    });
    await db.$executeRaw`UPDATE "EmailOutbox" SET "updatedAt" = ${oldMail} WHERE id = 'hk-pending-old'`;

    const result = await purgeExpired(NOW);

    expect(result).toMatchObject({ sessions: 2, resetTokens: 1 });
    const sessions = await db.userSession.findMany({ where: { id: { startsWith: 'hk-' } }, select: { id: true } });
    expect(sessions.map((s) => s.id).sort()).toEqual(['hk-live', 'hk-recently-ended']);
    const throttles = await db.loginThrottle.findMany({ where: { key: { startsWith: 'hk:' } }, select: { key: true } });
    expect(throttles.map((t) => t.key).sort()).toEqual(['hk:recent', 'hk:still-blocked']);
    expect(await db.passwordResetToken.count({ where: { tokenHash: { startsWith: 'hk-' } } })).toBe(1);
    const mails = await db.emailOutbox.findMany({ where: { id: { startsWith: 'hk-' } }, select: { id: true } });
    // A mail still pending is never dropped, however old.
    expect(mails.map((m) => m.id).sort()).toEqual(['hk-pending-old', 'hk-sent-recent']);
  });

  it('runs once a day from 03:00 Paris time, across callers', async () => {
    const night = new Date('2031-06-16T00:30:00Z'); // 02:30 in Paris (summer time)
    expect((await runDueJobs(night)).housekeeping).toBeUndefined();
    const after = new Date('2031-06-16T01:30:00Z'); // 03:30 in Paris
    const [a, b] = await Promise.all([runDueJobs(after), runDueJobs(after)]);
    expect([a.housekeeping, b.housekeeping].filter((r) => r === 'already-done')).toHaveLength(1);
    expect(await db.scheduledRun.count({ where: { job: 'housekeeping', key: '2031-06-16' } })).toBe(1);
  });
});

describe('housekeeping of the schedule', () => {
  it('drops day and week keys past the horizon and keeps recent ones', async () => {
    await db.scheduledRun.createMany({
      data: [
        { job: 'notify-overdue', key: '2031-01-02' },
        { job: 'notify-overdue', key: '2031-06-10' },
        { job: 'weekly-digest', key: '2031-W01' },
        { job: 'weekly-digest', key: '2031-W23' },
      ],
    });
    await purgeExpired(NOW);
    const runs = await db.scheduledRun.findMany({ where: { key: { startsWith: '2031-' } }, select: { job: true, key: true } });
    expect(runs.map((r) => `${r.job} ${r.key}`).sort()).toEqual(
      expect.arrayContaining(['notify-overdue 2031-06-10', 'weekly-digest 2031-W23']),
    );
    expect(runs.some((r) => r.key === '2031-01-02' || r.key === '2031-W01')).toBe(false);
  });
});
