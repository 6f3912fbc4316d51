'use server';

// Recording one dated indicator value from the fiche (works without JavaScript).
// The write is the quick-update domain function: version-checked and audited.
import { revalidatePath } from 'next/cache';
import { getActor } from '@/lib/auth/session';
import { unauthenticated } from '@/lib/errors';
import { failure } from '@/lib/action-result';
import { updateProgress } from '@/lib/actions/mutations';
import { parseDecimalInput } from '@/components/actions/money';
import type { FormState } from './server-actions';

const text = (form: FormData, key: string) => {
  const v = form.get(key);
  return typeof v === 'string' ? v : '';
};

export async function recordIndicatorValueForm(_prev: FormState, form: FormData): Promise<FormState> {
  const id = text(form, 'id');
  const value = parseDecimalInput(text(form, 'value'));
  if (value === 'invalid' || value === null) {
    return { ok: false, message: 'Valeur non enregistrée.', errors: { value: ['Valeur réalisée : saisissez un nombre, par exemple 12 ou 12,5.'] } };
  }
  try {
    const a = await getActor();
    if (!a) throw unauthenticated();
    const comment = text(form, 'comment').trim();
    await updateProgress(a, id, {
      version: Number(text(form, 'version')),
      indicators: [{ id: text(form, 'indicatorId'), actual: value, date: text(form, 'date'), ...(comment ? { comment } : {}) }],
    });
  } catch (error) {
    return failure(error);
  }
  revalidatePath(`/actions/${id}`, 'layout');
  return { ok: true, message: 'Valeur enregistrée.' };
}
