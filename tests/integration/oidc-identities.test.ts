// Who a ProConnect identity signs in, against a real PostgreSQL: only an active account,
// found by its recorded link (provider + sub) first, else by the e-mail it proves; an
// invitation is activated by the first sign-in while valid.
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { signInWithOidcIdentity } from '@/lib/users/oidc-identities';
import { getUser, inviteUser } from '@/lib/admin/users';
import { findInvitation } from '@/lib/admin/activation';
import { actor, DEMO } from '../fixtures';

const provider = 'proconnect';
let seq = 0;
const sub = () => `sub-${Date.now()}-${++seq}`;

async function invited(email: string) {
  const admin = await actor(DEMO.admin);
  return inviteUser(admin, { email, name: 'Agent invité', memberships: [{ role: 'PROJECT_LEAD', territory: 'tarn-nord' }] });
}

describe('signInWithOidcIdentity', () => {
  it('signs in the active account whose e-mail it proves, records the link, and follows it after an e-mail change', async () => {
    const subject = sub();
    const user = await db.user.findUniqueOrThrow({ where: { email: DEMO.sgarGrandEst }, select: { id: true } });
    const first = await signInWithOidcIdentity({ provider, subject, email: 'SGAR.Grand-Est@demo.test' });
    expect(first).toEqual({ ok: true, userId: user.id, linked: true, activated: false });
    const link = await db.oidcIdentity.findUniqueOrThrow({ where: { provider_subject: { provider, subject } } });
    expect(link.userId).toBe(user.id);
    expect(await db.auditLog.count({ where: { entityId: user.id, operation: 'link-identity' } })).toBe(1);

    const moved = await signInWithOidcIdentity({ provider, subject, email: 'agent.grand-est@prefecture.gouv.fr' });
    expect(moved).toMatchObject({ ok: true, userId: user.id, linked: false });
    expect((await db.oidcIdentity.findUniqueOrThrow({ where: { id: link.id } })).email).toBe('agent.grand-est@prefecture.gouv.fr');
  });

  it('refuses an unknown e-mail, and an identity without e-mail nor link', async () => {
    expect(await signInWithOidcIdentity({ provider, subject: sub(), email: 'personne@exemple.gouv.fr' })).toEqual({ ok: false, reason: 'unknown' });
    expect(await signInWithOidcIdentity({ provider, subject: sub(), email: null })).toEqual({ ok: false, reason: 'unknown' });
    expect(await db.oidcIdentity.count({ where: { email: 'personne@exemple.gouv.fr' } })).toBe(0);
  });

  it('refuses a deactivated account, by e-mail or by link', async () => {
    const subject = sub();
    const email = `parti.${Date.now()}@exemple.gouv.fr`;
    const { user } = await invited(email);
    expect(await signInWithOidcIdentity({ provider, subject, email })).toMatchObject({ ok: true });
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await signInWithOidcIdentity({ provider, subject, email })).toMatchObject({ ok: false, reason: 'inactive' });
    expect(await signInWithOidcIdentity({ provider, subject: sub(), email })).toMatchObject({ ok: false, reason: 'inactive' });
  });

  it('activates a valid invitation (the link is spent) and refuses an expired one', async () => {
    const admin = await actor(DEMO.admin);
    const email = `invite.${Date.now()}@exemple.gouv.fr`;
    const { user, activationPath } = await invited(email);
    expect((await getUser(admin, user.id)).status).toBe('pending');
    const result = await signInWithOidcIdentity({ provider, subject: sub(), email });
    expect(result).toMatchObject({ ok: true, userId: user.id, activated: true });
    expect((await getUser(admin, user.id)).status).toBe('active');
    expect(await findInvitation(activationPath.replace('/activation/', ''))).toEqual({ status: 'invalid' });
    expect(await db.auditLog.count({ where: { entityId: user.id, operation: 'activate' } })).toBe(1);

    const late = `tard.${Date.now()}@exemple.gouv.fr`;
    const expired = await invited(late);
    await db.user.update({ where: { id: expired.user.id }, data: { invitationExpiresAt: new Date(Date.now() - 1000) } });
    expect(await signInWithOidcIdentity({ provider, subject: sub(), email: late })).toMatchObject({ ok: false, reason: 'invitation-expired' });
    expect(await db.oidcIdentity.count({ where: { userId: expired.user.id } })).toBe(0);
  });
});
