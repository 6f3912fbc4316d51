// "Mon compte": the caller's own name and password. Only ever the caller's own account.
import { db } from '@/lib/db';
import type { Actor } from '@/lib/authz/policy';
import { invalid } from '@/lib/errors';
import { recordAudit } from '@/lib/audit/audit';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { recordSuccess, reserveAttempt } from '@/lib/auth/throttle';
import { formatWait } from '@/lib/auth/throttle-message';
import { parseInput } from '@/lib/validation';
import { passwordChangedMail } from '@/lib/mail/messages';
import { enqueueMail } from '@/lib/mail/outbox';
import { changePasswordSchema, profileSchema } from './schemas';
import { revokeSessionsAfterPasswordChange } from './sessions';

export interface AccountDto {
  id: string;
  email: string;
  name: string;
  hasPassword: boolean;
}

export async function getAccount(actor: Actor): Promise<AccountDto> {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { id: true, email: true, name: true, passwordHash: true } });
  return { id: user.id, email: user.email, name: user.name, hasPassword: !!user.passwordHash };
}

export async function updateProfile(actor: Actor, input: unknown): Promise<AccountDto> {
  const { name } = parseInput(profileSchema, input);
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { name: true } });
    const user = await tx.user.update({ where: { id: actor.id }, data: { name }, select: { id: true, email: true, name: true, passwordHash: true } });
    if (before.name !== name) {
      await recordAudit(tx, { actor, entityType: 'User', entityId: actor.id, operation: 'profile', before: { name: before.name }, after: { name } });
    }
    return { id: user.id, email: user.email, name: user.name, hasPassword: !!user.passwordHash };
  });
}

/**
 * Changes the caller's password: the current one is required; the new one follows the
 * password rule (12 characters, not a common password). Mails "your password was changed".
 */
export async function changePassword(actor: Actor, input: unknown, now = new Date(), ip: string | null = null): Promise<void> {
  const data = parseInput(changePasswordSchema, input);
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true, email: true, name: true } });
  // The current password is a password guess like a sign-in (a session left open must not
  // let anyone try passwords at will): it counts on the same throttle, before verification.
  const reservation = await reserveAttempt(user.email, ip, now);
  if (!reservation.allowed) {
    throw invalid(
      { currentPassword: [`Trop de tentatives : réessayez dans ${formatWait(reservation.retryAfterSeconds)}.`] },
      'Le mot de passe n’a pas été changé.',
    );
  }
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, data.currentPassword))) {
    throw invalid({ currentPassword: ['Mot de passe actuel incorrect.'] }, 'Le mot de passe n’a pas été changé.');
  }
  await recordSuccess(user.email, ip);
  const passwordHash = await hashPassword(data.newPassword);
  await db.$transaction(async (tx) => {
    // Guarded on the hash checked above: a concurrent change makes this one match nothing.
    const done = await tx.user.updateMany({ where: { id: actor.id, passwordHash: user.passwordHash }, data: { passwordHash } });
    if (!done.count) throw invalid({ currentPassword: ['Le mot de passe vient d’être changé ailleurs : rechargez la page.'] });
    await tx.passwordResetToken.updateMany({ where: { userId: actor.id, usedAt: null }, data: { usedAt: now } });
    await recordAudit(tx, { actor, entityType: 'User', entityId: actor.id, operation: 'password-change', after: { at: now.toISOString() } });
    await revokeSessionsAfterPasswordChange(tx, actor.id, 'password-changed');
    await enqueueMail(tx, { kind: 'PASSWORD_CHANGED', to: user.email, userId: actor.id, ...passwordChangedMail({ name: user.name, at: now, how: 'change' }) });
  });
}
