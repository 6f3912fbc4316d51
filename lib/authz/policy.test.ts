// The policy as a table: every role × permission × scope (in / out of scope).
import { describe, expect, it } from 'vitest';
import type { Role } from '@/lib/generated/prisma/enums';
import {
  actingRoleOn,
  assertNotOwnSubmission,
  authorize,
  can,
  localDecisionRole,
  regionalDecisionSide,
  territoryScope,
  tierOf,
  type Actor,
  type Permission,
  type ResourceFor,
} from './policy';

const T = { territoryId: 't-tarn-nord', regionCodes: ['76'] };
const OTHER_T = { territoryId: 't-ardennes', regionCodes: ['44'] };

function actorWith(role: Role): Actor {
  const scope =
    role === 'PROJECT_LEAD' || role === 'ELECTED_OFFICIAL' || role === 'INDUSTRIALIST'
      ? { territoryId: T.territoryId, regionCode: null, operatorId: null }
      : role === 'REGIONAL_STATE' || role === 'REGIONAL_COUNCIL'
        ? { territoryId: null, regionCode: '76', operatorId: null }
        : role === 'OPERATOR_STAFF'
          ? { territoryId: null, regionCode: null, operatorId: 'op-ademe' }
          : { territoryId: null, regionCode: null, operatorId: null };
  return { id: role, email: `${role}@test`, name: role, memberships: [{ role, ...scope }] };
}

type Case = { [P in Permission]: [P, ResourceFor[P], ResourceFor[P]] }[Permission];
// [permission, in-scope resource, out-of-scope resource]
const cases: Case[] = [
  ['territory:read', T, OTHER_T],
  ['plan:edit', T, OTHER_T],
  ['plan:submit', T, OTHER_T],
  ['plan:validate-local', T, OTHER_T],
  ['plan:comment', T, OTHER_T],
  ['plan:review-regional', T, OTHER_T],
  ['region:read', { regionCode: '76' }, { regionCode: '44' }],
  ['programme:read', null, null],
  ['commitment:manage', null, null],
  ['commitment:update-delivery', { operatorId: 'op-ademe' }, { operatorId: 'op-bpifrance' }],
  ['committee:record', { regionCode: '76' }, { regionCode: '44' }],
  ['import:territories', null, null],
  ['admin:manage', null, null],
  ['commitment:cancel', null, null],
];

const Y = true;
const N = false;
// Expected [in scope, out of scope] per role, in the order of `cases`.
const expected: Record<Role, [boolean, boolean][]> = {
  PROJECT_LEAD: [[Y, N], [Y, N], [Y, N], [N, N], [Y, N], [N, N], [N, N], [N, N], [N, N], [N, N], [N, N], [N, N], [N, N], [N, N]],
  ELECTED_OFFICIAL: [[Y, N], [N, N], [N, N], [Y, N], [Y, N], [N, N], [N, N], [N, N], [N, N], [N, N], [N, N], [N, N], [N, N], [N, N]],
  INDUSTRIALIST: [[Y, N], [N, N], [N, N], [Y, N], [Y, N], [N, N], [N, N], [N, N], [N, N], [N, N], [N, N], [N, N], [N, N], [N, N]],
  REGIONAL_STATE: [[Y, N], [N, N], [N, N], [N, N], [Y, N], [Y, N], [Y, N], [N, N], [N, N], [N, N], [Y, N], [N, N], [N, N], [N, N]],
  REGIONAL_COUNCIL: [[Y, N], [N, N], [N, N], [N, N], [Y, N], [Y, N], [Y, N], [N, N], [N, N], [N, N], [Y, N], [N, N], [N, N], [N, N]],
  NATIONAL_STAFF: [[Y, Y], [N, N], [N, N], [N, N], [Y, Y], [N, N], [Y, Y], [Y, Y], [Y, Y], [Y, Y], [Y, Y], [Y, Y], [N, N], [Y, Y]],
  NATIONAL_ADMIN: [[Y, Y], [N, N], [N, N], [N, N], [Y, Y], [N, N], [Y, Y], [Y, Y], [Y, Y], [Y, Y], [Y, Y], [Y, Y], [Y, Y], [Y, Y]],
  OPERATOR_STAFF: [[Y, Y], [N, N], [N, N], [N, N], [N, N], [N, N], [Y, Y], [Y, Y], [N, N], [Y, N], [N, N], [N, N], [N, N], [N, N]],
};

describe('policy table', () => {
  for (const [role, rows] of Object.entries(expected) as [Role, [boolean, boolean][]][]) {
    describe(role, () => {
      cases.forEach(([permission, inScope, outOfScope], i) => {
        const [expectIn, expectOut] = rows[i] as [boolean, boolean];
        it(`${permission}: in scope ${expectIn ? 'allowed' : 'refused'}, out of scope ${expectOut ? 'allowed' : 'refused'}`, () => {
          const actor = actorWith(role);
          expect(can(actor, permission, inScope as never)).toBe(expectIn);
          expect(can(actor, permission, outOfScope as never)).toBe(expectOut);
        });
      });
    });
  }

  it('a user without membership may do nothing', () => {
    const nobody: Actor = { id: 'x', email: 'x@test', name: 'x', memberships: [] };
    for (const [permission, inScope] of cases) expect(can(nobody, permission, inScope as never)).toBe(false);
    expect(tierOf(nobody)).toBe('none');
    expect(territoryScope(nobody)).toEqual({ all: false, territoryIds: [], regionCodes: [] });
  });

  it('derives each role tier', () => {
    expect(tierOf(actorWith('PROJECT_LEAD'))).toBe('local');
    expect(tierOf(actorWith('REGIONAL_COUNCIL'))).toBe('regional');
    expect(tierOf(actorWith('NATIONAL_STAFF'))).toBe('national');
    expect(tierOf(actorWith('OPERATOR_STAFF'))).toBe('operator');
  });
});

