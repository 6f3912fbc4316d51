// The action DTOs' output schemas, as the document uses them. Interim definitions until
// lib/actions/contracts.ts (feat/registry) is merged; then this module re-exports those.
import { z } from 'zod';
import '@/lib/validation';
import { ActionPhase, FinancingStatus, IndicatorKind, Priority } from '@/lib/generated/prisma/enums';
import { component } from './registry';
import { actionStatusSchema, axisSchema, historyActorSchema, isoDateTime, isoDay, operatorRefSchema, territoryRefSchema } from './common';
import type { ActionDto } from '@/lib/actions/dto';
import type { ActionListItem, HistoryEntry } from '@/lib/actions/queries';

export const actionSchema = component(
  'Action',
  z
    .object({
      id: z.string(),
      number: z.int(),
      reference: z.string().meta({ description: '« FA-12 » : unique dans son territoire.' }),
      territory: territoryRefSchema,
      version: z.int().meta({ description: 'À renvoyer avec toute modification (contrôle de concurrence).' }),
      position: z.int(),
      title: z.string(),
      description: z.string(),
      objectives: z.string(),
      axes: z.array(axisSchema),
      phase: z.enum(ActionPhase),
      status: actionStatusSchema,
      priority: z.enum(Priority),
      startDate: isoDay.nullable(),
      endDate: isoDay.nullable(),
      pilot: z.string(),
      partners: z.array(z.string()),
      operators: z.array(operatorRefSchema),
      budgetCents: z.int().nullable().meta({ description: 'Budget en centimes d’euro.' }),
      financing: z.array(
        z.object({ financer: z.string(), operator: z.string().nullable(), amountCents: z.int(), status: z.enum(FinancingStatus) }),
      ),
      milestones: z.array(z.object({ id: z.string(), title: z.string(), dueDate: isoDay, doneAt: isoDay.nullable() })),
      indicators: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          kind: z.enum(IndicatorKind),
          unit: z.string(),
          target: z.number().nullable(),
          actual: z.number().nullable().meta({ description: 'La dernière valeur de la série.' }),
          values: z.array(z.object({ date: isoDay, value: z.number(), comment: z.string() })),
        }),
      ),
      notes: z.string(),
      links: z.array(z.string()),
      archivedAt: isoDateTime.nullable(),
      createdAt: isoDateTime,
      updatedAt: isoDateTime,
      updatedBy: z.string().nullable(),
    })
    .meta({ description: 'Une fiche action.' }),
) satisfies z.ZodType<ActionDto>;

export const actionListItemSchema = component(
  'ActionListItem',
  actionSchema.extend({ lateMilestones: z.int().meta({ description: 'Jalons en retard.' }) }).meta({ description: 'Une fiche action dans la liste du plan.' }),
) satisfies z.ZodType<ActionListItem>;

export const actionHistoryEntrySchema = z.object({
  id: z.string(),
  at: isoDateTime,
  operation: z.string().meta({ description: '`create`, `update`, `progress`, `archive`, `restore`…' }),
  actor: historyActorSchema,
  version: z.int().nullable(),
  before: z.record(z.string(), z.unknown()).nullable().meta({ description: 'Les champs changés seulement.' }),
  after: z.record(z.string(), z.unknown()).nullable(),
}) satisfies z.ZodType<HistoryEntry>;
