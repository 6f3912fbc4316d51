// Reference-data administration against a real PostgreSQL: admin-only access,
// invitation → activation → sign-in, deactivation, role scopes, operators, territories.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/authz/policy';
import { checkCredentials, findActiveActor } from '@/lib/users/queries';
import {
  deactivateUser,
  getUser,
  getUserHistory,
  inviteUser,
  listUsers,
  membershipOptions,
  reactivateUser,
  reinviteUser,
  updateMemberships,
  updateUser,
} from '@/lib/admin/users';
import { activateAccount, findInvitation, hashActivationToken } from '@/lib/admin/activation';
import { createOperator, listOperators, updateOperator } from '@/lib/admin/operators';
import { getAdminTerritory, listAdminTerritories, searchEpcis, updateTerritory } from '@/lib/admin/territories';
import { getTerritory } from '@/lib/territories/queries';
import { actor, DEMO } from '../fixtures';

let admin: Actor;
let national: Actor;
let sgar: Actor;
let cdp: Actor;
let operator: Actor;

beforeAll(async () => {
  [admin, national, sgar, cdp, operator] = await Promise.all([
    actor(DEMO.admin),
    actor(DEMO.national),
    actor(DEMO.sgarOccitanie),
    actor(DEMO.cdpTarnNord),
    actor(DEMO.operatorAdeme),
  ]);
});

type Failure = { code: string; message: string; details?: { fieldErrors?: Record<string, string[]> } };

const errorOf = async (p: Promise<unknown>): Promise<Failure> => {
  try {
    await p;
  } catch (e) {
    return e as Failure;
  }
  throw new Error('expected a failure');
};

const tokenOf = (path: string) => path.replace(/^\/activation\//, '');
const PASSWORD = 'Un-mot-de-passe-solide-2026';
let seq = 0;
const email = () => `invite.${Date.now()}.${++seq}@exemple.test`;

describe('admin only', () => {
  it('refuses every function to anyone but a national administrator', async () => {
    const user = await db.user.findUniqueOrThrow({ where: { email: DEMO.cdpTarnNord }, select: { id: true } });
    const operatorRow = await db.operator.findUniqueOrThrow({ where: { slug: 'ademe' }, select: { id: true } });
    const invite = { email: email(), name: 'Personne', memberships: [{ role: 'NATIONAL_STAFF' }] };
    for (const who of [national, sgar, cdp, operator]) {
      const calls: Promise<unknown>[] = [
        listUsers(who),
        getUser(who, user.id),
        getUserHistory(who, user.id),
        membershipOptions(who),
        inviteUser(who, invite),
        reinviteUser(who, user.id),
        updateUser(who, user.id, { active: false }),
        updateMemberships(who, user.id, { memberships: [] }),
        deactivateUser(who, user.id),
        reactivateUser(who, user.id),
        listOperators(who),
        createOperator(who, { name: 'Opérateur pirate' }),
        updateOperator(who, operatorRow.id, { name: 'ADEME renommée' }),
        listAdminTerritories(who),
        getAdminTerritory(who, 'tarn-nord'),
        searchEpcis(who, 'albi'),
        updateTerritory(who, 'tarn-nord', { name: 'Renommé' }),
      ];
      for (const call of calls) expect((await errorOf(call)).code).toBe('FORBIDDEN');
    }
    expect(await db.user.count({ where: { email: invite.email } })).toBe(0);
    expect(await db.operator.count({ where: { name: 'Opérateur pirate' } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { active: true } })).active).toBe(true);
    expect((await db.territory.findUniqueOrThrow({ where: { slug: 'tarn-nord' }, select: { name: true } })).name).toBe('Tarn Nord');
  });
});