// Separation of duties and read-only territories (ADR 0012).
const WRITES = ['plan:edit', 'plan:submit', 'plan:validate-local', 'plan:comment', 'plan:review-regional'] as const;
const ROLES: Role[] = ['PROJECT_LEAD', 'ELECTED_OFFICIAL', 'INDUSTRIALIST', 'REGIONAL_STATE', 'REGIONAL_COUNCIL', 'NATIONAL_STAFF', 'NATIONAL_ADMIN', 'OPERATOR_STAFF'];

function withMemberships(...memberships: Actor['memberships']): Actor {
  return { id: 'multi', email: 'multi@test', name: 'multi', memberships };
}
const on = (role: Role, territoryId: string | null, regionCode: string | null = null) => ({ role, territoryId, regionCode, operatorId: null });

describe('read-only territories', () => {
  for (const status of ['SUSPENDED', 'ARCHIVED'] as const) {
    it(`${status}: every write on the plan is refused for every role, reading is not`, () => {
      for (const role of ROLES) {
        const actor = actorWith(role);
        for (const permission of WRITES) expect(can(actor, permission, { ...T, status })).toBe(false);
        expect(can(actor, 'territory:read', { ...T, status })).toBe(can(actor, 'territory:read', T));
      }
    });
  }

  it('an ACTIVE territory keeps the table above', () => {
    for (const role of ROLES) {
      for (const permission of WRITES) expect(can(actorWith(role), permission, { ...T, status: 'ACTIVE' })).toBe(can(actorWith(role), permission, T));
    }
  });

  it('authorize names the territory’s state to those who could otherwise write, and nothing more to others', () => {
    expect(() => authorize(actorWith('PROJECT_LEAD'), 'plan:edit', { ...T, status: 'SUSPENDED' })).toThrow(/Ce territoire est suspendu/);
    expect(() => authorize(actorWith('PROJECT_LEAD'), 'plan:edit', { ...T, status: 'ARCHIVED' })).toThrow(/Ce territoire est archivé/);
    expect(() => authorize(actorWith('ELECTED_OFFICIAL'), 'plan:edit', { ...T, status: 'SUSPENDED' })).toThrow("Vous n'avez pas les droits pour cette opération.");
  });
});

describe('separation of duties', () => {
  it('whoever submitted a version may not validate it', () => {
    const lead = withMemberships(on('PROJECT_LEAD', T.territoryId), on('ELECTED_OFFICIAL', T.territoryId));
    expect(() => assertNotOwnSubmission(lead, 'multi')).toThrow(/Vous avez soumis cette version/);
    expect(() => assertNotOwnSubmission(lead, 'someone-else')).not.toThrow();
    expect(() => assertNotOwnSubmission(lead, null)).not.toThrow();
  });

  it('a local decision is taken under the binôme role, never the lead’s', () => {
    const lead = withMemberships(on('PROJECT_LEAD', T.territoryId), on('INDUSTRIALIST', T.territoryId));
    expect(localDecisionRole(lead, T.territoryId)).toBe('INDUSTRIALIST');
    expect(() => localDecisionRole(actorWith('PROJECT_LEAD'), T.territoryId)).toThrow();
    expect(() => localDecisionRole(lead, OTHER_T.territoryId)).toThrow();
  });

  it('a regional decision counts for one side, named when the user holds both', () => {
    const both = withMemberships(on('REGIONAL_STATE', null, '76'), on('REGIONAL_COUNCIL', null, '76'));
    expect(() => regionalDecisionSide(both, ['76'])).toThrow(/précisez le côté/i);
    expect(regionalDecisionSide(both, ['76'], 'REGION')).toEqual({ side: 'REGION', role: 'REGIONAL_COUNCIL' });
    expect(regionalDecisionSide(actorWith('REGIONAL_STATE'), ['76'])).toEqual({ side: 'STATE', role: 'REGIONAL_STATE' });
    expect(() => regionalDecisionSide(actorWith('REGIONAL_STATE'), ['76'], 'REGION')).toThrow(/pas copilote pour la Région/);
    expect(() => regionalDecisionSide(actorWith('REGIONAL_STATE'), ['44'])).toThrow();
    // Holding both, but only the State in this territory's region: no choice to make.
    const split = withMemberships(on('REGIONAL_STATE', null, '76'), on('REGIONAL_COUNCIL', null, '44'));
    expect(regionalDecisionSide(split, ['76'])).toEqual({ side: 'STATE', role: 'REGIONAL_STATE' });
  });

  it('the acting role does not depend on the order memberships were loaded in', () => {
    const list = [on('OPERATOR_STAFF', null), on('REGIONAL_COUNCIL', null, '76'), on('ELECTED_OFFICIAL', T.territoryId), on('PROJECT_LEAD', T.territoryId)];
    const reversed = [...list].reverse();
    expect(actingRoleOn(withMemberships(...list), T.territoryId)).toBe('PROJECT_LEAD');
    expect(actingRoleOn(withMemberships(...reversed), T.territoryId)).toBe('PROJECT_LEAD');
    expect(actingRoleOn(withMemberships(...list), OTHER_T.territoryId, ['76'])).toBe('REGIONAL_COUNCIL');
    expect(actingRoleOn(withMemberships(...reversed), null)).toBe('PROJECT_LEAD');
    expect(actingRoleOn(withMemberships(), null)).toBeNull();
  });

  it('only national staff may cancel a commitment', () => {
    for (const role of ROLES) expect(can(actorWith(role), 'commitment:cancel', null)).toBe(role === 'NATIONAL_STAFF' || role === 'NATIONAL_ADMIN');
  });
});
