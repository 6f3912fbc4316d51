// Sign-in throttling (ADR 0012). Every attempt is counted, under a row lock in
// PostgreSQL, BEFORE its password is verified: parallel attempts cannot slip past
// the limit, and the counters hold across app instances. Three keys per attempt:
//   acct-ip  the account from this address: 5 free attempts, then growing delays;
//   ip       this address, every account: 50 free (offices behind one NAT);
//   acct     the account from anywhere: 10 free (spread-out guessing).
// Delays double from 30 s up to 15 min and never lock for good. The account-wide
// delay does not apply to an address the user already signed in from (last 30 days),
// so that an attacker throttling an account from elsewhere
// does not lock its owner out. Unknown and known e-mails are throttled alike.
import crypto from 'node:crypto';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';

export interface ThrottleRule {
  free: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

const MINUTE = 60_000;
export const THROTTLE_RULES = {
  'acct-ip': { free: 5, baseDelayMs: 30_000, maxDelayMs: 15 * MINUTE },
  ip: { free: 50, baseDelayMs: 30_000, maxDelayMs: 15 * MINUTE },
  acct: { free: 10, baseDelayMs: 30_000, maxDelayMs: 15 * MINUTE },
} as const satisfies Record<string, ThrottleRule>;
type Kind = keyof typeof THROTTLE_RULES;

/** A counter forgets an address or account after an hour without any attempt. */
export const THROTTLE_RESET_MS = 60 * MINUTE;
/** How far back a past session makes an address "known" for the account. */
const KNOWN_ADDRESS_DAYS = 30;

/** Wait imposed after the `attempts`-th counted attempt (0 while within the free ones). */
export function delayAfter(attempts: number, rule: ThrottleRule): number {
  if (attempts < rule.free) return 0;
  return Math.min(rule.baseDelayMs * 2 ** (attempts - rule.free), rule.maxDelayMs);
}

export const accountKey = (email: string) =>
  crypto.createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 32);

function keysFor(email: string, ip: string | null): { key: string; kind: Kind }[] {
  const account = accountKey(email);
  const keys: { key: string; kind: Kind }[] = [{ key: `acct:${account}`, kind: 'acct' }];
  if (ip) keys.push({ key: `acct-ip:${account}:${ip}`, kind: 'acct-ip' }, { key: `ip:${ip}`, kind: 'ip' });
  return keys.sort((a, b) => a.key.localeCompare(b.key));
}

export type Reservation = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Has the user an earlier session from this address (a "known" address)? */
async function knownAddress(email: string, ip: string): Promise<boolean> {
  const since = new Date(Date.now() - KNOWN_ADDRESS_DAYS * 24 * 60 * MINUTE);
  const row = await db.userSession.findFirst({
    where: { ip, createdAt: { gte: since }, user: { email: email.trim().toLowerCase() } },
    select: { id: true },
  });
  return row !== null;
}

/**
 * Counts one sign-in attempt, or refuses it while a delay runs. Call before the
 * password is verified; a refused attempt is not counted (it cannot lengthen the wait).
 */
export async function reserveAttempt(email: string, ip: string | null, now = new Date()): Promise<Reservation> {
  const keys = keysFor(email, ip);
  const known = ip ? await knownAddress(email, ip) : false;
  await db.loginThrottle.createMany({
    data: keys.map(({ key }) => ({ key, attempts: 0, nextAllowedAt: now, lastAttemptAt: now })),
    skipDuplicates: true,
  });
  // One statement, so no connection is held between steps: it locks the rows (in key
  // order, so concurrent attempts queue there instead of deadlocking), refuses when a
  // delay runs on any key, and otherwise counts the attempt on every key. Columns are
  // UTC timestamps without time zone: "now" is passed as such.
  const at = Prisma.sql`${now.toISOString()}::timestamp`;
  const rules = Prisma.join(
    keys.map(({ key, kind }) => {
      const r = THROTTLE_RULES[kind];
      // From a known address only the per-address keys apply (they still bound guessing there).
      const exempt = kind === 'acct' && known;
      return Prisma.sql`(${key}, ${r.free}::int, ${r.baseDelayMs}::float8, ${r.maxDelayMs}::float8, ${exempt}::boolean)`;
    }),
  );
  const rows = await db.$queryRaw<{ keys: number; retry: number | null }[]>`
    with rule(key, free, base_ms, max_ms, exempt) as (values ${rules}),
    locked as materialized (
      select t.key, t.attempts, t."nextAllowedAt", t."lastAttemptAt" from "LoginThrottle" t
      where t.key in (select key from rule) order by t.key for update
    ),
    state as (
      select l.key, r.free, r.base_ms, r.max_ms, r.exempt,
        case when l."lastAttemptAt" < ${at} - make_interval(secs => ${THROTTLE_RESET_MS / 1000}::int) then 0 else l.attempts end as attempts,
        case when l."lastAttemptAt" < ${at} - make_interval(secs => ${THROTTLE_RESET_MS / 1000}::int) then ${at} else l."nextAllowedAt" end as next_at
      from locked l join rule r on r.key = l.key
    ),
    verdict as (
      select count(*)::int as keys, max(next_at) filter (where next_at > ${at} and not exempt) as until from state
    ),
    counted as (
      update "LoginThrottle" t set attempts = s.attempts + 1, "lastAttemptAt" = ${at},
        "nextAllowedAt" = ${at} + make_interval(secs => (case when s.attempts + 1 < s.free then 0
          else least(s.base_ms * power(2, s.attempts + 1 - s.free), s.max_ms) end) / 1000.0)
      from state s, verdict v where t.key = s.key and v.until is null and v.keys = ${keys.length}::int
      returning t.key
    )
    select v.keys, ceil(extract(epoch from (v.until - ${at})))::int as retry, (select count(*) from counted)::int as counted
    from verdict v`;
  const row = rows[0];
  if (!row || row.keys !== keys.length) throw new Error('Throttle state unavailable');
  if (row.retry !== null) return { allowed: false, retryAfterSeconds: Math.max(1, row.retry) };
  return { allowed: true };
}

/**
 * After a successful sign-in: the account's counters start afresh; the address's own
 * counter gives back this attempt (only failures weigh on a shared address).
 */
export async function recordSuccess(email: string, ip: string | null): Promise<void> {
  const account = accountKey(email);
  const keys = [`acct:${account}`, ...(ip ? [`acct-ip:${account}:${ip}`] : [])];
  await db.loginThrottle.deleteMany({ where: { key: { in: keys } } });
  if (ip) {
    const free = THROTTLE_RULES.ip.free;
    await db.$executeRaw`update "LoginThrottle" set attempts = greatest(attempts - 1, 0),
      "nextAllowedAt" = case when attempts - 1 < ${free} then "lastAttemptAt" else "nextAllowedAt" end
      where key = ${`ip:${ip}`}`;
  }
}

/** After a password reset proves the user's identity: lifts the account's delays. */
export async function clearAccountThrottle(email: string): Promise<void> {
  const account = accountKey(email);
  await db.loginThrottle.deleteMany({ where: { OR: [{ key: `acct:${account}` }, { key: { startsWith: `acct-ip:${account}:` } }] } });
}
