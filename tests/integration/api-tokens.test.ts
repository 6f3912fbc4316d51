// Personal access tokens against a real PostgreSQL, through the real route handlers:
// read/write access, the user's exact scope, revoked/expired tokens, deactivated users,
// tokens cannot manage tokens, and every use is audited as the user with the token's id.
import { beforeAll, describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/authz/policy';
import { createToken, hashApiToken, listTokens, revokeToken } from '@/lib/tokens/tokens';
import * as actionsRoute from '@/app/api/v1/territories/[slug]/actions/route';
import * as territoryRoute from '@/app/api/v1/territories/[slug]/route';
import * as adminUsersRoute from '@/app/api/v1/admin/users/route';
import * as tokensRoute from '@/app/api/v1/me/tokens/route';
import * as tokenRoute from '@/app/api/v1/me/tokens/[id]/route';
import { createSession, revokeAllSessions } from '@/lib/auth/sessions';
import { captureSecurityLog } from '@/lib/security-log';
import { actor, DEMO } from '../fixtures';

let cdp: Actor;

beforeAll(async () => {
  cdp = await actor(DEMO.cdpTarnNord);
});

type RouteFn<P> = (request: NextRequest, context: { params: Promise<P> }) => Promise<Response>;

function call<P>(fn: RouteFn<P>, params: P, init: { method?: string; token?: string; body?: unknown; path?: string } = {}) {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const request = new NextRequest(`http://localhost${init.path ?? '/api/v1/test'}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return fn(request, { params: Promise.resolve(params) });
}

const newAction = (title: string) => ({ title, axes: ['SKILLS'], status: 'NOT_STARTED' });
const tarnNord = { slug: 'tarn-nord' };

describe('contract of /api/v1/me/tokens', () => {
  it('creates (shown once, stored hashed), lists and revokes', async () => {
    const before = await listTokens(cdp);
    const created = await createToken(cdp, { name: 'Tableur régional', access: 'read', expiresInDays: 30 });
    expect(created.token).toMatch(/^ti_pat_[A-Za-z0-9_-]{43}$/);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(hashApiToken(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    expect(new Date(created.expiresAt).getTime() - Date.now()).toBeGreaterThan(29 * 24 * 3600 * 1000);

    const listed = await (await call(tokensRoute.GET, {}, { token: created.token })).json();
    expect(listed.items).toHaveLength(before.length + 1);
    const item = listed.items.find((i: { id: string }) => i.id === created.id);
    expect(Object.keys(item).sort()).toEqual(['access', 'createdAt', 'expiresAt', 'id', 'lastUsedAt', 'name']);
    expect(item).toMatchObject({ name: 'Tableur régional', access: 'read' });
    expect(JSON.stringify(listed)).not.toContain(created.token);

    await revokeToken(cdp, created.id);
    expect((await listTokens(cdp)).map((t) => t.id)).not.toContain(created.id);
    await expect(revokeToken(cdp, created.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses bad input per field and more than a year', async () => {
    await expect(createToken(cdp, { name: ' ', access: 'admin', expiresInDays: 366, extra: 1 })).rejects.toMatchObject({
      code: 'INVALID',
      details: { fieldErrors: { name: expect.any(Array), access: expect.any(Array), expiresInDays: expect.any(Array), extra: expect.any(Array) } },
    });
    const year = await createToken(cdp, { name: 'Un an', access: 'read', expiresInDays: 365 });
    expect(new Date(year.expiresAt).getTime()).toBeLessThanOrEqual(Date.now() + 365 * 24 * 3600 * 1000);
  });

  it("cannot revoke someone else's token", async () => {
    const other = await createToken(await actor(DEMO.cdpHautesTerres), { name: 'Autre', access: 'read' });
    await expect(revokeToken(cdp, other.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a token cannot create or revoke tokens', async () => {
    const { token, id } = await createToken(cdp, { name: 'Script', access: 'write' });
    const create = await call(tokensRoute.POST, {}, { method: 'POST', token, body: { name: 'Fils', access: 'write' } });
    expect(create.status).toBe(403);
    const remove = await call(tokenRoute.DELETE, { id }, { method: 'DELETE', token });
    expect(remove.status).toBe(403);
    expect(await db.apiToken.count({ where: { userId: cdp.id, name: 'Fils' } })).toBe(0);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).revokedAt).toBeNull();
  });
});

describe('Bearer tokens on /api/v1', () => {
  it('a read token reads within scope and gets 403 on any write, with nothing written', async () => {
    const { token } = await createToken(cdp, { name: 'Lecture', access: 'read' });
    const list = await call(actionsRoute.GET, tarnNord, { token });
    expect(list.status).toBe(200);
    expect((await list.json()).items.length).toBeGreaterThan(0);
    const write = await call(actionsRoute.POST, tarnNord, { method: 'POST', token, body: newAction('Écrite par un jeton de lecture') });
    expect(write.status).toBe(403);
    expect(await db.action.count({ where: { title: 'Écrite par un jeton de lecture' } })).toBe(0);
  });

  it("a write token writes with exactly the user's scope, audited with the token's id", async () => {
    const { token, id } = await createToken(cdp, { name: 'Écriture', access: 'write' });
    const created = await call(actionsRoute.POST, tarnNord, {
      method: 'POST',
      token,
      body: newAction('Créée par un script'),
      path: '/api/v1/territories/tarn-nord/actions',
    });
    expect(created.status).toBe(201);
    const action = (await created.json()) as { id: string };
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: 'Action', entityId: action.id, operation: 'create' } });
    expect(audit).toMatchObject({ actorId: cdp.id, tokenId: id });

    // Outside the user's scope: not found, as for the user; national-only routes: forbidden.
    expect((await call(actionsRoute.POST, { slug: 'hautes-terres-doc' }, { method: 'POST', token, body: newAction('Hors périmètre') })).status).toBe(404);
    expect((await call(territoryRoute.GET, { slug: 'hautes-terres-doc' }, { token })).status).toBe(404);
    expect((await call(adminUsersRoute.GET, {}, { token })).status).toBe(403);

    const uses = await db.auditLog.findMany({ where: { entityType: 'ApiToken', entityId: id, operation: 'use' }, orderBy: { id: 'asc' } });
    expect(uses).toHaveLength(4);
    expect(uses.every((u) => u.actorId === cdp.id && u.tokenId === id)).toBe(true);
    expect(uses[0]?.after).toEqual({ method: 'POST', path: '/api/v1/territories/tarn-nord/actions', status: 201 });
    expect(uses.map((u) => (u.after as { status: number }).status)).toEqual([201, 404, 404, 403]);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).not.toBeNull();
  });

  it('a bearer request needs no Origin and ignores a foreign one (no cookie, no CSRF)', async () => {
    const { token } = await createToken(cdp, { name: 'Grist', access: 'write' });
    const request = new NextRequest('http://localhost/api/v1/territories/tarn-nord/actions', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', origin: 'https://docs.getgrist.com' },
      body: JSON.stringify(newAction('Depuis Grist')),
    });
    expect((await actionsRoute.POST(request, { params: Promise.resolve(tarnNord) })).status).toBe(201);
  });

  it('revoked, expired, unknown and malformed tokens get 401', async () => {
    const revoked = await createToken(cdp, { name: 'Révoqué', access: 'write' });
    await revokeToken(cdp, revoked.id);
    const expired = await createToken(cdp, { name: 'Expiré', access: 'write', expiresInDays: 1 }, new Date(Date.now() - 2 * 24 * 3600 * 1000));
    const unknown = `ti_pat_${'A'.repeat(43)}`;
    for (const token of [revoked.token, expired.token, unknown, 'pas-un-jeton']) {
      const response = await call(actionsRoute.GET, tarnNord, { token });
      expect(response.status, token).toBe(401);
      expect(response.headers.get('www-authenticate')).toContain('Bearer');
    }
    expect(await db.auditLog.count({ where: { entityId: { in: [revoked.id, expired.id] }, operation: 'use' } })).toBe(0);
  });

  it("a deactivated user's token gets 401, and works again with the user's scope once reactivated", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { email: DEMO.cdpCastres }, select: { id: true } });
    const castres = await actor(DEMO.cdpCastres);
    const { token } = await createToken(castres, { name: 'Avant départ', access: 'read' });
    const slug = { slug: 'castres-revel-castelnaudary' };
    expect((await call(actionsRoute.GET, slug, { token })).status).toBe(200);
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    try {
      expect((await call(actionsRoute.GET, slug, { token })).status).toBe(401);
    } finally {
      await db.user.update({ where: { id: user.id }, data: { active: true } });
    }
    expect((await call(actionsRoute.GET, slug, { token })).status).toBe(200);
  });

  it('follows the live memberships: a role removed is a scope lost', async () => {
    const industriel = await actor(DEMO.industrielTarnNord);
    const { token } = await createToken(industriel, { name: 'Suivi', access: 'read' });
    expect((await call(actionsRoute.GET, tarnNord, { token })).status).toBe(200);
    const memberships = await db.membership.findMany({ where: { userId: industriel.id } });
    await db.membership.deleteMany({ where: { userId: industriel.id } });
    try {
      expect((await call(actionsRoute.GET, tarnNord, { token })).status).toBe(404);
    } finally {
      await db.membership.createMany({ data: memberships });
    }
  });

  it("tokens are not sessions: revoking the user's sessions leaves the token to its own rules", async () => {
    const elu = await actor(DEMO.eluTarnNord);
    const { token, id } = await createToken(elu, { name: 'Indépendant des sessions', access: 'read' });
    await createSession(elu.id, { provider: 'credentials', userAgent: 'test', ip: '127.0.0.1' });
    await revokeAllSessions(db, elu.id, 'sign-out-everywhere');
    expect(await db.userSession.count({ where: { userId: elu.id, revokedAt: null } })).toBe(0);
    expect((await call(actionsRoute.GET, tarnNord, { token })).status).toBe(200);
    await revokeToken(elu, id);
    expect((await call(actionsRoute.GET, tarnNord, { token })).status).toBe(401);
  });

  it('logs every use and every refusal in the security log, never the token', async () => {
    const { token, id } = await createToken(cdp, { name: 'Journal', access: 'read' });
    const log = captureSecurityLog();
    try {
      await call(actionsRoute.GET, tarnNord, { token, path: '/api/v1/territories/tarn-nord/actions' });
      await revokeToken(cdp, id);
      await call(actionsRoute.GET, tarnNord, { token });
    } finally {
      log.stop();
    }
    const events = log.lines().filter((l) => l.tokenId === id);
    expect(events.map((l) => l.event)).toEqual(['token.used', 'token.refused']);
    expect(events[0]).toMatchObject({ userId: cdp.id, method: 'GET', status: 200 });
    expect(events[1]).toMatchObject({ reason: 'revoked', userId: cdp.id });
    expect(log.raw()).not.toContain(token);
  });
});
