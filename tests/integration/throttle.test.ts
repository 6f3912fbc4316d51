// Sign-in throttling (ADR 0012): counted before the password check, atomic under
// parallel attempts and across processes, growing delays, no lock-out for good.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { accountKey, delayAfter, reserveAttempt, THROTTLE_RULES } from '@/lib/auth/throttle';
import { captureSecurityLog } from '@/lib/security-log';
import { changePassword } from '@/lib/account/account';
import { AppError } from '@/lib/errors';
import { actor, DEMO } from '../fixtures';

const PASSWORD = 'Demo-Territoires-2026';
const run = promisify(execFile);

const failures = async (email: string) =>
  (await db.user.findUniqueOrThrow({ where: { email }, select: { failedLoginCount: true } })).failedLoginCount;

const tally = (results: Awaited<ReturnType<typeof signInWithPassword>>[]) => ({
  invalid: results.filter((r) => !r.ok && r.reason === 'invalid').length,
  throttled: results.filter((r) => !r.ok && r.reason === 'throttled').length,
  ok: results.filter((r) => r.ok).length,
});

describe('sign-in throttling', () => {
  it('50 parallel wrong passwords on one account from one address verify only the 5 allowed', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, () => signInWithPassword(DEMO.cdpTarnNord, 'wrong-password', '203.0.113.10')),
    );
    expect(tally(results)).toEqual({ invalid: 5, throttled: 45, ok: 0 });
    // Only verified attempts count a failure on the account.
    expect(await failures(DEMO.cdpTarnNord)).toBe(5);
    // Even the right password now waits, with the same answer as a wrong one.
    const right = await signInWithPassword(DEMO.cdpTarnNord, PASSWORD, '203.0.113.10');
    expect(right).toMatchObject({ ok: false, reason: 'throttled' });
    expect(right.ok === false && right.reason === 'throttled' && right.retryAfterSeconds).toBeGreaterThanOrEqual(10);
  });

  it('without a client address (no trusted proxy), the per-account limit still holds in parallel', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, () => signInWithPassword(DEMO.cdpCastres, 'wrong', null)));
    expect(tally(results)).toEqual({ invalid: THROTTLE_RULES.acct.free, throttled: 50 - THROTTLE_RULES.acct.free, ok: 0 });
    expect(await failures(DEMO.cdpCastres)).toBe(THROTTLE_RULES.acct.free);
  });

  it('answers an unknown e-mail exactly like a known one', async () => {
    const unknown = await Promise.all(
      Array.from({ length: 12 }, () => signInWithPassword('personne@demo.test', 'wrong', '203.0.113.11')),
    );
    const known = await Promise.all(Array.from({ length: 12 }, () => signInWithPassword(DEMO.sgarGrandEst, 'wrong', '203.0.113.12')));
    expect(tally(unknown)).toEqual(tally(known));
    const wait = (r: (typeof known)[number]) => (!r.ok && r.reason === 'throttled' ? r.retryAfterSeconds : null);
    expect(unknown.map(wait).filter(Boolean).length).toBe(known.map(wait).filter(Boolean).length);
  });

  it('holds across two processes with their own connection pools on one database', async () => {
    const worker = (ip: string) =>
      run(process.execPath, ['--import', 'tsx', 'tests/helpers/throttle-worker.ts', DEMO.regionOccitanie, ip, '25'], {
        env: { ...process.env, SECURITY_LOG_LEVEL: 'silent' },
      }).then((r) => JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as { throttled: number; verified: number });
    const [a, b] = await Promise.all([worker('198.51.100.7'), worker('198.51.100.7')]);
    expect(a.verified + b.verified).toBe(THROTTLE_RULES['acct-ip'].free);
    expect(a.throttled + b.throttled).toBe(50 - THROTTLE_RULES['acct-ip'].free);
    expect(await failures(DEMO.regionOccitanie)).toBe(THROTTLE_RULES['acct-ip'].free);
  }, 60_000);

  it('delays grow (30 s, 1 min, 2 min…) up to 15 min, and a refused attempt does not lengthen them', async () => {
    const email = 'delais@demo.test';
    const ip = '192.0.2.1';
    let t = Date.parse('2026-06-01T08:00:00Z');
    for (let i = 0; i < 5; i++) expect(await reserveAttempt(email, ip, new Date(t))).toEqual({ allowed: true });
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      const refused = await reserveAttempt(email, ip, new Date(t));
      if (refused.allowed) throw new Error('expected a refusal');
      // Hammering during the wait changes nothing.
      expect(await reserveAttempt(email, ip, new Date(t + 1000))).toEqual({ allowed: false, retryAfterSeconds: refused.retryAfterSeconds - 1 });
      waits.push(refused.retryAfterSeconds);
      t += refused.retryAfterSeconds * 1000;
      expect(await reserveAttempt(email, ip, new Date(t))).toEqual({ allowed: true });
    }
    expect(waits).toEqual([30, 60, 120, 240, 480, 900, 900, 900]);
    expect(delayAfter(100, THROTTLE_RULES.ip)).toBe(15 * 60_000);
  });

  it('an attacker throttling an account elsewhere does not lock its owner out of a known address', async () => {
    const email = DEMO.national;
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    // The owner signed in from 192.0.2.50 last week.
    await db.userSession.create({
      data: { id: 'past-session-national', userId: user.id, provider: 'credentials', ip: '192.0.2.50', createdAt: new Date(Date.now() - 7 * 86_400_000), expiresAt: new Date(Date.now() - 7 * 86_400_000 + 36_000_000) },
    });
    for (const ip of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) {
      await Promise.all(Array.from({ length: 5 }, () => signInWithPassword(email, 'guess', ip)));
    }
    // The account is throttled for new addresses…
    expect(await signInWithPassword(email, PASSWORD, '198.51.100.99')).toMatchObject({ ok: false, reason: 'throttled' });
    // …but not for its owner's known address, and success clears the account's counters.
    expect(await signInWithPassword(email, PASSWORD, '192.0.2.50')).toMatchObject({ ok: true });
    expect(await signInWithPassword(email, PASSWORD, '198.51.100.99')).toMatchObject({ ok: true });
    expect(await db.loginThrottle.count({ where: { key: { startsWith: `acct:${accountKey(email)}` } } })).toBe(0);
  });

  it('a success gives its attempt back to a shared address', async () => {
    const ip = '192.0.2.77';
    for (let i = 0; i < 3; i++) expect(await signInWithPassword(DEMO.sgarOccitanie, PASSWORD, ip)).toMatchObject({ ok: true });
    const row = await db.loginThrottle.findUniqueOrThrow({ where: { key: `ip:${ip}` } });
    expect(row.attempts).toBe(0);
  });

  it('logs failures and throttling without the password or the e-mail typed', async () => {
    const log = captureSecurityLog();
    try {
      const secret = 'Tr0ub4dor&3-secret';
      await Promise.all(Array.from({ length: 7 }, () => signInWithPassword(DEMO.eluTarnNord, secret, '192.0.2.99')));
      const events = log.lines().map((l) => l.event);
      expect(events.filter((e) => e === 'signin.failure')).toHaveLength(5);
      expect(events.filter((e) => e === 'signin.throttled')).toHaveLength(2);
      expect(log.raw()).not.toContain(secret);
      expect(log.raw()).not.toContain(DEMO.eluTarnNord);
      const line = log.lines().find((l) => l.event === 'signin.failure');
      expect(line).toMatchObject({ channel: 'security', level: 'warn', ip: '192.0.2.99', provider: 'credentials' });
      expect(typeof line?.userId).toBe('string');
    } finally {
      log.stop();
    }
  });

  it('counts wrong current passwords of "Mon compte" on the same throttle as sign-in', async () => {
    const me = await actor(DEMO.industrielTarnNord);
    const attempt = (currentPassword: string) =>
      changePassword(me, { currentPassword, newPassword: 'Un-mot-de-passe-neuf-2026', confirmation: 'Un-mot-de-passe-neuf-2026' }, new Date(), '198.51.100.7').then(
        () => 'changed',
        (e: unknown) => (e instanceof AppError ? (e.details?.fieldErrors?.currentPassword?.[0] ?? e.message) : 'other'),
      );
    const wrong = await Promise.all(Array.from({ length: 8 }, () => attempt('pas-le-bon')));
    expect(wrong.filter((m) => m === 'Mot de passe actuel incorrect.')).toHaveLength(THROTTLE_RULES['acct-ip'].free);
    expect(wrong.filter((m) => m.startsWith('Trop de tentatives'))).toHaveLength(8 - THROTTLE_RULES['acct-ip'].free);
    // Even the right password now waits, and nothing was changed.
    expect(await attempt(PASSWORD)).toMatch(/^Trop de tentatives : réessayez dans/);
    expect(await signInWithPassword(DEMO.industrielTarnNord, PASSWORD, null)).toMatchObject({ ok: true });
  });
});