describe('invitation and activation', () => {
  it('invites, activates, then signs in; the token is single-use and only its hash is stored', async () => {
    const address = email();
    const { user, activationPath } = await inviteUser(admin, {
      email: `  ${address.toUpperCase()} `,
      name: 'Inès Garnier',
      memberships: [{ role: 'PROJECT_LEAD', territory: 'ariege', title: 'Cheffe de projet' }],
    });
    expect(user).toMatchObject({ email: address, name: 'Inès Garnier', status: 'pending', active: true });
    expect(user.memberships).toEqual([
      {
        role: 'PROJECT_LEAD',
        roleLabel: expect.any(String),
        territory: { slug: 'ariege', name: 'Ariège' },
        region: null,
        operator: null,
        title: 'Cheffe de projet',
      },
    ]);
    expect(user).not.toHaveProperty('passwordHash');
    expect(user).not.toHaveProperty('invitationTokenHash');
    expect(activationPath).toMatch(/^\/activation\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(activationPath);

    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toBeNull();
    expect(row.invitationTokenHash).toBe(hashActivationToken(token));
    expect(row.invitationTokenHash).not.toContain(token);
    const days = (row.invitationExpiresAt!.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    expect(await db.auditLog.count({ where: { entityType: 'User', entityId: user.id, operation: 'invite', actorId: admin.id } })).toBe(1);

    // Not yet activated: no sign-in.
    expect((await checkCredentials(address, PASSWORD)).ok).toBe(false);
    expect(await findInvitation(token)).toMatchObject({ status: 'valid', name: 'Inès Garnier', email: address });

    // Password policy, in French, before anything changes.
    const weak = await errorOf(activateAccount(token, 'court'));
    expect(weak.code).toBe('INVALID');
    expect(weak.details?.fieldErrors?.password?.[0]).toMatch(/au moins 12 caractères/);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).invitationTokenHash).not.toBeNull();

    await expect(activateAccount(token, PASSWORD)).resolves.toEqual({ email: address });
    const signedIn = await checkCredentials(address, PASSWORD);
    expect(signedIn).toEqual({ ok: true, user: { id: user.id, email: address, name: 'Inès Garnier' } });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.invitationTokenHash).toBeNull();
    expect(after.invitationExpiresAt).toBeNull();
    expect(after.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await db.auditLog.count({ where: { entityType: 'User', entityId: user.id, operation: 'activate', actorId: user.id } })).toBe(1);
    expect((await getUser(admin, user.id)).status).toBe('active');
    expect((await getUserHistory(admin, user.id)).map((h) => h.operation)).toEqual(['activate', 'invite']);

    // Used: refused, and the password is unchanged.
    const reused = await errorOf(activateAccount(token, 'Un-autre-mot-de-passe-2026'));
    expect(reused.code).toBe('INVALID');
    expect(reused.message).toMatch(/n’est pas valable ou a déjà été utilisé/);
    expect(await findInvitation(token)).toEqual({ status: 'invalid' });
    expect((await checkCredentials(address, PASSWORD)).ok).toBe(true);

    // An activated account cannot be re-invited (no password reset by link).
    expect((await errorOf(reinviteUser(admin, user.id))).code).toBe('CONFLICT');
  });

  it('refuses an expired link and a malformed or unknown one', async () => {
    const { user, activationPath } = await inviteUser(admin, { email: email(), name: 'Expirée', memberships: [{ role: 'NATIONAL_STAFF' }] });
    const token = tokenOf(activationPath);
    await db.user.update({ where: { id: user.id }, data: { invitationExpiresAt: new Date(Date.now() - 1000) } });
    expect(await findInvitation(token)).toEqual({ status: 'expired' });
    const expired = await errorOf(activateAccount(token, PASSWORD));
    expect(expired.code).toBe('INVALID');
    expect(expired.message).toMatch(/expiré/);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBeNull();
    expect((await getUser(admin, user.id)).invitationExpired).toBe(true);

    for (const bad of ['', 'abc', 'x'.repeat(43), `${token.slice(0, 42)}!`]) {
      expect(await findInvitation(bad)).toEqual({ status: 'invalid' });
      expect((await errorOf(activateAccount(bad, PASSWORD))).code).toBe('INVALID');
    }
  });

  it('re-invitation replaces the link: the old one stops working, the new one activates', async () => {
    const address = email();
    const first = await inviteUser(admin, { email: address, name: 'Relancée', memberships: [{ role: 'REGIONAL_COUNCIL', region: '76' }] });
    const again = await errorOf(inviteUser(admin, { email: address, name: 'Relancée', memberships: [{ role: 'NATIONAL_STAFF' }] }));
    expect(again.code).toBe('CONFLICT');
    const second = await reinviteUser(admin, first.user.id);
    expect(second.activationPath).not.toBe(first.activationPath);
    expect((await errorOf(activateAccount(tokenOf(first.activationPath), PASSWORD))).code).toBe('INVALID');
    await activateAccount(tokenOf(second.activationPath), PASSWORD);
    expect((await checkCredentials(address, PASSWORD)).ok).toBe(true);
    expect(await db.auditLog.count({ where: { entityType: 'User', entityId: first.user.id, operation: 'reinvite' } })).toBe(1);
  });

  it('refuses an e-mail that already has an account, and invalid invitations', async () => {
    const taken = await errorOf(inviteUser(admin, { email: DEMO.cdpTarnNord, name: 'Doublon', memberships: [{ role: 'NATIONAL_STAFF' }] }));
    expect(taken.code).toBe('CONFLICT');
    const bad = await errorOf(inviteUser(admin, { email: 'pas-un-email', name: '', memberships: [], passwordHash: 'x' }));
    expect(bad.code).toBe('INVALID');
    expect(Object.keys(bad.details?.fieldErrors ?? {}).sort()).toEqual(['email', 'memberships', 'name', 'passwordHash']);
    expect(bad.details?.fieldErrors?.memberships).toEqual(['Attribuez au moins un rôle.']);
  });

  it('refuses activation of a deactivated invitation', async () => {
    const { user, activationPath } = await inviteUser(admin, { email: email(), name: 'Désactivée', memberships: [{ role: 'NATIONAL_STAFF' }] });
    await deactivateUser(admin, user.id);
    expect(await findInvitation(tokenOf(activationPath))).toEqual({ status: 'invalid' });
    expect((await errorOf(activateAccount(tokenOf(activationPath), PASSWORD))).code).toBe('INVALID');
    expect((await errorOf(reinviteUser(admin, user.id))).code).toBe('CONFLICT');
  });
});

