// mail:monitor (the outbox page names recipients): national administrators only.
import { describe, expect, it } from 'vitest';
import type { Role } from '@/lib/generated/prisma/enums';
import { can } from './policy';

const ROLES: Role[] = ['PROJECT_LEAD', 'ELECTED_OFFICIAL', 'INDUSTRIALIST', 'REGIONAL_STATE', 'REGIONAL_COUNCIL', 'NATIONAL_STAFF', 'NATIONAL_ADMIN', 'OPERATOR_STAFF'];

describe('mail:monitor', () => {
  for (const role of ROLES) {
    it(`${role} ${role === 'NATIONAL_ADMIN' ? 'may' : 'may not'} read the mail queue`, () => {
      const actor = { id: role, email: `${role}@test`, name: role, memberships: [{ role, territoryId: null, regionCode: null, operatorId: null }] };
      expect(can(actor, 'mail:monitor', null)).toBe(role === 'NATIONAL_ADMIN');
    });
  }
});
