// Users as the rest of the app sees them: the acting user with its memberships.
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Actor } from '@/lib/authz/policy';
import { burnPasswordCheck, verifyPassword } from '@/lib/auth/password';
import { LAST_SEEN_RESOLUTION_SECONDS } from '@/lib/auth/sessions';
import { env } from '@/lib/env';

const MAX_FAILED_LOGINS = 10;
const LOCK_MINUTES = 15;

// Memberships in a fixed order (role, then scope), so that anything reading
// "the first role" is deterministic (see ADR 0012, acting role).
const actorSelect = {
  id: true,
  email: true,
  name: true,
  memberships: {
    select: { role: true, territoryId: true, regionCode: true, operatorId: true },
    orderBy: [{ role: 'asc' }, { territoryId: 'asc' }, { regionCode: 'asc' }, { operatorId: 'asc' }, { id: 'asc' }] as Prisma.MembershipOrderByWithRelationInput[],
  },
} satisfies Prisma.UserSelect;

interface ActorRow {
  id: string;
  email: string;
  name: string;
  memberships: Actor['memberships'];
  /** Slug of the first membership's territory (the local tier's home), read in the same statement. */
  homeTerritorySlug: string | null;
}

/** The actor of a browser session: also carries its home territory's slug (lib/territories/queries.ts homePathFor). */
export type SessionActor = Actor & { homeTerritorySlug?: string | null };

/**
 * The active user behind a session, or null (deactivated users lose access at once).
 * With a session id (every request, lib/auth/session.ts), one statement checks the
 * session (not revoked, absolute and idle limits), the user and loads the
 * memberships, and refreshes lastSeenAt when older than a minute (ADR 0012).
 */
export async function findActiveActor(userId: string, sessionId?: string): Promise<SessionActor | null> {
  if (sessionId === undefined) return db.user.findFirst({ where: { id: userId, active: true }, select: actorSelect });
  const idleMinutes = env().SESSION_IDLE_MINUTES;
  // Prisma stores UTC in timestamp(3) columns: compare with UTC "now".
  const rows = await db.$queryRaw<ActorRow[]>`
    with live as (
      select s.id from "UserSession" s
      where s.id = ${sessionId} and s."userId" = ${userId} and s."revokedAt" is null
        and s."expiresAt" > (now() at time zone 'utc')
        and s."lastSeenAt" > (now() at time zone 'utc') - make_interval(mins => ${idleMinutes}::int)
    ), touched as (
      update "UserSession" t set "lastSeenAt" = (now() at time zone 'utc')
      from live where t.id = live.id
        and t."lastSeenAt" < (now() at time zone 'utc') - make_interval(secs => ${LAST_SEEN_RESOLUTION_SECONDS}::int)
      returning t.id
    )
    select u.id, u.email, u.name,
      coalesce((
        select json_agg(json_build_object('role', m.role, 'territoryId', m."territoryId",
                 'regionCode', m."regionCode", 'operatorId', m."operatorId")
               order by m.role, m."territoryId", m."regionCode", m."operatorId", m.id)
        from "Membership" m where m."userId" = u.id
      ), '[]'::json) as memberships,
      (select t.slug from "Membership" m join "Territory" t on t.id = m."territoryId"
        where m."userId" = u.id
        order by m.role, m."territoryId", m."regionCode", m."operatorId", m.id limit 1) as "homeTerritorySlug"
    from live join "User" u on u.id = ${userId}
    where u.active`;
  return rows[0] ?? null;
}

export type CredentialsResult =
  | { ok: true; user: { id: string; email: string; name: string } }
  | { ok: false; /** The account, when the e-mail has one (for the security log only). */ userId?: string };

/**
 * Checks e-mail + password. Repeated failures lock the account for a while;
 * unknown e-mails cost the same time as known ones. The sign-in goes through
 * lib/auth/sign-in.ts, whose throttling (counted before this check, atomic, per
 * account and per address) replaces that lock: it passes `accountLock: false`,
 * and the failure count then only informs the administration page.
 */
export async function checkCredentials(
  email: string,
  password: string,
  options: { accountLock?: boolean } = {},
): Promise<CredentialsResult> {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, email: true, name: true, passwordHash: true, active: true, lockedUntil: true },
  });
  if (!user?.passwordHash || !user.active) {
    await burnPasswordCheck(password);
    return user ? { ok: false, userId: user.id } : { ok: false };
  }
  if (options.accountLock !== false && user.lockedUntil && user.lockedUntil > new Date()) {
    await burnPasswordCheck(password);
    return { ok: false, userId: user.id };
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    const updated = await db.user.update({
      where: { id: user.id },
      data: { failedLoginCount: { increment: 1 } },
      select: { failedLoginCount: true },
    });
    if (options.accountLock !== false && updated.failedLoginCount >= MAX_FAILED_LOGINS) {
      await db.user.update({
        where: { id: user.id },
        data: { lockedUntil: new Date(Date.now() + LOCK_MINUTES * 60_000), failedLoginCount: 0 },
      });
    }
    return { ok: false, userId: user.id };
  }
  await db.user.update({
    where: { id: user.id },
    data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: new Date() },
  });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}

