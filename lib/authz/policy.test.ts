// The policy as a table: every role × permission × scope (in / out of scope).
import { describe, expect, it } from 'vitest';
import type { Role } from '@/lib/generated/prisma/enums';
import { can, territoryScope, tierOf, type Actor, type Permission, type ResourceFor } from './policy';

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
];

const Y = true;
const N = false;
// Expected [in scope, out of scope] per role, in the order of `cases`.
const expected: Record<Role, [boolean, boolean][]> = {
  PROJECT_LEAD: [[Y, N], [Y, N], [Y, N], [N, N], [Y, N], [N, N], [N, N], [N, N], [N, N], [N, N], [N, N], [N, N], [N, N]],
  ELECTED_OFFICIAL: [[Y, N], [N, N], [N, N], [Y, N], [Y, N], [N, N], [N, N], [N, N], [N, N], [N, N], [N, N], [N, N], [N, N]],
  INDUSTRIALIST: [[Y, N], [N, N], [N, N], [Y, N], [Y, N], [N, N], [N, N], [N, N], [N, N], [N, N], [N, N], [N, N], [N, N]],
  REGIONAL_STATE: [[Y, N], [N, N], [N, N], [N, N], [Y, N], [Y, N], [Y, N], [N, N], [N, N], [N, N], [Y, N], [N, N], [N, N]],
  REGIONAL_COUNCIL: [[Y, N], [N, N], [N, N], [N, N], [Y, N], [Y, N], [Y, N], [N, N], [N, N], [N, N], [Y, N], [N, N], [N, N]],
  NATIONAL_STAFF: [[Y, Y], [N, N], [N, N], [N, N], [Y, Y], [N, N], [Y, Y], [Y, Y], [Y, Y], [Y, Y], [Y, Y], [Y, Y], [N, N]],
  NATIONAL_ADMIN: [[Y, Y], [N, N], [N, N], [N, N], [Y, Y], [N, N], [Y, Y], [Y, Y], [Y, Y], [Y, Y], [Y, Y], [Y, Y], [Y, Y]],
  OPERATOR_STAFF: [[Y, Y], [N, N], [N, N], [N, N], [N, N], [N, N], [Y, Y], [Y, Y], [N, N], [Y, N], [N, N], [N, N], [N, N]],
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
