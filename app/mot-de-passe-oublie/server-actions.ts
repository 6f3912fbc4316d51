'use server';

// Public server action: asks for a reset link. The same answer for every address; the lookup
// and the mail happen after the response (`after`), so the time does not tell either.
import { after } from 'next/server';
import { fieldErrorsFromZod } from '@/lib/validation';
import { requestPasswordReset, RESET_ACCEPTED } from '@/lib/account/password-reset';
import { resetRequestSchema } from '@/lib/account/schemas';
import type { ServerFormState } from '@/components/forms/server-form';

export async function requestResetForm(_prev: ServerFormState, form: FormData): Promise<ServerFormState> {
  const raw = form.get('email');
  const parsed = resetRequestSchema.safeParse({ email: typeof raw === 'string' ? raw : '' });
  if (!parsed.success) return { ok: false, message: 'Vérifiez l’adresse saisie.', errors: fieldErrorsFromZod(parsed.error) };
  const { email } = parsed.data;
  after(() => requestPasswordReset(email).catch((error: unknown) => console.error('[mot de passe] demande de réinitialisation :', error)));
  return { ok: true, message: RESET_ACCEPTED.message };
}
