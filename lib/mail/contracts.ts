// What the API answers about e-mail preferences and unsubscribing (ADR 0013, 0022).
import { z } from 'zod';
import '@/lib/validation';
import { CATEGORIES, DELIVERIES } from './categories';
import type { Preferences } from './preferences';

const delivery = z.enum(DELIVERIES).meta({ description: '`IMMEDIATE` : tout de suite ; `DIGEST` : récapitulatif hebdomadaire ; `NONE` : pas par e-mail.' });

export const preferencesOutputSchema = z
  .object({
    AWAITING_DECISION: delivery,
    CHANGES_REQUESTED: delivery,
    VERSION_VALIDATED: delivery,
    COMMITMENT_OVERDUE: delivery,
  })
  .meta({ description: 'Envoi par e-mail de chaque catégorie de notification.' }) satisfies z.ZodType<Preferences>;

export const unsubscribedSchema = z.object({ category: z.enum(CATEGORIES), delivery: z.literal('NONE') });
