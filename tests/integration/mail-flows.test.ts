// What the mail outbox receives from the app's events, against a real PostgreSQL: the
// invitation, password reset and change (sessions revoked), plan notifications per
// preference, one-click unsubscribe, the weekly digest and the daily job once across instances.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/authz/policy';
import { inviteUser } from '@/lib/admin/users';
import { changePassword } from '@/lib/account/account';
import { findResetLink, requestPasswordReset, RESET_PER_HOUR, ResetLinkGone, resetPassword } from '@/lib/account/password-reset';
import { createSession } from '@/lib/auth/sessions';
import { checkCredentials, findActiveActor } from '@/lib/users/queries';
import { submitPlan } from '@/lib/plans/mutations';
import { getPreferences, updatePreferences } from '@/lib/mail/preferences';
import { openBody } from '@/lib/mail/seal';
import { unsubscribeToken } from '@/lib/mail/unsubscribe-token';
import { unsubscribe } from '@/lib/mail/unsubscribe';
import { runWeeklyDigest } from '@/lib/mail/digest';
import { runDueJobs } from '@/lib/jobs/scheduler';
import { actor, DEMO } from '../fixtures';

const PASSWORD = 'Un-mot-de-passe-solide-2026';
let admin: Actor;
let cdp: Actor;
let other: PrismaClient;

beforeAll(async () => {
  [admin, cdp] = await Promise.all([actor(DEMO.admin), actor(DEMO.cdpTarnNord)]);
  other = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL as string, max: 4 }) });
});
afterAll(async () => {
  await other.$disconnect();
});

const mailsTo = (to: string, kind?: string) =>
  db.emailOutbox.findMany({ where: { toAddress: to, ...(kind ? { kind } : {}) }, orderBy: { createdAt: 'asc' } });

const errorOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e as { code?: string; details?: { fieldErrors?: Record<string, string[]> } };
  }
  throw new Error('expected a failure');
};

describe('invitation', () => {
  it('queues the invitation mail with the absolute activation link, and still returns the link', async () => {
    const invited = await inviteUser(admin, {
      email: 'invitee.mail@exemple.test',
      name: 'Jeanne Invitée',
      memberships: [{ role: 'PROJECT_LEAD', territory: 'ariege' }],
    });
    expect(invited.activationPath).toMatch(/^\/activation\/[\w-]{43}$/);
    const [mail] = await mailsTo('invitee.mail@exemple.test', 'INVITATION');
    expect(mail).toMatchObject({ status: 'PENDING', userId: invited.user.id, subject: expect.stringContaining('activ') });
    const body = openBody(mail!.body);
    expect(body.text).toContain(`/activation/`);
    expect(body.text).toMatch(new RegExp(`https?://[^\\s]+${invited.activationPath}`));
    expect(body.html).toContain('lang="fr"');
    expect(body.html).toContain(invited.activationPath);
  });
});

