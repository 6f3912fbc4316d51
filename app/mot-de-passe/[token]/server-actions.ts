'use server';

// Public server action: the link's token is the credential (lib/account/password-reset
// checks it: hash, expiry, single use).
import { failure } from '@/lib/action-result';
import { readNewPasswordForm, type NewPasswordState } from '@/lib/account/new-password';
import { ResetLinkGone, resetPassword } from '@/lib/account/password-reset';

export async function resetPasswordForm(_prev: NewPasswordState, form: FormData): Promise<NewPasswordState> {
  const input = readNewPasswordForm(form);
  if (!input.ok) return input;
  try {
    await resetPassword(input.token, { password: input.password });
    return { ok: true, message: 'Votre mot de passe est changé. Vos autres sessions sont fermées.' };
  } catch (error) {
    if (error instanceof ResetLinkGone) return { ok: false, linkGone: true, message: error.message };
    const f = failure(error);
    return { ok: false, message: f.message, errors: f.errors };
  }
}
