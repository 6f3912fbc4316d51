'use server';

// Public server action: the link's token is the credential (lib/account/password-reset
// checks it: hash, expiry, single use).
import { failure } from '@/lib/action-result';
import { fieldErrorsFromZod } from '@/lib/validation';
import { activationFormSchema } from '@/lib/admin/schemas';
import { ResetLinkGone, resetPassword } from '@/lib/account/password-reset';
import type { ServerFormState } from '@/components/forms/server-form';

export type ResetState = (ServerFormState & { gone?: boolean }) | null;

const text = (form: FormData, key: string) => {
  const v = form.get(key);
  return typeof v === 'string' ? v : '';
};

export async function resetPasswordForm(_prev: ResetState, form: FormData): Promise<ResetState> {
  const parsed = activationFormSchema.safeParse({ password: text(form, 'password'), confirmation: text(form, 'confirmation') });
  if (!parsed.success) return { ok: false, message: 'Le mot de passe n’a pas été enregistré.', errors: fieldErrorsFromZod(parsed.error) };
  try {
    await resetPassword(text(form, 'token'), { password: parsed.data.password });
    return { ok: true, message: 'Votre mot de passe est changé. Vos autres sessions sont fermées.' };
  } catch (error) {
    if (error instanceof ResetLinkGone) return { ok: false, gone: true, message: error.message };
    const f = failure(error);
    return { ok: false, message: f.message, errors: f.errors };
  }
}