describe('password reset', () => {
  it('says nothing for an unknown address and queues a one-hour link for a known one', async () => {
    const before = await db.emailOutbox.count();
    await requestPasswordReset('personne@exemple.test');
    expect(await db.emailOutbox.count()).toBe(before);

    const user = await db.user.findUniqueOrThrow({ where: { email: DEMO.cdpHautesTerres } });
    const sid = await createSession(user.id, { provider: 'credentials' });
    expect(await findActiveActor(user.id, sid)).not.toBeNull();
    await requestPasswordReset(DEMO.cdpHautesTerres.toUpperCase());
    const [mail] = await mailsTo(DEMO.cdpHautesTerres, 'PASSWORD_RESET');
    const token = /\/mot-de-passe\/([\w-]{43})/.exec(openBody(mail!.body).text)?.[1] as string;
    expect(token).toBeTruthy();
    const stored = await db.passwordResetToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.tokenHash).not.toBe(token);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(3_600_000);
    expect(await findResetLink(token)).toMatchObject({ email: DEMO.cdpHautesTerres });

    // A refused password changes nothing and keeps the link.
    const weak = await errorOf(resetPassword(token, { password: 'qwerty123456' }));
    expect(weak.code).toBe('INVALID');
    expect(weak.details?.fieldErrors?.password?.[0]).toMatch(/courants/);
    expect((await errorOf(resetPassword(token, { password: 'court' }))).details?.fieldErrors?.password?.[0]).toMatch(/12 caractères/);

    await resetPassword(token, { password: PASSWORD });
    expect((await checkCredentials(DEMO.cdpHautesTerres, PASSWORD)).ok).toBe(true);
    // Every session of the account is signed out.
    expect(await findActiveActor(user.id, sid)).toBeNull();
    expect((await mailsTo(DEMO.cdpHautesTerres, 'PASSWORD_CHANGED')).length).toBe(1);
    // Single use.
    await expect(resetPassword(token, { password: 'Encore-un-autre-mot-2026' })).rejects.toBeInstanceOf(ResetLinkGone);
    await expect(resetPassword('x'.repeat(43), { password: PASSWORD })).rejects.toBeInstanceOf(ResetLinkGone);
    expect(await findResetLink(token)).toBeNull();
  });

  it('refuses an expired link and caps the links mailed per hour', async () => {
    const email = DEMO.cdpCastres;
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    await requestPasswordReset(email, new Date(Date.now() - 2 * 3_600_000));
    const [old] = await mailsTo(email, 'PASSWORD_RESET');
    const token = /\/mot-de-passe\/([\w-]{43})/.exec(openBody(old!.body).text)?.[1] as string;
    await expect(resetPassword(token, { password: PASSWORD })).rejects.toBeInstanceOf(ResetLinkGone);

    for (let i = 0; i < RESET_PER_HOUR + 2; i++) await requestPasswordReset(email);
    expect(await db.passwordResetToken.count({ where: { userId: user.id, createdAt: { gt: new Date(Date.now() - 3_600_000) } } })).toBe(RESET_PER_HOUR);
  });
});

describe('password change', () => {
  it('needs the current password, refuses weak ones, then signs out everywhere and mails', async () => {
    const national = await actor(DEMO.national);
    const sid = await createSession(national.id, { provider: 'credentials' });
    const wrong = await errorOf(changePassword(national, { currentPassword: 'pas-le-bon-mot', newPassword: PASSWORD, confirmation: PASSWORD }));
    expect(wrong.details?.fieldErrors?.currentPassword).toEqual(['Mot de passe actuel incorrect.']);
    const common = await errorOf(changePassword(national, { currentPassword: 'Demo-Territoires-2026', newPassword: 'qwerty123456', confirmation: 'qwerty123456' }));
    expect(common.details?.fieldErrors?.newPassword?.[0]).toMatch(/courants/);
    expect(await findActiveActor(national.id, sid)).not.toBeNull();

    await changePassword(national, { currentPassword: 'Demo-Territoires-2026', newPassword: PASSWORD, confirmation: PASSWORD });
    expect((await checkCredentials(DEMO.national, PASSWORD)).ok).toBe(true);
    expect(await findActiveActor(national.id, sid)).toBeNull();
    const [mail] = await mailsTo(DEMO.national, 'PASSWORD_CHANGED');
    expect(openBody(mail!.body).text).toContain('Mon compte');
  });
});

