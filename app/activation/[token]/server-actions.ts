'use server';

// Public server action: anyone holding a valid activation link may set its password.
// The token is the credential; lib/admin/activation checks it (hash, expiry, single use).
import { failure } from '@/lib/action-result';
import { activateAccount } from '@/lib/admin/activation';
import { readNewPasswordForm, type NewPasswordState } from '@/lib/account/new-password';

export async function activateAccountForm(_prev: NewPasswordState, form: FormData): Promise<NewPasswordState> {
  const input = readNewPasswordForm(form);
  if (!input.ok) return input;
  try {
    const { email } = await activateAccount(input.token, input.password);
    return { ok: true, message: `Connectez-vous avec votre adresse e-mail (${email}) et le mot de passe que vous venez de choisir.` };
  } catch (error) {
    const f = failure(error);
    // Without field errors, the link itself was refused (unknown, used or expired).
    return { ok: false, message: f.message, errors: f.errors, linkGone: !f.errors };
  }
}