describe('roles and scopes', () => {
  it('validates scope coherence, per line and in French', async () => {
    const { user } = await inviteUser(admin, { email: email(), name: 'Périmètres', memberships: [{ role: 'NATIONAL_STAFF' }] });
    const cases: [unknown, string, RegExp][] = [
      [{ role: 'PROJECT_LEAD' }, 'memberships.0.territory', /territoire/],
      [{ role: 'ELECTED_OFFICIAL', territory: 'tarn-nord', region: '76' }, 'memberships.0.region', /ne porte qu’un territoire/],
      [{ role: 'REGIONAL_STATE' }, 'memberships.0.region', /région/],
      [{ role: 'REGIONAL_STATE', region: '99' }, 'memberships.0.region', /Région inconnue/],
      [{ role: 'OPERATOR_STAFF' }, 'memberships.0.operator', /opérateur/],
      [{ role: 'OPERATOR_STAFF', operator: 'inconnu' }, 'memberships.0.operator', /Opérateur inconnu/],
      [{ role: 'NATIONAL_STAFF', territory: 'tarn-nord' }, 'memberships.0.territory', /rôle national/],
      [{ role: 'INDUSTRIALIST', territory: 'nulle-part' }, 'memberships.0.territory', /Territoire inconnu/],
      [{ role: 'SUPER_ADMIN' }, 'memberships.0.role', /Rôle inconnu/],
      [{ role: 'NATIONAL_STAFF', userId: 'x' }, 'memberships.0.userId', /Champ non autorisé/],
    ];
    for (const [membership, path, message] of cases) {
      const e = await errorOf(updateMemberships(admin, user.id, { memberships: [membership] }));
      expect(e.code, JSON.stringify(membership)).toBe('INVALID');
      expect(e.details?.fieldErrors?.[path]?.join(' '), JSON.stringify(membership)).toMatch(message);
    }
    const dup = await errorOf(
      updateMemberships(admin, user.id, {
        memberships: [
          { role: 'REGIONAL_STATE', region: '76' },
          { role: 'REGIONAL_STATE', region: '76' },
        ],
      }),
    );
    expect(dup.details?.fieldErrors?.['memberships.1.role']).toEqual(['Ce rôle figure deux fois sur le même périmètre.']);
    // Nothing changed.
    expect((await getUser(admin, user.id)).memberships.map((m) => m.role)).toEqual(['NATIONAL_STAFF']);
  });

  it('replaces the roles, audits the change, and the new scope applies at once', async () => {
    const target = await db.user.findUniqueOrThrow({ where: { email: 'sgar.nouvelle-aquitaine@demo.test' }, select: { id: true } });
    const before = await findActiveActor(target.id);
    expect(before?.memberships.map((m) => m.regionCode)).toEqual(['75']);
    const updated = await updateMemberships(admin, target.id, {
      memberships: [
        { role: 'REGIONAL_STATE', region: '76', title: 'SGAR Occitanie (intérim)' },
        { role: 'OPERATOR_STAFF', operator: 'bpifrance' },
      ],
    });
    expect(updated.memberships.map((m) => [m.role, m.region?.code ?? m.operator?.slug])).toEqual([
      ['REGIONAL_STATE', '76'],
      ['OPERATOR_STAFF', 'bpifrance'],
    ]);
    const reloaded = await findActiveActor(target.id);
    expect(reloaded?.memberships).toHaveLength(2);
    expect(reloaded?.memberships.find((m) => m.role === 'REGIONAL_STATE')?.regionCode).toBe('76');
    const audit = await db.auditLog.findFirstOrThrow({
      where: { entityType: 'User', entityId: target.id, operation: 'memberships' },
      orderBy: { id: 'desc' },
    });
    expect(audit.actorId).toBe(admin.id);
    expect(audit.before).toEqual({ memberships: [expect.objectContaining({ role: 'REGIONAL_STATE', region: '75' })] });
    expect((audit.after as { memberships: unknown[] }).memberships).toHaveLength(2);

    // The same list again changes nothing and writes no audit row.
    const count = await db.auditLog.count({ where: { entityType: 'User', entityId: target.id } });
    await updateMemberships(admin, target.id, {
      memberships: [
        { role: 'OPERATOR_STAFF', operator: 'bpifrance' },
        { role: 'REGIONAL_STATE', region: '76', title: 'SGAR Occitanie (intérim)' },
      ],
    });
    expect(await db.auditLog.count({ where: { entityType: 'User', entityId: target.id } })).toBe(count);
  });

  it('an administrator cannot drop their own administration role', async () => {
    const e = await errorOf(updateMemberships(admin, admin.id, { memberships: [{ role: 'NATIONAL_STAFF' }] }));
    expect(e.code).toBe('FORBIDDEN');
    expect((await findActiveActor(admin.id))?.memberships.map((m) => m.role)).toEqual(['NATIONAL_ADMIN']);
  });
});

