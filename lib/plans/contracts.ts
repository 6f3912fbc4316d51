// What the API answers about a territory's plan, its versions and reviews (ADR 0022).
// The overview's `permissions` is a separate top-level field (what the caller may do on
// this plan), never mixed into the data.
import { z } from 'zod';
import '@/lib/validation';
import { component } from '@/lib/openapi/registry';
import {
  actionStatusSchema,
  axisSchema,
  isoDateTime,
  planStatusSchema,
  planVersionStatusSchema,
  reviewKindSchema,
  reviewTierSchema,
  roleSchema,
  territoryRefSchema,
} from '@/lib/openapi/common';
import { actionSchema } from '@/lib/openapi/action-schemas';
import type { PlanOverview, PlanPermissions, ReviewDto, VersionDetail, VersionSummary, compareVersions } from './queries';
import type { commentVersion, decideLocally, decideRegionally, submitPlan } from './mutations';
import type { PlanImportReport } from './workbook';

const byStatus = z.partialRecord(actionStatusSchema, z.int()).meta({ description: 'Nombre d’actions par statut.' });

export const versionSummarySchema = component(
  'PlanVersionSummary',
  z
    .object({
      number: z.int(),
      status: planVersionStatusSchema,
      submittedAt: isoDateTime,
      submittedBy: z.string().nullable(),
      decidedAt: isoDateTime.nullable(),
      note: z.string().nullable(),
      actionCount: z.int(),
    })
    .meta({ description: 'Une version numérotée (figée) du plan.' }),
) satisfies z.ZodType<VersionSummary>;

export const planPermissionsSchema = component(
  'PlanPermissions',
  z
    .object({
      canEdit: z.boolean(),
      canSubmit: z.boolean(),
      canValidateLocal: z.boolean(),
      canComment: z.boolean(),
      canReviewRegional: z.boolean(),
    })
    .meta({ description: 'Ce que l’appelant peut faire sur ce plan (calculé par la politique d’accès, à part des données).' }),
) satisfies z.ZodType<PlanPermissions>;

export const planOverviewSchema = z
  .object({
    status: planStatusSchema,
    version: z.int(),
    lastVersion: versionSummarySchema.nullable(),
    lastValidatedNumber: z.int().nullable(),
    unsubmittedChanges: z.boolean(),
    actionCount: z.int(),
    budgetCents: z.int(),
    byAxis: z.array(z.object({ axis: axisSchema, actions: z.int(), byStatus, budgetCents: z.int() })),
    byStatus,
    lateMilestones: z.int(),
    recentChanges: z.array(
      z.object({
        at: isoDateTime,
        actor: z.string().nullable(),
        operation: z.string(),
        entityType: z.string(),
        entityId: z.string(),
        title: z.string().nullable(),
        fields: z.array(z.string()),
      }),
    ),
    permissions: planPermissionsSchema,
  })
  .meta({ description: 'L’état du plan d’actions du territoire et ses chiffres clés.' }) satisfies z.ZodType<PlanOverview>;

const reviewSchema = z.object({
  id: z.string(),
  at: isoDateTime,
  author: z.string(),
  authorRole: roleSchema,
  tier: reviewTierSchema,
  kind: reviewKindSchema,
  body: z.string().nullable(),
  actionId: z.string().nullable(),
}) satisfies z.ZodType<ReviewDto>;

export const versionDetailSchema = versionSummarySchema
  .extend({
    snapshot: z.object({ territory: territoryRefSchema, actions: z.array(actionSchema).meta({ description: 'Les actions telles qu’elles étaient.' }) }),
    reviews: z.array(reviewSchema),
    stateValidatedAt: isoDateTime.nullable(),
    regionValidatedAt: isoDateTime.nullable(),
  })
  .meta({ description: 'Une version du plan, avec ses actions figées et ses avis.' }) satisfies z.ZodType<VersionDetail>;

export const versionListSchema = z.object({ items: z.array(versionSummarySchema) });

const actionRef = z.object({ id: z.string(), reference: z.string(), title: z.string() });

export const planDiffSchema = z
  .object({
    from: z.int(),
    to: z.int(),
    added: z.array(actionRef),
    removed: z.array(actionRef),
    changed: z.array(
      z.object({
        action: actionRef,
        changes: z.array(z.object({ field: z.string(), label: z.string(), before: z.unknown(), after: z.unknown() })),
      }),
    ),
    unchanged: z.int(),
  })
  .meta({ description: 'Ce qui a changé entre deux versions, champ par champ.' });
// `field` is one of the action's tracked fields: checked the other way round (every diff fits the schema).
const _planDiffFits = (d: Awaited<ReturnType<typeof compareVersions>>): z.output<typeof planDiffSchema> => d;

export const submittedSchema = z.object({
  number: z.int(),
  status: planVersionStatusSchema,
  submittedAt: isoDateTime,
  actionCount: z.int(),
}) satisfies z.ZodType<Awaited<ReturnType<typeof submitPlan>>>;

export const localDecisionResultSchema = z.object({ number: z.int(), status: planVersionStatusSchema }) satisfies z.ZodType<
  Awaited<ReturnType<typeof decideLocally>>
>;

export const regionalDecisionResultSchema = z.object({
  number: z.int(),
  status: z.enum(['LOCALLY_VALIDATED', 'CHANGES_REQUESTED', 'VALIDATED']),
  side: z.enum(['STATE', 'REGION']),
}) satisfies z.ZodType<Awaited<ReturnType<typeof decideRegionally>>>;

export const commentCreatedSchema = z.object({ id: z.string(), at: isoDateTime }) satisfies z.ZodType<Awaited<ReturnType<typeof commentVersion>>>;

export const planImportReportSchema = z
  .object({
    dryRun: z.boolean(),
    applied: z.boolean().meta({ description: 'Vrai quand les changements ont été écrits (jamais avec des erreurs ni en aperçu).' }),
    created: z.array(z.object({ row: z.int(), reference: z.string().nullable(), title: z.string() })),
    updated: z.array(
      z.object({ row: z.int(), reference: z.string(), title: z.string(), version: z.int(), fields: z.array(z.string()), fieldLabels: z.array(z.string()) }),
    ),
    unchanged: z.int(),
    errors: z
      .array(z.object({ row: z.int().meta({ description: 'Ligne du tableur (1 : l’en-tête).' }), column: z.string(), message: z.string() }))
      .meta({ description: 'Toutes les erreurs du fichier ; s’il y en a, rien n’est écrit.' }),
  })
  .meta({ description: 'Le rapport d’import du classeur du plan (ou d’aperçu avec `dryRun`).' });
// `fields` are tracked field keys: checked the other way round (every report fits the schema).
const _planImportFits = (r: PlanImportReport): z.output<typeof planImportReportSchema> => r;
