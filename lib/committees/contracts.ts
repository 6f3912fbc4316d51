// What the API answers about regional committees (ADR 0022). Data only: whether the caller
// may edit is `committeePermissions` (lib/authz/policy.ts).
import { z } from 'zod';
import '@/lib/validation';
import { component } from '@/lib/openapi/registry';
import { actionLinkSchema, isoDateTime, isoDay, placeRefSchema } from '@/lib/openapi/common';
import type { CommitteeDto, CommitteeSummary } from './queries';

const access = z.enum(['full', 'limited']).meta({
  description: '`full` : copilotes de la région, national, opérateurs ; `limited` : lecteurs d’une action liée seulement.',
});

export const committeeSummarySchema = component(
  'CommitteeSummary',
  z
    .object({
      id: z.string(),
      region: placeRefSchema,
      date: isoDay,
      title: z.string(),
      decisions: z.string(),
      attendees: z.array(z.string()).nullable().meta({ description: 'Null en accès limité.' }),
      actionCount: z.int().meta({ description: 'Actions liées que l’appelant peut lire.' }),
      access,
    })
    .meta({ description: 'Un comité régional (revue régionale), tel que la liste le montre.' }),
) satisfies z.ZodType<CommitteeSummary>;

export const committeeSchema = component(
  'Committee',
  committeeSummarySchema
    .omit({ actionCount: true })
    .extend({
      actions: z.array(actionLinkSchema).meta({ description: 'Actions liées que l’appelant peut lire, par territoire puis référence.' }),
      version: z.int().meta({ description: 'Version de référence d’une modification.' }),
      createdAt: isoDateTime,
      createdBy: z.string().nullable().meta({ description: 'Null en accès limité.' }),
      updatedAt: isoDateTime.nullable().meta({ description: 'Null en accès limité et avant la première modification.' }),
      updatedBy: z.string().nullable(),
    })
    .meta({ description: 'Un comité régional, avec ses actions liées.' }),
) satisfies z.ZodType<CommitteeDto>;

export const committeePageSchema = z.object({
  items: z.array(committeeSummarySchema),
  total: z.int(),
  page: z.int(),
  pageSize: z.int(),
});