describe('plan notifications by e-mail', () => {
  it('mails the binôme at once unless one of them chose "not by e-mail"; one-click unsubscribe works', async () => {
    const industriel = await actor(DEMO.industrielTarnNord);
    expect(await getPreferences(industriel)).toEqual({
      AWAITING_DECISION: 'IMMEDIATE',
      CHANGES_REQUESTED: 'IMMEDIATE',
      VERSION_VALIDATED: 'IMMEDIATE',
      COMMITMENT_OVERDUE: 'DIGEST',
    });
    const bad = await errorOf(updatePreferences(industriel, { AWAITING_DECISION: 'SOMETIMES' }));
    expect(bad.code).toBe('INVALID');
    await updatePreferences(industriel, { AWAITING_DECISION: 'NONE' });

    await submitPlan(cdp, 'tarn-nord', { note: 'Version pour les courriels' });
    const toElu = await mailsTo(DEMO.eluTarnNord, 'NOTIFICATION');
    expect(toElu).toHaveLength(1);
    expect(toElu[0]!.subject).toMatch(/à valider/);
    const body = openBody(toElu[0]!.body);
    expect(body.headers?.['List-Unsubscribe']).toMatch(/^<https?:\/\/.+\/api\/v1\/email\/unsubscribe\/.+>$/);
    expect(body.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(body.text).toMatch(/\/territoires\/tarn-nord\/versions\/\d+/);
    expect(await mailsTo(DEMO.industrielTarnNord, 'NOTIFICATION')).toHaveLength(0);
    // The in-app notification exists either way.
    expect(await db.notification.count({ where: { userId: industriel.id, kind: 'PLAN_SUBMITTED' } })).toBeGreaterThan(0);

    const elu = await actor(DEMO.eluTarnNord);
    const token = unsubscribeToken(elu.id, 'AWAITING_DECISION');
    expect(await unsubscribe(`${token.slice(0, -2)}xx`)).toBeNull();
    expect(await unsubscribe(unsubscribeToken(elu.id, 'AWAITING_DECISION').replace(elu.id, industriel.id))).toBeNull();
    expect(await unsubscribe(token)).toMatchObject({ category: 'AWAITING_DECISION' });
    expect((await getPreferences(elu)).AWAITING_DECISION).toBe('NONE');
  });
});

describe('weekly digest and daily job', () => {
  it('sends one digest per user and week, even with two instances at once', async () => {
    const operator = await actor(DEMO.operatorAdeme);
    const now = new Date('2030-03-11T09:00:00Z'); // Monday 10:00 in Paris
    await db.notification.createMany({
      data: [
        { userId: operator.id, kind: 'COMMITMENT_OVERDUE', category: 'COMMITMENT_OVERDUE', title: 'Engagement A en retard', link: '/engagements/a', createdAt: new Date('2030-03-05T10:00:00Z') },
        { userId: operator.id, kind: 'COMMITMENT_OVERDUE', category: 'COMMITMENT_OVERDUE', title: 'Engagement B en retard', link: '/engagements/b', createdAt: new Date('2030-03-08T10:00:00Z') },
        // This week's: next digest.
        { userId: operator.id, kind: 'COMMITMENT_OVERDUE', category: 'COMMITMENT_OVERDUE', title: 'Engagement C en retard', link: '/engagements/c', createdAt: new Date('2030-03-11T06:00:00Z') },
      ],
    });
    const [a, b] = await Promise.all([runWeeklyDigest(now), runWeeklyDigest(now, other)]);
    expect(a.queued + b.queued).toBeGreaterThanOrEqual(1);
    const digests = await mailsTo(DEMO.operatorAdeme, 'DIGEST');
    expect(digests).toHaveLength(1);
    const text = openBody(digests[0]!.body).text;
    expect(text).toContain('Engagement A en retard');
    expect(text).toContain('Engagement B en retard');
    expect(text).not.toContain('Engagement C');
    expect(await db.emailDigest.count({ where: { userId: operator.id, week: '2030-W11' } })).toBe(1);
    // Later ticks of the same week do nothing.
    await runWeeklyDigest(new Date('2030-03-12T09:00:00Z'));
    expect(await mailsTo(DEMO.operatorAdeme, 'DIGEST')).toHaveLength(1);
  });

  it('runs the overdue-commitment job once a day across instances', async () => {
    const morning = new Date('2030-03-12T07:30:00Z'); // 08:30 in Paris
    const [a, b] = await Promise.all([runDueJobs(morning), runDueJobs(morning, other)]);
    const runs = [a.overdue, b.overdue];
    expect(runs.filter((r) => r === 'already-done')).toHaveLength(1);
    expect(await db.scheduledRun.count({ where: { job: 'notify-overdue', key: '2030-03-12' } })).toBe(1);
    // Too early the next day: nothing yet.
    expect((await runDueJobs(new Date('2030-03-13T04:00:00Z'))).overdue).toBeUndefined();
  });
});
