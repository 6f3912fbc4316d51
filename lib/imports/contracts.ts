// What the API answers to an import of the official territory list (ADR 0009, 0022).
import { z } from 'zod';
import '@/lib/validation';
import type { ImportReport } from './territories';

const named = z.object({ code: z.string(), name: z.string() });

export const importReportSchema = z
  .object({
    rows: z.int(),
    territories: z.int(),
    created: z.array(
      z.object({
        officialId: z.string(),
        name: z.string(),
        slug: z.string(),
        epcis: z.int(),
        departementCodes: z.array(z.string()),
        regionCodes: z.array(z.string()),
      }),
    ),
    updated: z.array(z.object({ officialId: z.string(), name: z.string(), changes: z.array(z.string()) })),
    unchanged: z.int(),
    runId: z.string().nullable(),
    dryRun: z.boolean(),
    phase: z.int(),
    format: z.enum(['communes', 'groupements']),
    fingerprint: z.string().meta({ description: 'Aussi envoyé en `ETag` : à renvoyer en `If-Match` pour appliquer cet aperçu.' }),
    renamed: z.array(z.object({ officialId: z.string(), slug: z.string(), from: z.string(), to: z.string() })),
    compositionChanged: z.array(
      z.object({
        officialId: z.string(),
        slug: z.string(),
        name: z.string(),
        epcisAdded: z.array(named),
        epcisRemoved: z.array(named),
        departementsAdded: z.array(z.string()),
        departementsRemoved: z.array(z.string()),
        regionsAdded: z.array(z.string()),
        regionsRemoved: z.array(z.string()),
      }),
    ),
    missing: z.array(z.object({ officialId: z.string(), name: z.string(), slug: z.string(), status: z.string() })),
    mappedCodes: z.array(
      z.object({ line: z.int(), from: z.string(), fromName: z.string(), to: z.string(), toName: z.string(), via: z.string() }),
    ),
    notes: z.array(z.string()),
  })
  .meta({ description: 'Le rapport d’import (ou d’aperçu avec `dryRun`).' }) satisfies z.ZodType<ImportReport>;
