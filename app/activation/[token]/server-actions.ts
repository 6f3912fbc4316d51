'use server';

// Public server action: anyone holding a valid activation link may set its password.
// The token is the credential; lib/admin/activation checks it (hash, expiry, single use).
import { failure } from '@/lib/action-result';
import type { FieldErrors } from '@/lib/errors';
import { activateAccount } from '@/lib/admin/activation';
import { activationFormSchema } from '@/lib/admin/schemas';
import { fieldErrorsFromZod } from '@/lib/validation';

export type ActivationState =
  | { ok: true; email: string }
  | { ok: false; message: string; errors?: FieldErrors }
  | null;

const text = (form: FormData, key: string) => {
  const v = form.get(key);
  return typeof v === 'string' ? v : '';
};

export async function activateAccountForm(_prev: ActivationState, form: FormData): Promise<ActivationState> {
  const parsed = activationFormSchema.safeParse({ password: text(form, 'password'), confirmation: text(form, 'confirmation') });
  if (!parsed.success) {
    return { ok: false, message: 'Le mot de passe n’a pas été enregistré.', errors: fieldErrorsFromZod(parsed.error) };
  }
  try {
    const { email } = await activateAccount(text(form, 'token'), parsed.data.password);
    return { ok: true, email };
  } catch (error) {
    const f = failure(error);
    return { ok: false, message: f.message, errors: f.errors };
  }
}