describe('deactivation', () => {
  it('takes effect at once, is audited, and can be undone', async () => {
    const target = await db.user.findUniqueOrThrow({ where: { email: DEMO.industrielTarnNord }, select: { id: true } });
    expect(await findActiveActor(target.id)).not.toBeNull();
    const off = await deactivateUser(admin, target.id);
    expect(off).toMatchObject({ active: false, status: 'inactive' });
    expect(await findActiveActor(target.id)).toBeNull();
    expect((await checkCredentials(DEMO.industrielTarnNord, 'Demo-Territoires-2026')).ok).toBe(false);
    expect(await db.auditLog.count({ where: { entityType: 'User', entityId: target.id, operation: 'deactivate', actorId: admin.id } })).toBe(1);

    const on = await reactivateUser(admin, target.id);
    expect(on).toMatchObject({ active: true, status: 'active' });
    expect(await findActiveActor(target.id)).not.toBeNull();
    expect((await checkCredentials(DEMO.industrielTarnNord, 'Demo-Territoires-2026')).ok).toBe(true);
    expect(await db.auditLog.count({ where: { entityType: 'User', entityId: target.id, operation: 'reactivate' } })).toBe(1);
  });

  it('an administrator cannot deactivate themself', async () => {
    const e = await errorOf(deactivateUser(admin, admin.id));
    expect(e.code).toBe('FORBIDDEN');
    expect(e.message).toMatch(/propre compte/);
    expect(await findActiveActor(admin.id)).not.toBeNull();
  });

  it('refuses unknown users and unknown fields', async () => {
    expect((await errorOf(deactivateUser(admin, 'inconnu'))).code).toBe('NOT_FOUND');
    expect((await errorOf(getUser(admin, 'inconnu'))).code).toBe('NOT_FOUND');
    const target = await db.user.findUniqueOrThrow({ where: { email: DEMO.eluTarnNord }, select: { id: true } });
    const e = await errorOf(updateUser(admin, target.id, { active: false, email: 'autre@exemple.test' }));
    expect(e.details?.fieldErrors?.email).toEqual(['Champ non autorisé : « email ».']);
    expect(await findActiveActor(target.id)).not.toBeNull();
    expect((await errorOf(updateUser(admin, target.id, {}))).code).toBe('INVALID');
  });
});

