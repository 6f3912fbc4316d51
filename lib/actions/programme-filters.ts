// Filters across territories (national and regional lists, exports), always
// intersected with the actor's scope.
import { z } from 'zod';
import type { Prisma } from '@/lib/generated/prisma/client';
import { territoryWhere, type Actor } from '@/lib/authz/policy';
import { actionFiltersSchema } from './schemas';
import { actionFilterClauses } from './queries';

export const programmeFiltersSchema = actionFiltersSchema.extend({
  region: z.string().regex(/^[0-9]{2,3}$/).optional().catch(undefined),
  territory: z.string().regex(/^[a-z0-9-]{1,80}$/).optional().catch(undefined),
  // A département code (the map's drill-down): 01-95, 2A/2B, 971-976.
  departement: z.string().regex(/^(?:[0-9]{2}|2[AB]|97[1-6])$/).optional().catch(undefined),
});
export type ProgrammeFilters = z.infer<typeof programmeFiltersSchema>;

export function scopedActionWhere(actor: Actor, filters: ProgrammeFilters): Prisma.ActionWhereInput {
  const territory: Prisma.TerritoryWhereInput = {
    AND: [
      territoryWhere(actor),
      filters.region ? { regionCodes: { has: filters.region } } : {},
      filters.territory ? { slug: filters.territory } : {},
      filters.departement ? { departementCodes: { has: filters.departement } } : {},
    ],
  };
  return { AND: [{ territory }, ...actionFilterClauses(filters)] };
}
