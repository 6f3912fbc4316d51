// One versioned write for every editable entity (ADR 0021), against a real PostgreSQL:
// for actions, commitments, committees, users, territories and operators, a stale base
// version is the one 409 shape (fields in form order, their labels, the author) and writes
// nothing; a fresh write bumps the version by one with one audit row; a no-op write bumps
// nothing and audits nothing. Actions and users also through their API routes.
import { beforeAll, describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/authz/policy';
import { createAction, updateAction } from '@/lib/actions/mutations';
import { createCommitment, updateCommitment } from '@/lib/commitments/mutations';
import { COMMITMENT_FIELD_LABELS } from '@/lib/commitments/labels';
import { createCommittee, updateCommittee } from '@/lib/committees/mutations';
import { getUser, updateMemberships, updateUser } from '@/lib/admin/users';
import { getAdminTerritory, updateTerritory } from '@/lib/admin/territories';
import { createOperator, updateOperator } from '@/lib/admin/operators';
import { createToken } from '@/lib/tokens/tokens';
import * as actionRoute from '@/app/api/v1/actions/[id]/route';
import * as userRoute from '@/app/api/v1/admin/users/[id]/route';
import { actor, DEMO } from '../fixtures';

let cdp: Actor;
let otherCdpOfTarn: Actor;
let national: Actor;
let sgar: Actor;
let regionCouncil: Actor;
let admin: Actor;
let secondAdmin: Actor;
let cdpToken: string;
let adminToken: string;

beforeAll(async () => {
  [cdp, national, sgar, regionCouncil, admin] = await Promise.all([
    actor(DEMO.cdpTarnNord),
    actor(DEMO.national),
    actor(DEMO.sgarOccitanie),
    actor(DEMO.regionOccitanie),
    actor(DEMO.admin),
  ]);
  // A second administrator, and a second project lead of Tarn Nord (the elected official
  // may not edit the plan), so that conflicts have another author.
  const second = await db.user.create({
    data: { email: 'admin.bis@exemple.test', name: 'Adèle Second', memberships: { create: [{ role: 'NATIONAL_ADMIN' }] } },
  });
  secondAdmin = await actor('admin.bis@exemple.test');
  expect(secondAdmin.id).toBe(second.id);
  const tarn = await db.territory.findUniqueOrThrow({ where: { slug: 'tarn-nord' }, select: { id: true } });
  await db.user.create({
    data: { email: 'cdp.bis@exemple.test', name: 'Bruno Binôme', memberships: { create: [{ role: 'PROJECT_LEAD', territoryId: tarn.id }] } },
  });
  otherCdpOfTarn = await actor('cdp.bis@exemple.test');
  cdpToken = (await createToken(cdp, { name: 'Tests de versions', access: 'write' })).token;
  adminToken = (await createToken(admin, { name: 'Tests de versions', access: 'write' })).token;
});

type Failure = { code: string; message: string; details?: { fieldErrors?: Record<string, string[]>; current?: Record<string, unknown> } };

const errorOf = async (p: Promise<unknown>): Promise<Failure> => {
  try {
    await p;
  } catch (e) {
    return e as Failure;
  }
  throw new Error('expected a failure');
};

const audits = (entityType: string, entityId: string) => db.auditLog.count({ where: { entityType, entityId } });

/** The one 409 `current` shape of TEAM.md, and a message naming the fields and the author. */
function expectConflict(
  e: { message: string; current: Record<string, unknown> | undefined },
  expected: { key: string; entity: string; fields: string[]; labels: string[]; by: string; base: number; version: number },
) {
  const current = e.current as Record<string, unknown>;
  expect(Object.keys(current).sort()).toEqual(
    [expected.key, 'entity', 'changedFields', 'changedFieldLabels', 'baseVersion', 'version', 'changedBy', 'changedAt'].sort(),
  );
  expect(current).toMatchObject({
    entity: expected.entity,
    changedFields: expected.fields,
    changedFieldLabels: expected.labels,
    baseVersion: expected.base,
    version: expected.version,
    changedBy: expected.by,
  });
  expect(new Date(current.changedAt as string).getTime()).toBeGreaterThan(Date.now() - 60_000);
  expect((current[expected.key] as { version: number }).version).toBe(expected.version);
  for (const label of expected.labels) expect(e.message).toContain(label);
  expect(e.message).toContain(expected.by);
}

const domainConflict = (f: Failure) => ({ message: f.message, current: f.details?.current });

type RouteFn<P> = (request: NextRequest, context: { params: Promise<P> }) => Promise<Response>;

async function call<P>(fn: RouteFn<P>, params: P, token: string, body: unknown, headers: Record<string, string> = {}) {
  const request = new NextRequest('http://localhost/api/v1/test', {
    method: 'PATCH',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const response = await fn(request, { params: Promise.resolve(params) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('actions, through PATCH /api/v1/actions/{id}', () => {
  it('fresh: version + 1 and one audit row; stale: the one 409, nothing written; no-op: nothing', async () => {
    const a = await createAction(cdp, 'tarn-nord', { title: 'Plateforme logistique mutualisée', axes: ['SKILLS'], status: 'NOT_STARTED' });
    const before = await audits('Action', a.id);

    const fresh = await call(actionRoute.PATCH, { id: a.id }, cdpToken, { version: 1, title: 'Plateforme logistique', status: 'IN_PROGRESS' });
    expect(fresh.status).toBe(200);
    expect(fresh.body.version).toBe(2);
    expect(await audits('Action', a.id)).toBe(before + 1);

    // Someone else wrote version 2; a client still on version 1 is refused.
    const stale = await call(actionRoute.PATCH, { id: a.id }, cdpToken, { version: 1, notes: 'Écrasement' });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toBe('CONFLICT');
    expectConflict(
      { message: stale.body.message as string, current: stale.body.current as Record<string, unknown> },
      { key: 'action', entity: 'Action', fields: ['title', 'status'], labels: ['Titre', 'Statut'], by: cdp.name, base: 1, version: 2 },
    );
    const row = await db.action.findUniqueOrThrow({ where: { id: a.id }, select: { version: true, notes: true } });
    expect(row).toEqual({ version: 2, notes: '' });
    expect(await audits('Action', a.id)).toBe(before + 1);

    const same = await call(actionRoute.PATCH, { id: a.id }, cdpToken, { version: 2, title: 'Plateforme logistique' });
    expect(same.status).toBe(200);
    expect(same.body.version).toBe(2);
    expect(await audits('Action', a.id)).toBe(before + 1);
  });

  it('names the other author of the changes since the base version', async () => {
    const a = await createAction(cdp, 'tarn-nord', { title: 'Centre de formation', axes: ['SKILLS'], status: 'NOT_STARTED' });
    await call(actionRoute.PATCH, { id: a.id }, cdpToken, { version: 1, budgetCents: 1_000_000 });
    await updateAction(otherCdpOfTarn, a.id, { version: 2, priority: 'HIGH', status: 'IN_PROGRESS' });
    const stale = await call(actionRoute.PATCH, { id: a.id }, cdpToken, { version: 1, title: 'X' });
    expect(stale.status).toBe(409);
    const current = stale.body.current as Record<string, unknown>;
    // Form order, whatever the order of the writes.
    expect(current.changedFields).toEqual(['status', 'priority', 'budgetCents']);
    expect(current.changedFieldLabels).toEqual(['Statut', 'Priorité', 'Budget prévisionnel']);
    expect(current.changedBy).toBe('Bruno Binôme');
    expect(stale.body.message).toContain('Bruno Binôme');
  });
});

describe('commitments, through the domain', () => {
  it('fresh, stale, no-op', async () => {
    const c = await createCommitment(national, {
      operator: 'cerema',
      title: 'Diagnostic foncier',
      scope: 'TERRITORY',
      territory: 'tarn-nord',
      unit: 'diagnostics',
      promised: 3,
    });
    const fresh = await updateCommitment(national, c.id, { version: 1, promised: 4, title: 'Diagnostic foncier des ZAE' });
    expect(fresh.version).toBe(2);
    expect(await audits('Commitment', c.id)).toBe(2);

    const stale = await errorOf(updateCommitment(national, c.id, { version: 1, description: 'Écrasement' }));
    expect(stale.code).toBe('CONFLICT');
    expectConflict(domainConflict(stale), {
      key: 'commitment',
      entity: 'Commitment',
      fields: ['title', 'promised'],
      labels: [COMMITMENT_FIELD_LABELS.title, COMMITMENT_FIELD_LABELS.promised],
      by: national.name,
      base: 1,
      version: 2,
    });
    expect((await db.commitment.findUniqueOrThrow({ where: { id: c.id } })).description).toBe('');

    const same = await updateCommitment(national, c.id, { version: 2, promised: 4 });
    expect(same.version).toBe(2);
    expect(await audits('Commitment', c.id)).toBe(2);
  });
});

describe('committees, through the domain (a real version column)', () => {
  it('fresh, stale, no-op', async () => {
    const c = await createCommittee(sgar, '76', { title: 'Revue régionale', date: '2025-03-14', attendees: ['Philippe Roche'], decisions: '' });
    expect((await db.regionalCommittee.findUniqueOrThrow({ where: { id: c.id } })).version).toBe(1);
    const fresh = await updateCommittee(regionCouncil, c.id, { version: 1, decisions: 'Cofinancement validé.', title: 'Revue régionale (S1)' });
    expect(fresh.version).toBe(2);
    expect((await db.regionalCommittee.findUniqueOrThrow({ where: { id: c.id } })).version).toBe(2);
    expect(await audits('RegionalCommittee', c.id)).toBe(2);

    const stale = await errorOf(updateCommittee(sgar, c.id, { version: 1, attendees: ['Écrasement'] }));
    expectConflict(domainConflict(stale), {
      key: 'committee',
      entity: 'RegionalCommittee',
      fields: ['title', 'decisions'],
      labels: ['Titre', 'Décisions'],
      by: regionCouncil.name,
      base: 1,
      version: 2,
    });
    expect((await db.regionalCommittee.findUniqueOrThrow({ where: { id: c.id } })).attendees).toBe('Philippe Roche');

    const same = await updateCommittee(sgar, c.id, { version: 2, decisions: 'Cofinancement validé.' });
    expect(same.version).toBe(2);
    expect(await audits('RegionalCommittee', c.id)).toBe(2);
  });
});

describe('users, through PATCH /api/v1/admin/users/{id}', () => {
  const roles = (slug: string) => [{ role: 'PROJECT_LEAD', territory: slug }];

  it('fresh, stale, no-op; the base version is required, from the body or If-Match', async () => {
    const u = await db.user.create({ data: { email: 'versions.user@exemple.test', name: 'Véra Sion', memberships: { create: [{ role: 'NATIONAL_STAFF' }] } } });
    const path = { id: u.id };

    const missing = await call(userRoute.PATCH, path, adminToken, { memberships: roles('tarn-nord') });
    expect(missing.status).toBe(400);
    expect((missing.body.errors as Record<string, string[]>).version).toBeDefined();

    const fresh = await call(userRoute.PATCH, path, adminToken, { version: 1, memberships: roles('tarn-nord') });
    expect(fresh.status).toBe(200);
    expect(fresh.body.version).toBe(2);
    expect(await audits('User', u.id)).toBe(1);

    // Another administrator deactivates the account (version 3).
    await updateUser(secondAdmin, u.id, { version: 2, active: false });

    const stale = await call(userRoute.PATCH, path, adminToken, { memberships: roles('ariege') }, { 'If-Match': '"2"' });
    expect(stale.status).toBe(409);
    expectConflict(
      { message: stale.body.message as string, current: stale.body.current as Record<string, unknown> },
      { key: 'user', entity: 'User', fields: ['active'], labels: ['Compte actif'], by: 'Adèle Second', base: 2, version: 3 },
    );
    expect((await getUser(admin, u.id)).memberships.map((m) => m.territory?.slug)).toEqual(['tarn-nord']);
    expect(await audits('User', u.id)).toBe(2);

    const same = await call(userRoute.PATCH, path, adminToken, { memberships: roles('tarn-nord') }, { 'If-Match': '"3"' });
    expect(same.status).toBe(200);
    expect(same.body.version).toBe(3);
    expect(await audits('User', u.id)).toBe(2);

    const mismatch = await call(userRoute.PATCH, path, adminToken, { version: 3, active: true }, { 'If-Match': '"2"' });
    expect(mismatch.status).toBe(400);

    // A bare (de)activation is a command: accepted without a base version, still versioned.
    const reactivated = await call(userRoute.PATCH, path, adminToken, { active: true });
    expect(reactivated.status).toBe(200);
    expect(reactivated.body.version).toBe(4);
    expect(await audits('User', u.id)).toBe(3);
  });

  it('the domain shortcuts without base version write on the current one', async () => {
    const u = await db.user.create({ data: { email: 'versions.user2@exemple.test', name: 'Val Ider', memberships: { create: [{ role: 'NATIONAL_STAFF' }] } } });
    const updated = await updateMemberships(admin, u.id, { memberships: [{ role: 'NATIONAL_STAFF' }, { role: 'NATIONAL_ADMIN' }] });
    expect(updated.version).toBe(2);
    expect((await db.auditLog.findFirstOrThrow({ where: { entityType: 'User', entityId: u.id } })).entityVersion).toBe(2);
  });
});

describe('territories, through the domain', () => {
  it('fresh, stale, no-op', async () => {
    const t = await getAdminTerritory(admin, 'ariege');
    const base = t.version;
    const auditsBefore = await audits('Territory', t.id);
    const fresh = await updateTerritory(secondAdmin, 'ariege', { version: base, name: 'Ariège (renommé)', status: 'SUSPENDED' });
    expect(fresh.version).toBe(base + 1);
    expect(await audits('Territory', t.id)).toBe(auditsBefore + 1);

    const stale = await errorOf(updateTerritory(admin, 'ariege', { version: base, phase: t.phase === 'NEW' ? 'RENEWED' : 'NEW' }));
    expectConflict(domainConflict(stale), {
      key: 'territory',
      entity: 'Territory',
      fields: ['name', 'status'],
      labels: ['Nom', 'Statut'],
      by: 'Adèle Second',
      base,
      version: base + 1,
    });
    expect((await getAdminTerritory(admin, 'ariege')).phase).toBe(t.phase);

    const same = await updateTerritory(admin, 'ariege', { version: base + 1, name: 'Ariège (renommé)' });
    expect(same.version).toBe(base + 1);
    expect(await audits('Territory', t.id)).toBe(auditsBefore + 1);
  });
});

describe('operators, through the domain', () => {
  it('fresh, stale, no-op', async () => {
    const o = await createOperator(admin, { name: 'Agence de test', kind: 'OPERATOR' });
    expect(o.version).toBe(1);
    const fresh = await updateOperator(secondAdmin, o.id, { version: 1, name: 'Agence de test renommée' });
    expect(fresh.version).toBe(2);
    expect(await audits('Operator', o.id)).toBe(2);

    const stale = await errorOf(updateOperator(admin, o.id, { version: 1, kind: 'STATE_SERVICE' }));
    expectConflict(domainConflict(stale), {
      key: 'operator',
      entity: 'Operator',
      fields: ['name'],
      labels: ['Nom'],
      by: 'Adèle Second',
      base: 1,
      version: 2,
    });
    expect((await db.operator.findUniqueOrThrow({ where: { id: o.id } })).kind).toBe('OPERATOR');

    const same = await updateOperator(admin, o.id, { version: 2, name: 'Agence de test renommée' });
    expect(same.version).toBe(2);
    expect(await audits('Operator', o.id)).toBe(2);
  });
});

describe('the one calendar in SQL', () => {
  it('PostgreSQL’s "today in France" is the Paris day, whatever the session time zone', async () => {
    const { PARIS_TODAY_SQL_TEXT, parisDay } = await import('@/lib/calendar');
    const instant = '2026-03-28T23:30:00Z'; // already 29 March in Paris
    const sql = PARIS_TODAY_SQL_TEXT.replace('now()', `timestamptz '${instant}'`);
    const [row] = await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`set local time zone 'UTC'`);
      return tx.$queryRawUnsafe<{ day: string }[]>(`select to_char(${sql}, 'YYYY-MM-DD') as day`);
    });
    expect(row?.day).toBe('2026-03-29');
    expect(row?.day).toBe(parisDay(new Date(instant)));
    const [live] = await db.$queryRawUnsafe<{ day: string }[]>(`select to_char(${PARIS_TODAY_SQL_TEXT}, 'YYYY-MM-DD') as day`);
    expect(live?.day).toBe(parisDay());
  });
});
