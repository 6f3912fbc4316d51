// Server-side sessions (ADR 0012): revocation, absolute lifetime, idle timeout,
// and revocation on deactivation and change of roles.
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { createSession, revokeAllSessions, revokeSession, signOutEverywhere } from '@/lib/auth/sessions';
import { findActiveActor } from '@/lib/users/queries';
import { updateUser } from '@/lib/admin/users';
import { actor, DEMO } from '../fixtures';

const HOUR = 3_600_000;

async function userId(email: string) {
  return (await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}

describe('server-side sessions', () => {
  it('a live session loads its actor; a revoked one does not, nor a session of another user', async () => {
    const id = await userId(DEMO.cdpTarnNord);
    const sid = await createSession(id, { provider: 'credentials' });
    const loaded = await findActiveActor(id, sid);
    expect(loaded?.email).toBe(DEMO.cdpTarnNord);
    expect(loaded?.memberships.map((m) => m.role)).toEqual(['PROJECT_LEAD']);
    expect(await findActiveActor(await userId(DEMO.national), sid)).toBeNull();
    await revokeSession(sid);
    expect(await findActiveActor(id, sid)).toBeNull();
    const row = await db.userSession.findUniqueOrThrow({ where: { id: sid } });
    expect(row.revokedReason).toBe('sign-out');
  });

  it('has an absolute lifetime of SESSION_MAX_AGE_HOURS that activity does not extend', async () => {
    const id = await userId(DEMO.eluTarnNord);
    const sid = await createSession(id, { provider: 'credentials' }, new Date(Date.now() - 10 * HOUR - 60_000));
    // Active a second ago: the idle limit is fine, the absolute one is not.
    await db.userSession.update({ where: { id: sid }, data: { lastSeenAt: new Date(Date.now() - 1000) } });
    expect(await findActiveActor(id, sid)).toBeNull();
    const fresh = await createSession(id, { provider: 'credentials' }, new Date(Date.now() - 9 * HOUR));
    await db.userSession.update({ where: { id: fresh }, data: { lastSeenAt: new Date(Date.now() - 1000) } });
    expect(await findActiveActor(id, fresh)).not.toBeNull();
    const row = await db.userSession.findUniqueOrThrow({ where: { id: fresh } });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(10 * HOUR);
  });

  it('ends after SESSION_IDLE_MINUTES without a request, and refreshes lastSeenAt at most once a minute', async () => {
    const id = await userId(DEMO.industrielTarnNord);
    const sid = await createSession(id, { provider: 'credentials' });
    const seen = (await db.userSession.findUniqueOrThrow({ where: { id: sid } })).lastSeenAt;
    await findActiveActor(id, sid);
    expect((await db.userSession.findUniqueOrThrow({ where: { id: sid } })).lastSeenAt).toEqual(seen);
    const old = new Date(Date.now() - 5 * 60_000);
    await db.userSession.update({ where: { id: sid }, data: { lastSeenAt: old } });
    await findActiveActor(id, sid);
    const touched = (await db.userSession.findUniqueOrThrow({ where: { id: sid } })).lastSeenAt;
    expect(touched.getTime()).toBeGreaterThan(old.getTime() + 4 * 60_000);
    await db.userSession.update({ where: { id: sid }, data: { lastSeenAt: new Date(Date.now() - 121 * 60_000) } });
    expect(await findActiveActor(id, sid)).toBeNull();
    // An idle session is not revived by the request that found it idle.
    expect(await findActiveActor(id, sid)).toBeNull();
  });

  it('"sign out everywhere" ends every session of the user only', async () => {
    const me = await actor(DEMO.sgarGrandEst);
    const other = await userId(DEMO.regionOccitanie);
    const [a, b, c] = [
      await createSession(me.id, { provider: 'credentials' }),
      await createSession(me.id, { provider: 'proconnect' }),
      await createSession(other, { provider: 'credentials' }),
    ];
    await signOutEverywhere(me);
    expect(await findActiveActor(me.id, a)).toBeNull();
    expect(await findActiveActor(me.id, b)).toBeNull();
    expect(await findActiveActor(other, c)).not.toBeNull();
  });

  it('revokeAllSessions joins the caller’s transaction', async () => {
    const id = await userId(DEMO.cdpCastres);
    const sid = await createSession(id, { provider: 'credentials' });
    await expect(
      db.$transaction(async (tx) => {
        await revokeAllSessions(tx, id, 'password-changed');
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await findActiveActor(id, sid)).not.toBeNull();
    await db.$transaction((tx) => revokeAllSessions(tx, id, 'password-changed'));
    expect(await findActiveActor(id, sid)).toBeNull();
  });
});

describe('revocation by the administration', () => {
  it('deactivation revokes every session; reactivation brings none back', async () => {
    const admin = await actor(DEMO.admin);
    const id = await userId(DEMO.cdpHautesTerres);
    const sid = await createSession(id, { provider: 'credentials' });
    await updateUser(admin, id, { active: false });
    expect(await findActiveActor(id, sid)).toBeNull();
    await updateUser(admin, id, { active: true });
    expect(await findActiveActor(id, sid)).toBeNull();
    const row = await db.userSession.findUniqueOrThrow({ where: { id: sid } });
    expect(row.revokedReason).toBe('deactivated');
    // A new sign-in works again.
    expect(await findActiveActor(id, await createSession(id, { provider: 'credentials' }))).not.toBeNull();
  });

  it('a change of roles revokes every session; an update that changes nothing does not', async () => {
    const admin = await actor(DEMO.admin);
    const id = await userId(DEMO.operatorAdeme);
    const sid = await createSession(id, { provider: 'credentials' });
    await updateUser(admin, id, { active: true });
    expect(await findActiveActor(id, sid)).not.toBeNull();
    await updateUser(admin, id, { memberships: [{ role: 'NATIONAL_STAFF' }] });
    expect(await findActiveActor(id, sid)).toBeNull();
    expect((await db.userSession.findUniqueOrThrow({ where: { id: sid } })).revokedReason).toBe('roles-changed');
  });
});
