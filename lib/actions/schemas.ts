// The action's input schemas are derived from the field registry (lib/actions/fields.ts,
// ADR 0018) and re-exported here for existing importers; the inputs that are not the
// fiche's fields (quick progress, reordering, list filters) are defined here.
import { z } from 'zod';
import '@/lib/validation';
import { AXES, PHASES, STATUSES, statusInput, versionField } from './fields';
import { comment, decimal, isoDate, slug } from './field-kit';

export {
  AXES,
  PHASES,
  STATUSES,
  PRIORITIES,
  FINANCING_STATUSES,
  INDICATOR_KINDS,
  financingLineSchema,
  milestoneSchema,
  indicatorValueSchema,
  indicatorSchema,
  actionCreateSchema,
  versionField,
  actionUpdateSchema,
  type ActionCreateInput,
  type ActionUpdateInput,
} from './fields';

/** Quick progress update: status, indicator actual values, milestone completion. */
export const progressUpdateSchema = z.strictObject({
  version: versionField,
  status: statusInput.optional(),
  indicators: z
    .array(
      z.strictObject({
        id: z.string().min(1).max(40),
        actual: decimal('Valeur réalisée').nullable(),
        /** Date of the value (default: today); with a null value, removes that day's value. */
        date: isoDate('Date de la valeur').optional(),
        comment: comment.optional(),
      }),
    )
    .max(30)
    .optional(),
  milestones: z
    .array(z.strictObject({ id: z.string().min(1).max(40), doneAt: isoDate('Date de réalisation').nullable() }))
    .max(50)
    .optional(),
});

export const reorderSchema = z.strictObject({
  orderedIds: z.array(z.string().min(1).max(40)).min(1).max(500),
});

export const actionFiltersSchema = z.object({
  axis: z.enum(AXES).optional().catch(undefined),
  status: z.enum(STATUSES).optional().catch(undefined),
  phase: z.enum(PHASES).optional().catch(undefined),
  operator: slug.optional().catch(undefined),
  late: z.enum(['1', 'true']).optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  sort: z.enum(['position', 'title', 'status', 'endDate', 'updatedAt', 'budget']).optional().catch(undefined),
  archived: z.enum(['1', 'true']).optional().catch(undefined),
});

export type ProgressUpdateInput = z.infer<typeof progressUpdateSchema>;
export type ActionFilters = z.infer<typeof actionFiltersSchema>;
