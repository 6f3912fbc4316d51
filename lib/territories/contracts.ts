// What the API answers about territories (ADR 0022).
import { z } from 'zod';
import '@/lib/validation';
import { component } from '@/lib/openapi/registry';
import { placeRefSchema, roleSchema, territoryPhaseSchema, territoryStatusSchema } from '@/lib/openapi/common';
import type { TerritoryDetail, TerritorySummary } from './queries';

export const territorySummarySchema = component(
  'TerritorySummary',
  z
    .object({
      slug: z.string(),
      name: z.string(),
      officialId: z.string().nullable().meta({ description: 'Identifiant de la liste officielle (`ti-…`).' }),
      phase: territoryPhaseSchema,
      status: territoryStatusSchema,
      population: z.int(),
      regions: z.array(placeRefSchema),
      departements: z.array(placeRefSchema),
      epciCount: z.int(),
      actionCount: z.int().meta({ description: 'Actions du plan de travail (hors archivées).' }),
    })
    .meta({ description: 'Un territoire d’industrie, tel que la liste le montre.' }),
) satisfies z.ZodType<TerritorySummary>;

const member = z.object({ name: z.string(), email: z.string(), role: roleSchema, title: z.string().nullable() });

export const territorySchema = component(
  'Territory',
  territorySummarySchema
    .omit({ epciCount: true })
    .extend({
      compositionIllustrative: z.boolean().meta({ description: 'Composition d’exemple, pas encore la liste officielle.' }),
      epcis: z.array(
        z.object({
          siren: z.string(),
          name: z.string(),
          nature: z.string(),
          population: z.int(),
          communesCount: z.int(),
          departementCodes: z.array(z.string()),
        }),
      ),
      governance: z.array(member).meta({ description: 'Élus, industriels et chefs de projet du territoire.' }),
      regionalCopilots: z.array(member),
    })
    .meta({ description: 'Un territoire d’industrie, avec sa composition et sa gouvernance.' }),
) satisfies z.ZodType<Omit<TerritoryDetail, 'id'>>;

export const territoryListSchema = z.object({ items: z.array(territorySummarySchema) });
