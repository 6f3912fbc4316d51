// Building blocks of the API's output schemas (ADR 0022): references to places, operators
// and territories, ISO dates, the Prisma enums. Each domain's lib/<domain>/contracts.ts
// composes them; lib/openapi/document.ts turns them into the OpenAPI document.
import { z } from 'zod';
import '@/lib/validation';
import { component } from './registry';
import {
  ActionStatus,
  Axis,
  CommitmentScope,
  CommitmentStatus,
  PlanStatus,
  PlanVersionStatus,
  ReviewKind,
  ReviewTier,
  Role,
  TerritoryPhase,
  TerritoryStatus,
} from '@/lib/generated/prisma/enums';

/** An instant, as `Date.prototype.toISOString()` writes it. */
export const isoDateTime = z.iso.datetime().meta({ description: 'Date et heure ISO 8601 (UTC).' });
/** A calendar day `YYYY-MM-DD`. */
export const isoDay = z.iso.date().meta({ description: 'Jour `AAAA-MM-JJ`.' });

const ref = <T extends z.ZodType>(id: string, description: string, schema: T): T => component(id, schema.meta({ description }));

export const territoryRefSchema = ref(
  'TerritoryRef',
  'Un territoire d’industrie, par son identifiant d’URL (`slug`) et son nom.',
  z.object({ slug: z.string(), name: z.string() }),
);
export const placeRefSchema = ref('PlaceRef', 'Une région ou un département, par son code INSEE et son nom.', z.object({ code: z.string(), name: z.string() }));
export const operatorRefSchema = ref('OperatorRef', 'Un opérateur partenaire, par son identifiant et son nom.', z.object({ slug: z.string(), name: z.string() }));

export const axisSchema = ref('Axis', 'Axe du programme.', z.enum(Axis));
export const actionStatusSchema = ref('ActionStatus', 'Statut d’une fiche action.', z.enum(ActionStatus));
export const roleSchema = ref('Role', 'Rôle d’un utilisateur.', z.enum(Role));
export const territoryPhaseSchema = z.enum(TerritoryPhase).meta({ description: 'Phase du programme du territoire.' });
export const territoryStatusSchema = ref('TerritoryStatus', 'État d’un territoire.', z.enum(TerritoryStatus));
export const commitmentScopeSchema = ref('CommitmentScope', 'Portée d’un engagement.', z.enum(CommitmentScope));
export const commitmentStatusSchema = ref('CommitmentStatus', 'Statut d’un engagement.', z.enum(CommitmentStatus));
export const planStatusSchema = z.enum(PlanStatus).meta({ description: 'État du plan d’actions.' });
export const planVersionStatusSchema = ref('PlanVersionStatus', 'Statut d’une version du plan.', z.enum(PlanVersionStatus));
export const reviewKindSchema = z.enum(ReviewKind);
export const reviewTierSchema = z.enum(ReviewTier);

/** A linked action as lists show it (committees, commitments, search). */
export const actionLinkSchema = ref(
  'ActionLink',
  'Une fiche action liée, visible de l’appelant.',
  z.object({
    id: z.string(),
    reference: z.string().meta({ description: '« FA-12 » : unique dans son territoire.' }),
    title: z.string(),
    status: actionStatusSchema,
    archived: z.boolean(),
    territory: territoryRefSchema,
  }),
);

/** Who did something, in an audit-based history (null: a deleted user or the system). */
export const historyActorSchema = z.object({ name: z.string(), role: z.string().nullable() }).nullable();
