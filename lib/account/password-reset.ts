// Forgotten password: a one-time link (32 random bytes, only its SHA-256 stored) valid one
// hour, mailed through the outbox. Asking never tells whether the address has an account
// (the API answers before doing any of this, lib/http `publicApiRoute` + `after`). Using the
// link sets the password, burns every reset link of the account and signs out every session.
import crypto from 'node:crypto';
import { db } from '@/lib/db';
import { recordAudit } from '@/lib/audit/audit';
import { hashPassword } from '@/lib/auth/password';
import { parseInput } from '@/lib/validation';
import { passwordChangedMail, passwordResetMail } from '@/lib/mail/messages';
import { enqueueMail } from '@/lib/mail/outbox';
import { resetPasswordSchema, resetRequestSchema, resetTokenField } from './schemas';
import { revokeSessionsAfterPasswordChange } from './sessions';

export const RESET_VALIDITY_MS = 60 * 60_000;
/** Links mailed per account and hour at most: the form cannot be used to flood a mailbox. */
export const RESET_PER_HOUR = 3;

/** The one answer to every reset request (API 202 body and page message). */
export const RESET_ACCEPTED = {
  message: 'Si un compte actif correspond à cette adresse, un courriel avec un lien de réinitialisation valable une heure vient de lui être envoyé.',
};

/** A used, expired or unknown link (HTTP 410). */
export class ResetLinkGone extends Error {
  constructor() {
    super('Ce lien de réinitialisation n’est pas valable : il a expiré ou a déjà servi. Demandez-en un nouveau.');
    this.name = 'ResetLinkGone';
  }
}

const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/** Validates the request's shape only (bad JSON, not an e-mail address → 400). */
export function parseResetRequest(input: unknown): { email: string } {
  return parseInput(resetRequestSchema, input);
}

/** Queues a reset mail if the address belongs to an active account. Never says which. */
export async function requestPasswordReset(email: string, now = new Date()): Promise<void> {
  const user = await db.user.findFirst({
    where: { email: email.trim().toLowerCase(), active: true },
    select: { id: true, email: true, name: true, memberships: { select: { role: true, territoryId: true, regionCode: true, operatorId: true } } },
  });
  if (!user) return;
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + RESET_VALIDITY_MS);
  await db.$transaction(async (tx) => {
    // Serialises requests for one account, so the hourly cap holds under concurrency.
    await tx.$queryRaw`select id from "User" where id = ${user.id} for update`;
    const recent = await tx.passwordResetToken.count({ where: { userId: user.id, createdAt: { gt: new Date(now.getTime() - 3_600_000) } } });
    if (recent >= RESET_PER_HOUR) return;
    await tx.passwordResetToken.create({ data: { userId: user.id, tokenHash: hashToken(token), expiresAt, createdAt: now } });
    await recordAudit(tx, { actor: user, entityType: 'User', entityId: user.id, operation: 'password-reset-request', after: { expiresAt: expiresAt.toISOString() } });
    await enqueueMail(tx, { kind: 'PASSWORD_RESET', to: user.email, userId: user.id, ...passwordResetMail({ name: user.name, token, expiresAt }) });
  });
}

async function findValid(token: string, now: Date) {
  if (!resetTokenField.safeParse(token).success) return null;
  return db.passwordResetToken.findFirst({
    where: { tokenHash: hashToken(token), usedAt: null, expiresAt: { gt: now }, user: { active: true } },
    select: { id: true, expiresAt: true, user: { select: { id: true, email: true, name: true } } },
  });
}

/** For the page behind the link: whose password it resets, or null when it cannot be used. */
export async function findResetLink(token: string, now = new Date()): Promise<{ email: string; expiresAt: string } | null> {
  const row = await findValid(token, now);
  return row ? { email: row.user.email, expiresAt: row.expiresAt.toISOString() } : null;
}

/**
 * Sets a new password with a reset link. ResetLinkGone when the link is unknown, used or
 * expired (checked first); INVALID per field when the password is refused.
 */
export async function resetPassword(token: string, input: unknown, now = new Date()): Promise<void> {
  const link = await findValid(token, now);
  if (!link) throw new ResetLinkGone();
  const { password } = parseInput(resetPasswordSchema, input);
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    // The guard is in the UPDATE: of two concurrent uses of one link, only one matches.
    const burnt = await tx.passwordResetToken.updateMany({
      where: { id: link.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (!burnt.count) throw new ResetLinkGone();
    // Every other link of the account dies with this one.
    await tx.passwordResetToken.updateMany({ where: { userId: link.user.id, usedAt: null }, data: { usedAt: now } });
    const user = await tx.user.update({
      where: { id: link.user.id },
      // A pending invitation is settled too: the mailbox owner has now chosen a password.
      data: { passwordHash, failedLoginCount: 0, lockedUntil: null, invitationTokenHash: null, invitationExpiresAt: null },
      select: { id: true, email: true, name: true, memberships: { select: { role: true, territoryId: true, regionCode: true, operatorId: true } } },
    });
    await recordAudit(tx, { actor: user, entityType: 'User', entityId: user.id, operation: 'password-reset', after: { at: now.toISOString() } });
    await revokeSessionsAfterPasswordChange(tx, user.id, 'password-reset');
    await enqueueMail(tx, { kind: 'PASSWORD_CHANGED', to: user.email, userId: user.id, ...passwordChangedMail({ name: user.name, at: now, how: 'reset' }) });
  });
}
