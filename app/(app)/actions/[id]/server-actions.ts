'use server';

// Server actions of a plan action's page (the fiche): quick progress update, one dated
// indicator value, archive/restore. Thin (STYLE §8): authenticate, call the domain, revalidate.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { parseDecimalInput } from '@/components/actions/money';
import { failure } from '@/lib/action-result';
import { archiveAction, restoreAction, updateProgress } from '@/lib/actions/mutations';
import { planActionSaved } from '@/lib/actions/saved';
import { getActor } from '@/lib/auth/session';
import { unauthenticated } from '@/lib/errors';
import { saveFailure } from '@/lib/forms/save-failure';
import type { FormSaveResult, FormState } from '@/lib/forms/save-result';
import { formField, idAndDataArgs, idArg, parseArgs } from '@/lib/server-action-input';

async function actor() {
  const a = await getActor();
  if (!a) throw unauthenticated();
  return a;
}

const text = (form: FormData, key: string) => {
  const v = form.get(key);
  return typeof v === 'string' ? v : '';
};

/** The "Mise à jour rapide" form: status, actual values, milestones done. */
export async function savePlanActionProgress(raw: { id: string; data: unknown }): Promise<FormSaveResult> {
  try {
    const a = await actor();
    const input = parseArgs(idAndDataArgs, raw);
    return planActionSaved(await updateProgress(a, input.id, input.data));
  } catch (error) {
    return saveFailure(error);
  }
}

/** Records one dated indicator value from the fiche (works without JavaScript); version-checked and audited. */
export async function recordIndicatorValueForm(_prev: FormState, form: FormData): Promise<FormState> {
  const id = text(form, 'id');
  const value = parseDecimalInput(text(form, 'value'));
  if (value === 'invalid' || value === null) {
    return { ok: false, message: 'Valeur non enregistrée.', errors: { value: ['Valeur réalisée : saisissez un nombre, par exemple 12 ou 12,5.'] } };
  }
  try {
    const a = await actor();
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

/** Archives or restores a plan action (the button's `operation`). */
export async function archiveOrRestorePlanActionForm(_prev: FormState, form: FormData): Promise<FormState> {
  const restore = text(form, 'operation') === 'restore';
  let slug: string;
  let id: string;
  try {
    id = formField(form, 'id', idArg);
    const input = { version: Number(text(form, 'version')) };
    const dto = restore ? await restoreAction(await actor(), id, input) : await archiveAction(await actor(), id, input);
    slug = dto.territory.slug;
  } catch (error) {
    return failure(error);
  }
  revalidatePath(`/territoires/${slug}`, 'layout');
  revalidatePath(`/actions/${id}`, 'layout');
  redirect(restore ? `/actions/${id}` : `/territoires/${slug}/plan`);
}
