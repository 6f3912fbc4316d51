// Account activation: an invited user follows a one-time link and chooses a password.
// Only the SHA-256 of the token is stored, so a database leak does not leak usable
// links; the token is shown once, to the administrator who invited the user.
import crypto from 'node:crypto';
import { z } from 'zod';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/audit/audit';
import { hashPassword } from '@/lib/auth/password';
import { parseInput } from '@/lib/validation';
import { activationTokenField, passwordField } from './schemas';

export const INVITATION_VALIDITY_DAYS = 7;

export const hashActivationToken = (token: string): string => crypto.createHash('sha256').update(token).digest('hex');

export const activationPathFor = (token: string): string => `/activation/${token}`;

/** A fresh one-time token (32 random bytes, base64url), its stored hash and its expiry. */
export function newActivationToken(now = new Date()): { token: string; hash: string; expiresAt: Date; path: string } {
  const token = crypto.randomBytes(32).toString('base64url');
  return {
    token,
    hash: hashActivationToken(token),
    expiresAt: new Date(now.getTime() + INVITATION_VALIDITY_DAYS * 24 * 3600 * 1000),
    path: activationPathFor(token),
  };
}

export type InvitationLookup =
  | { status: 'valid'; name: string; email: string; expiresAt: string }
  | { status: 'expired' }
  | { status: 'invalid' };

const INVALID_LINK = 'Ce lien d’activation n’est pas valable ou a déjà été utilisé. Demandez un nouveau lien à l’équipe nationale.';
const EXPIRED_LINK = 'Ce lien d’activation a expiré. Demandez un nouveau lien à l’équipe nationale.';

async function findByToken(token: string) {
  if (!activationTokenField.safeParse(token).success) return null;
  return db.user.findFirst({
    where: { invitationTokenHash: hashActivationToken(token), active: true },
    select: {
      id: true,
      email: true,
      name: true,
      invitationExpiresAt: true,
      memberships: { select: { role: true, territoryId: true, regionCode: true, operatorId: true } },
    },
  });
}

/** Public: whom a link invites (for the activation page), or why it cannot be used. */
export async function findInvitation(token: string): Promise<InvitationLookup> {
  const user = await findByToken(token);
  if (!user?.invitationExpiresAt) return { status: 'invalid' };
  if (user.invitationExpiresAt <= new Date()) return { status: 'expired' };
  return { status: 'valid', name: user.name, email: user.email, expiresAt: user.invitationExpiresAt.toISOString() };
}

/**
 * Public: sets the password of an invited account and burns the token. Refused when the
 * token is unknown, already used, expired, or the account was deactivated meanwhile.
 */
export async function activateAccount(token: string, password: string): Promise<{ email: string }> {
  parseInput(z.strictObject({ password: passwordField }), { password });
  const user = await findByToken(token);
  if (!user?.invitationExpiresAt) throw new AppError('INVALID', INVALID_LINK);
  if (user.invitationExpiresAt <= new Date()) throw new AppError('INVALID', EXPIRED_LINK);
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    // The guard is in the UPDATE: of two concurrent uses of one link, only one matches.
    const done = await tx.user.updateMany({
      where: {
        id: user.id,
        active: true,
        invitationTokenHash: hashActivationToken(token),
        invitationExpiresAt: { gt: new Date() },
      },
      data: { passwordHash, invitationTokenHash: null, invitationExpiresAt: null, failedLoginCount: 0, lockedUntil: null },
    });
    if (done.count === 0) throw new AppError('INVALID', INVALID_LINK);
    await recordAudit(tx, {
      actor: { id: user.id, email: user.email, name: user.name, memberships: user.memberships },
      entityType: 'User',
      entityId: user.id,
      operation: 'activate',
      before: { status: 'pending' },
      after: { status: 'active' },
    });
  });
  return { email: user.email };
}
