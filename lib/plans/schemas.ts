import { z } from 'zod';
import '@/lib/validation';

export const submitPlanSchema = z.strictObject({
  note: z.string().trim().max(2000, { error: 'La note : 2 000 caractères au maximum.' }).optional(),
});

const decisionFields = {
  decision: z.enum(['VALIDATE', 'REQUEST_CHANGES'], { error: 'Décision invalide (VALIDATE ou REQUEST_CHANGES).' }),
  comment: z.string().trim().max(5000, { error: 'Le commentaire : 5 000 caractères au maximum.' }).optional(),
};

/**
 * A regional decision; `side` (STATE or REGION) names the side it counts for, required
 * only from a user who is copilot for both (lib/authz/policy.ts regionalDecisionSide).
 */
export const regionalDecisionSchema = z
  .strictObject({
    ...decisionFields,
    side: z.enum(['STATE', 'REGION'], { error: 'Côté invalide (STATE pour l’État, REGION pour la Région).' }).optional(),
  })
  .refine((d) => d.decision !== 'REQUEST_CHANGES' || (d.comment ?? '').length > 0, {
    error: 'Indiquez ce qui doit être modifié.',
    path: ['comment'],
  });

export const localDecisionSchema = z
  .strictObject({
    decision: z.enum(['VALIDATE', 'REQUEST_CHANGES'], { error: 'Décision invalide (VALIDATE ou REQUEST_CHANGES).' }),
    comment: z.string().trim().max(5000, { error: 'Le commentaire : 5 000 caractères au maximum.' }).optional(),
  })
  .refine((d) => d.decision !== 'REQUEST_CHANGES' || (d.comment ?? '').length > 0, {
    error: 'Indiquez ce qui doit être modifié.',
    path: ['comment'],
  });

export const commentSchema = z.strictObject({
  body: z
    .string({ error: 'Le commentaire est obligatoire.' })
    .trim()
    .min(1, { error: 'Le commentaire est obligatoire.' })
    .max(5000, { error: 'Le commentaire : 5 000 caractères au maximum.' }),
  actionId: z.string().max(40).optional(),
});
