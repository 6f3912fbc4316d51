// The form that sets a password from an e-mailed link, shared by account activation
// (lib/admin/activation) and password reset (lib/account/password-reset): what its server
// actions read from the post and what they answer.
import type { FieldErrors } from '@/lib/errors';
import { activationFormSchema } from '@/lib/admin/schemas';
import { fieldErrorsFromZod } from '@/lib/validation';

export type NewPasswordState =
  | { ok: true; message: string }
  /** `linkGone`: the link itself is unusable (unknown, used or expired), not the password. */
  | { ok: false; message: string; errors?: FieldErrors; linkGone?: boolean }
  | null;

const text = (form: FormData, key: string) => {
  const v = form.get(key);
  return typeof v === 'string' ? v : '';
};

/** The link's token and the password typed twice, or the refusal to show (nothing saved). */
export function readNewPasswordForm(
  form: FormData,
): { ok: true; token: string; password: string } | { ok: false; message: string; errors: FieldErrors } {
  const parsed = activationFormSchema.safeParse({ password: text(form, 'password'), confirmation: text(form, 'confirmation') });
  if (!parsed.success) return { ok: false, message: 'Le mot de passe n’a pas été enregistré.', errors: fieldErrorsFromZod(parsed.error) };
  return { ok: true, token: text(form, 'token'), password: parsed.data.password };
}
