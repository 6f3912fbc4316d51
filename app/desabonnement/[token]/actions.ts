'use server';

// Public server action: the signed token from the mail is the credential (lib/mail/unsubscribe).
import { unsubscribe } from '@/lib/mail/unsubscribe';
import type { ServerFormState } from '@/components/forms/server-form';

export async function unsubscribeForm(_prev: ServerFormState, form: FormData): Promise<ServerFormState> {
  const token = form.get('token');
  const done = typeof token === 'string' ? await unsubscribe(token) : null;
  if (!done) return { ok: false, message: 'Ce lien de désabonnement n’est pas valable.' };
  return { ok: true, message: `C’est fait : vous ne recevrez plus « ${done.categoryLabel} » par e-mail. Ces notifications restent visibles dans l’outil.` };
}
