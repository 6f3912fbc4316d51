// What the API answers about personal access tokens (ADR 0014, 0022).
import { z } from 'zod';
import '@/lib/validation';
import { component } from '@/lib/openapi/registry';
import { isoDateTime } from '@/lib/openapi/common';
import type { CreatedToken, TokenSummary } from './tokens';

const access = z.enum(['read', 'write']).meta({ description: '`read` : lecture seule ; `write` : écrit comme son utilisateur.' });

export const tokenSummarySchema = component(
  'ApiToken',
  z
    .object({ id: z.string(), name: z.string(), access, createdAt: isoDateTime, expiresAt: isoDateTime, lastUsedAt: isoDateTime.nullable() })
    .meta({ description: 'Un jeton d’API personnel (jamais sa valeur).' }),
) satisfies z.ZodType<TokenSummary>;

export const createdTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    access,
    expiresAt: isoDateTime,
    token: z.string().meta({ description: '`ti_pat_…` : montré cette fois seulement, jamais stocké.' }),
  })
  .meta({ description: 'Le jeton créé, avec sa valeur (une seule fois).' }) satisfies z.ZodType<CreatedToken>;

export const tokenListSchema = z.object({ items: z.array(tokenSummarySchema) });
