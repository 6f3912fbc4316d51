// Input contract of personal access tokens (shared by the API and the /compte/jetons form).
import { z } from 'zod';
import '@/lib/validation';

export const TOKEN_MAX_DAYS = 365;
export const TOKEN_DEFAULT_DAYS = 90;

export const createTokenSchema = z.strictObject({
  name: z
    .string({ message: 'Donnez un nom au jeton.' })
    .trim()
    .min(1, 'Donnez un nom au jeton.')
    .max(100, 'Le nom ne doit pas dépasser 100 caractères.'),
  access: z.enum(['read', 'write'], { message: 'Choisissez « lecture seule » ou « lecture et écriture ».' }),
  expiresInDays: z
    .int({ message: 'La durée de validité est un nombre entier de jours.' })
    .min(1, 'La durée de validité est d’au moins 1 jour.')
    .max(TOKEN_MAX_DAYS, `La durée de validité ne peut pas dépasser ${TOKEN_MAX_DAYS} jours (un an).`)
    .optional(),
});

export type CreateTokenInput = z.input<typeof createTokenSchema>;
