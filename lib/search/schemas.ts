// The search input, shared by the search page and the API (STYLE §5).
import { z } from 'zod';
import '@/lib/validation';

export const SEARCH_LIMITS = { min: 2, max: 200, perKind: 20 } as const;

export const searchQuerySchema = z.strictObject({
  q: z
    .string({ error: 'Recherche : texte attendu.' })
    .trim()
    .min(SEARCH_LIMITS.min, { error: `Recherche : ${SEARCH_LIMITS.min} caractères au moins.` })
    .max(SEARCH_LIMITS.max, { error: `Recherche : ${SEARCH_LIMITS.max} caractères au maximum.` }),
});