describe('user list', () => {
  it('searches by name or e-mail, filters by status and role, never exposes secrets', async () => {
    const page = await listUsers(admin, { q: 'tarn-nord' });
    expect(page.items.map((u) => u.email).sort()).toEqual([DEMO.cdpTarnNord, DEMO.eluTarnNord, DEMO.industrielTarnNord].sort());
    expect(JSON.stringify(page)).not.toMatch(/argon2|passwordHash|invitationTokenHash/);
    const byName = await listUsers(admin, { q: 'claire fab' });
    expect(byName.items.map((u) => u.email)).toEqual([DEMO.cdpTarnNord]);
    expect((await listUsers(admin, { q: '%' })).total).toBe(0);
    const admins = await listUsers(admin, { role: 'NATIONAL_ADMIN' });
    expect(admins.items.map((u) => u.email)).toContain(DEMO.admin);
    const pending = await listUsers(admin, { status: 'pending' });
    expect(pending.items.every((u) => u.status === 'pending')).toBe(true);
    expect((await errorOf(listUsers(admin, { status: 'zombie' }))).code).toBe('INVALID');
  });
});

describe('operators', () => {
  it('creates with a unique slug derived from the name, renames without changing the slug', async () => {
    const created = await createOperator(admin, { name: 'Agence régionale de l’innovation', kind: 'OPERATOR' });
    expect(created).toMatchObject({ slug: 'agence-regionale-de-linnovation', name: 'Agence régionale de l’innovation', memberCount: 0 });
    const dup = await errorOf(createOperator(admin, { name: 'Autre', slug: 'agence-regionale-de-linnovation' }));
    expect(dup.code).toBe('CONFLICT');
    expect((await errorOf(createOperator(admin, { name: 'Autre', slug: 'Pas Un Slug' }))).details?.fieldErrors?.slug).toBeDefined();
    const renamed = await updateOperator(admin, created.id, { name: 'AD’OCC', kind: 'STATE_SERVICE' });
    expect(renamed).toMatchObject({ slug: 'agence-regionale-de-linnovation', name: 'AD’OCC', kind: 'STATE_SERVICE' });
    expect((await errorOf(updateOperator(admin, created.id, { slug: 'autre' }))).details?.fieldErrors?.slug).toEqual([
      'Champ non autorisé : « slug ».',
    ]);
    const audit = await db.auditLog.findMany({ where: { entityType: 'Operator', entityId: created.id }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.operation)).toEqual(['create', 'update']);
    expect(audit[1]?.after).toEqual({ name: 'AD’OCC', kind: 'STATE_SERVICE' });
    expect((await listOperators(admin)).find((o) => o.slug === 'ademe')?.memberCount).toBeGreaterThanOrEqual(1);
    expect((await errorOf(updateOperator(admin, 'inconnu', { name: 'X' }))).code).toBe('NOT_FOUND');
  });
});

