// Inputs of "Mon compte" and of the forgotten-password flow (shared by forms and API).
import { z } from 'zod';
import '@/lib/validation';
import { ADMIN_LIMITS, emailField, passwordField } from '@/lib/admin/schemas';

export const profileSchema = z.strictObject({
  name: z
    .string({ error: 'Le nom est obligatoire.' })
    .trim()
    .min(1, { error: 'Le nom est obligatoire.' })
    .max(ADMIN_LIMITS.name, { error: `Le nom : ${ADMIN_LIMITS.name} caractères au maximum.` }),
});

export const changePasswordSchema = z
  .strictObject({
    currentPassword: z.string({ error: 'Saisissez votre mot de passe actuel.' }).min(1, { error: 'Saisissez votre mot de passe actuel.' }).max(ADMIN_LIMITS.password.max),
    newPassword: passwordField,
    confirmation: z.string({ error: 'Confirmez le nouveau mot de passe.' }).min(1, { error: 'Confirmez le nouveau mot de passe.' }),
  })
  .refine((f) => f.newPassword === f.confirmation, { error: 'Les deux mots de passe ne sont pas identiques.', path: ['confirmation'] })
  .refine((f) => f.newPassword !== f.currentPassword, { error: 'Le nouveau mot de passe doit différer de l’actuel.', path: ['newPassword'] });

export const resetRequestSchema = z.strictObject({ email: emailField });

export const resetPasswordSchema = z.strictObject({ password: passwordField });

/** base64url of 32 random bytes. */
export const resetTokenField = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
