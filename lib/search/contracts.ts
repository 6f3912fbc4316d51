// What the API answers to a search (ADR 0022).
import { z } from 'zod';
import '@/lib/validation';
import {
  actionLinkSchema,
  commitmentScopeSchema,
  commitmentStatusSchema,
  operatorRefSchema,
  placeRefSchema,
  territoryRefSchema,
  territoryStatusSchema,
} from '@/lib/openapi/common';
import type { SearchResults } from './queries';

export const searchResultsSchema = z
  .object({
    territories: z.array(
      z.object({
        slug: z.string(),
        name: z.string(),
        officialId: z.string().nullable(),
        status: territoryStatusSchema,
        departementCodes: z.array(z.string()),
        regionCodes: z.array(z.string()),
      }),
    ),
    actions: z.array(actionLinkSchema),
    commitments: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        scope: commitmentScopeSchema,
        status: commitmentStatusSchema,
        operator: operatorRefSchema,
        region: placeRefSchema.nullable(),
        territory: territoryRefSchema.nullable(),
      }),
    ),
  })
  .meta({ description: 'Au plus 20 résultats de chaque sorte, dans le périmètre de l’appelant.' }) satisfies z.ZodType<SearchResults>;
