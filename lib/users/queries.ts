// Users as the rest of the app sees them: the acting user with its memberships.
import { db } from '@/lib/db';
import type { Actor } from '@/lib/authz/policy';
import { burnPasswordCheck, verifyPassword } from '@/lib/auth/password';

const MAX_FAILED_LOGINS = 10;
const LOCK_MINUTES = 15;

const actorSelect = {
  id: true,
  email: true,
  name: true,
  memberships: { select: { role: true, territoryId: true, regionCode: true, operatorId: true } },
} as const;

/** The active user behind a session, or null (deactivated users lose access at once). */
export async function findActiveActor(userId: string): Promise<Actor | null> {
  return db.user.findFirst({ where: { id: userId, active: true }, select: actorSelect });
}

export type CredentialsResult = { ok: true; user: { id: string; email: string; name: string } } | { ok: false };

/**
 * Checks e-mail + password. Repeated failures lock the account for a while;
 * unknown e-mails cost the same time as known ones.
 */
export async function checkCredentials(email: string, password: string): Promise<CredentialsResult> {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, email: true, name: true, passwordHash: true, active: true, lockedUntil: true },
  });
  if (!user?.passwordHash || !user.active) {
    await burnPasswordCheck(password);
    return { ok: false };
  }
  if (user.lockedUntil && user.lockedUntil > new Date()) {
    await burnPasswordCheck(password);
    return { ok: false };
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    const updated = await db.user.update({
      where: { id: user.id },
      data: { failedLoginCount: { increment: 1 } },
      select: { failedLoginCount: true },
    });
    if (updated.failedLoginCount >= MAX_FAILED_LOGINS) {
      await db.user.update({
        where: { id: user.id },
        data: { lockedUntil: new Date(Date.now() + LOCK_MINUTES * 60_000), failedLoginCount: 0 },
      });
    }
    return { ok: false };
  }
  await db.user.update({
    where: { id: user.id },
    data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: new Date() },
  });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}

