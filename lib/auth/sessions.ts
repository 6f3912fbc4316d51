// Server-side sessions (ADR 0012). The next-auth JWT cookie carries only a session
// id (`sid`); the row decides whether the session is still valid: not revoked, its
// absolute lifetime (SESSION_MAX_AGE_HOURS from sign-in, never extended) and its
// idle timeout (SESSION_IDLE_MINUTES) not exceeded, its user active. The check
// itself is part of the actor load (lib/users/queries.ts `findActiveActor`).
import crypto from 'node:crypto';
import { db, type Tx } from '@/lib/db';
import { env } from '@/lib/env';
import type { Actor } from '@/lib/authz/policy';
import { securityLog } from '@/lib/security-log';

/** The Prisma client or a transaction client: revocations join the caller's transaction. */
export type SessionClient = Pick<Tx, 'userSession'>;

/** Why a session ended, as stored in `revokedReason` and logged. */
export type RevocationReason =
  | 'sign-out'
  | 'sign-out-everywhere'
  | 'deactivated'
  | 'roles-changed'
  | 'password-changed'
  | 'password-reset'
  | (string & {});

/** lastSeenAt is written at most this often per session (keeps reads cheap). */
export const LAST_SEEN_RESOLUTION_SECONDS = 60;

export function sessionLimits(): { maxAgeMs: number; idleMs: number } {
  const e = env();
  return { maxAgeMs: e.SESSION_MAX_AGE_HOURS * 3_600_000, idleMs: e.SESSION_IDLE_MINUTES * 60_000 };
}

/** Opens a session at sign-in (any provider); returns the id to put in the JWT. */
export async function createSession(
  userId: string,
  info: { provider: string; userAgent?: string | null; ip?: string | null },
  now = new Date(),
): Promise<string> {
  const id = crypto.randomBytes(32).toString('base64url');
  await db.userSession.create({
    data: {
      id,
      userId,
      provider: info.provider,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + sessionLimits().maxAgeMs),
      userAgent: info.userAgent?.slice(0, 300) ?? null,
      ip: info.ip ?? null,
    },
  });
  return id;
}

/** Ends one session (sign-out). Unknown or already revoked ids are ignored. */
export async function revokeSession(sessionId: string, reason: RevocationReason = 'sign-out'): Promise<void> {
  const rows = await db.userSession.updateManyAndReturn({
    where: { id: sessionId, revokedAt: null },
    data: { revokedAt: new Date(), revokedReason: reason },
    select: { userId: true },
  });
  const row = rows[0];
  if (row) securityLog.info({ event: 'session.revoked', userId: row.userId, reason, count: 1 });
}

/**
 * Ends every session of a user, server-side: deactivation, change of roles, password
 * change or reset, "sign out everywhere". Pass the transaction client when the cause
 * is written in a transaction, so both commit together.
 */
export async function revokeAllSessions(client: SessionClient, userId: string, reason: string): Promise<void> {
  const { count } = await client.userSession.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: new Date(), revokedReason: reason },
  });
  securityLog.info({ event: 'session.revoked-all', userId, reason, count });
}

/** "Déconnecter tous mes appareils": every session of the acting user, this one included. */
export async function signOutEverywhere(actor: Actor): Promise<void> {
  await revokeAllSessions(db, actor.id, 'sign-out-everywhere');
}
