// What the API answers about commitments (ADR 0022): zod output schemas, checked against the
// DTO types at compile time (`satisfies`) and against real responses in tests. Data only:
// what the caller may do with a commitment is `commitmentPermissions` (lib/authz/policy.ts).
import { z } from 'zod';
import '@/lib/validation';
import { component } from '@/lib/openapi/registry';
import {
  actionLinkSchema,
  axisSchema,
  commitmentScopeSchema,
  commitmentStatusSchema,
  isoDateTime,
  isoDay,
  operatorRefSchema,
  placeRefSchema,
  territoryRefSchema,
} from '@/lib/openapi/common';
import type { AlertCounts, CommitmentDto, CommitmentOverview, CommitmentSummary } from './queries';

export const commitmentSummarySchema = component(
  'CommitmentSummary',
  z
    .object({
      id: z.string(),
      title: z.string(),
      operator: operatorRefSchema,
      axis: axisSchema.nullable(),
      scope: commitmentScopeSchema,
      region: placeRefSchema.nullable().meta({ description: 'La région d’un engagement `REGION`, sinon null.' }),
      territory: territoryRefSchema.nullable().meta({ description: 'Le territoire d’un engagement `TERRITORY`, sinon null.' }),
      regions: z.array(placeRefSchema).meta({ description: 'Les régions où l’engagement compte ; [] s’il est national.' }),
      unit: z.string().meta({ description: '`EUR` pour des euros, sinon l’unité comptée.' }),
      promised: z.number(),
      delivered: z.number(),
      dueDate: isoDay.nullable(),
      status: commitmentStatusSchema,
      version: z.int(),
      createdAt: isoDateTime,
      updatedAt: isoDateTime,
      deliveredShare: z.number().meta({ description: 'Réalisé / promis (peut dépasser 1).' }),
      expectedShare: z.number().nullable().meta({ description: 'Part du temps écoulé (0 à 1), null sans échéance.' }),
      late: z.boolean(),
      underDelivered: z.boolean(),
      actionCount: z.int().meta({ description: 'Actions liées que l’appelant peut lire.' }),
    })
    .meta({ description: 'Un engagement d’opérateur, tel que les listes le montrent.' }),
) satisfies z.ZodType<CommitmentSummary>;

export const commitmentSchema = component(
  'Commitment',
  commitmentSummarySchema
    .extend({
      description: z.string(),
      actions: z.array(actionLinkSchema).meta({ description: 'Actions liées que l’appelant peut lire, par territoire puis référence.' }),
    })
    .meta({ description: 'Un engagement d’opérateur, avec sa description et ses actions liées.' }),
) satisfies z.ZodType<CommitmentDto>;

const alertCounts = { total: z.int(), late: z.int(), underDelivered: z.int() };

export const commitmentOverviewSchema = component(
  'CommitmentOverview',
  z
    .object({
      totals: z.object(alertCounts) satisfies z.ZodType<AlertCounts>,
      byOperator: z.array(z.object({ operator: operatorRefSchema, ...alertCounts })),
      byRegion: z.array(z.object({ region: placeRefSchema.nullable(), ...alertCounts })),
    })
    .meta({ description: 'Engagements en retard et sous-réalisés, par opérateur et par région.' }),
) satisfies z.ZodType<CommitmentOverview>;

export const commitmentListSchema = z.object({ items: z.array(commitmentSummarySchema) });