describe('territories', () => {
  it('edits name, phase, status and official id; the slug stays', async () => {
    // ti-7699 is no official id: the demo territories hold their real ones (Alès is ti-7601).
    const t = await updateTerritory(admin, 'grand-narbonne', {
      name: 'Grand Narbonne Méditerranée',
      phase: 'NEW',
      status: 'SUSPENDED',
      officialId: 'TI-7699',
    });
    expect(t).toMatchObject({ slug: 'grand-narbonne', name: 'Grand Narbonne Méditerranée', phase: 'NEW', status: 'SUSPENDED', officialId: 'ti-7699' });
    const other = await errorOf(updateTerritory(admin, 'ales', { officialId: 'ti-7699' }));
    expect(other.code).toBe('CONFLICT');
    expect((await errorOf(updateTerritory(admin, 'ales', { officialId: '7601' }))).details?.fieldErrors?.officialId).toBeDefined();
    expect((await errorOf(updateTerritory(admin, 'ales', { slug: 'nouveau' }))).details?.fieldErrors?.slug).toBeDefined();
    expect((await errorOf(updateTerritory(admin, 'inconnu', { name: 'X' }))).code).toBe('NOT_FOUND');
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: 'Territory', entityId: t.id, operation: 'update' } });
    expect(audit.before).toMatchObject({ name: 'Grand Narbonne', status: 'ACTIVE' });
    expect(audit.after).toMatchObject({ name: 'Grand Narbonne Méditerranée', status: 'SUSPENDED', officialId: 'ti-7699' });
  });

  it('recomputes départements, regions and population from the EPCI, and regional scope follows', async () => {
    // Tarn Nord is in Occitanie only; add Grand Reims (Grand Est).
    const before = await getAdminTerritory(admin, 'tarn-nord');
    expect(before.regions.map((r) => r.code)).toEqual(['76']);
    const grandEstCopilot = await actor(DEMO.sgarGrandEst);
    expect((await errorOf(getTerritory(grandEstCopilot, 'tarn-nord'))).code).toBe('NOT_FOUND');
    const [reims] = await searchEpcis(admin, 'Grand Reims');
    expect(reims?.regionCodes).toEqual(['44']);
    const sirens = [...before.epcis.map((e) => e.siren), reims!.siren];
    const after = await updateTerritory(admin, 'tarn-nord', { epcis: sirens });
    expect(after.regions.map((r) => r.code)).toEqual(['44', '76']);
    expect(after.departements.map((d) => d.code)).toContain('51');
    expect(after.population).toBe(before.population + reims!.population);
    expect(after.epcis).toHaveLength(before.epcis.length + 1);
    const row = await db.territory.findUniqueOrThrow({ where: { slug: 'tarn-nord' }, select: { regionCodes: true } });
    expect(row.regionCodes).toEqual(['44', '76']);
    await expect(getTerritory(grandEstCopilot, 'tarn-nord')).resolves.toMatchObject({ slug: 'tarn-nord' });

    const audit = await db.auditLog.findFirstOrThrow({
      where: { entityType: 'Territory', entityId: after.id, operation: 'update' },
      orderBy: { id: 'desc' },
    });
    expect(audit.before).toMatchObject({ regionCodes: ['76'] });
    expect(audit.after).toMatchObject({ regionCodes: ['44', '76'] });

    // Back to the original composition.
    const restored = await updateTerritory(admin, 'tarn-nord', { epcis: before.epcis.map((e) => e.siren) });
    expect(restored.regions.map((r) => r.code)).toEqual(['76']);
    expect(restored.population).toBe(before.population);
    expect((await errorOf(getTerritory(grandEstCopilot, 'tarn-nord'))).code).toBe('NOT_FOUND');
  });

  it('refuses unknown, malformed, duplicate or empty EPCI lists and changes nothing', async () => {
    const before = await getAdminTerritory(admin, 'ariege');
    const unknown = await errorOf(updateTerritory(admin, 'ariege', { epcis: ['123456789'] }));
    expect(unknown.details?.fieldErrors?.epcis?.[0]).toMatch(/EPCI inconnu.*123456789/);
    expect((await errorOf(updateTerritory(admin, 'ariege', { epcis: ['12'] }))).details?.fieldErrors?.['epcis.0']).toBeDefined();
    expect((await errorOf(updateTerritory(admin, 'ariege', { epcis: [] }))).details?.fieldErrors?.epcis).toEqual([
      'Un territoire compte au moins un EPCI.',
    ]);
    const s = before.epcis[0]!.siren;
    expect((await errorOf(updateTerritory(admin, 'ariege', { epcis: [s, s] }))).details?.fieldErrors?.epcis).toEqual(['Un EPCI figure deux fois.']);
    expect((await getAdminTerritory(admin, 'ariege')).epcis).toEqual(before.epcis);
  });
});
