// Who an OIDC identity (ProConnect) signs in (ADR 0014). An identity signs in only an
// active account: the one it is linked to (provider + sub), or else the one whose e-mail it
// proves, and the link is then recorded so that a later change of e-mail at the provider
// still finds the account. An invited account is activated by its first such sign-in
// while the invitation is valid.
import { db } from '@/lib/db';
import { recordAudit } from '@/lib/audit/audit';

export interface OidcIdentityInput {
  provider: string;
  subject: string;
  email: string | null;
}

export type OidcSignIn =
  | { ok: true; userId: string; linked: boolean; activated: boolean }
  | { ok: false; reason: 'unknown' | 'inactive' | 'invitation-expired'; userId?: string };

const userSelect = {
  id: true,
  email: true,
  name: true,
  active: true,
  passwordHash: true,
  invitationTokenHash: true,
  invitationExpiresAt: true,
  memberships: { select: { role: true, territoryId: true, regionCode: true, operatorId: true } },
} as const;

export async function signInWithOidcIdentity(identity: OidcIdentityInput, now = new Date()): Promise<OidcSignIn> {
  if (!identity.subject) return { ok: false, reason: 'unknown' };
  const email = identity.email?.trim().toLowerCase() || null;
  return db.$transaction(async (tx) => {
    const link = await tx.oidcIdentity.findUnique({
      where: { provider_subject: { provider: identity.provider, subject: identity.subject } },
      select: { id: true, user: { select: userSelect } },
    });
    const user = link?.user ?? (email ? await tx.user.findUnique({ where: { email }, select: userSelect }) : null);
    if (!user) return { ok: false, reason: 'unknown' };
    if (!user.active) return { ok: false, reason: 'inactive', userId: user.id };
    const { active: _a, passwordHash: _p, invitationTokenHash, invitationExpiresAt, ...actor } = user;

    // A pending invitation (never activated): this sign-in activates it, if still valid.
    let activated = false;
    if (invitationTokenHash && !user.passwordHash) {
      if (!invitationExpiresAt || invitationExpiresAt <= now) return { ok: false, reason: 'invitation-expired', userId: user.id };
      const done = await tx.user.updateMany({
        where: { id: user.id, active: true, invitationTokenHash, passwordHash: null },
        data: { invitationTokenHash: null, invitationExpiresAt: null },
      });
      activated = done.count === 1;
      if (activated) {
        await recordAudit(tx, {
          actor,
          entityType: 'User',
          entityId: user.id,
          operation: 'activate',
          before: { status: 'pending' },
          after: { status: 'active', via: identity.provider },
        });
      }
    }

    if (link) {
      await tx.oidcIdentity.update({ where: { id: link.id }, data: { lastLoginAt: now, ...(email ? { email } : {}) } });
    } else {
      await tx.oidcIdentity.create({
        data: { provider: identity.provider, subject: identity.subject, userId: user.id, email: email ?? user.email, lastLoginAt: now },
      });
      await recordAudit(tx, {
        actor,
        entityType: 'User',
        entityId: user.id,
        operation: 'link-identity',
        after: { provider: identity.provider, subject: identity.subject },
      });
    }
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
    return { ok: true, userId: user.id, linked: !link, activated };
  });
}
