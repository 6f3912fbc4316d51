// zod OUTPUT schemas of the action DTOs: what the API returns (the OpenAPI document is
// generated from them, ADR 0018/0022). The fields come from the registry (fields.ts);
// only the identity and bookkeeping members are written here.
//
// Public names (stable): actionDtoSchema, actionListItemSchema, actionHistoryEntrySchema,
// actionListSchema, actionHistorySchema, ActionDto, ActionListItem, HistoryEntry.
import { z } from 'zod';
import '@/lib/validation';
import { actionDtoFieldShape } from './fields';

const instant = z.iso.datetime({ offset: true });

export const actionDtoSchema = z
  .object({
    id: z.string(),
    number: z.number().int().min(1),
    territory: z.object({ slug: z.string(), name: z.string() }),
    version: z.number().int().min(1),
    position: z.number().int(),
    ...actionDtoFieldShape,
    createdAt: instant,
    updatedBy: z.string().nullable().describe('Nom de la dernière personne qui a modifié l’action.'),
  })
  .meta({ id: 'Action', description: "Une fiche action d'un plan d'actions territorial." });

export const actionListItemSchema = actionDtoSchema
  .extend({ lateMilestones: z.number().int().min(0).describe('Jalons non réalisés dont l’échéance est passée.') })
  .meta({ id: 'ActionListItem' });

export const actionListSchema = z.object({ items: z.array(actionListItemSchema) });

export const actionHistoryEntrySchema = z
  .object({
    id: z.string(),
    at: instant,
    operation: z.string().describe('create, update, progress, archive, restore, import…'),
    actor: z.object({ name: z.string(), role: z.string().nullable() }).nullable(),
    version: z.number().int().nullable(),
    before: z.record(z.string(), z.unknown()).nullable().describe('Valeurs avant, par clé de champ (registre des champs).'),
    after: z.record(z.string(), z.unknown()).nullable().describe('Valeurs après, par clé de champ.'),
  })
  .meta({ id: 'ActionHistoryEntry' });

export const actionHistorySchema = z.object({ items: z.array(actionHistoryEntrySchema) });

export type ActionDto = z.infer<typeof actionDtoSchema>;
export type ActionListItem = z.infer<typeof actionListItemSchema>;
export type HistoryEntry = z.infer<typeof actionHistoryEntrySchema>;
