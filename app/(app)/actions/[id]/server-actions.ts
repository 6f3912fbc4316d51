'use server';

// Server actions of a plan action's page (the fiche): quick progress update, one dated
// indicator value, archive/restore. Thin (STYLE §8): authenticate, call the domain, revalidate.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { parseDecimalInput } from '@/components/actions/money';
import { failure } from '@/lib/action-result';
import { archiveAction, restoreAction, updateProgress } from '@/lib/actions/mutations';
import { planActionSaved } from '@/lib/actions/saved';
import { saveFailure } from '@/lib/forms/save-failure';
import type { FormSaveResult, FormState } from '@/lib/forms/save-result';
import { formField, formText, idAndDataArgs, idArg, parseArgs } from '@/lib/server-action-input';
import { serverActionActor } from '@/lib/server-action-actor';

/** The "Mise à jour rapide" form: status, actual values, milestones done. */
export async function savePlanActionProgress(raw: { id: string; data: unknown }): Promise<FormSaveResult> {
  try {
    const a = await serverActionActor();
    const input = parseArgs(idAndDataArgs, raw);
    return planActionSaved(await updateProgress(a, input.id, input.data));
  } catch (error) {
    return saveFailure(error);
  }
}

/** Records one dated indicator value from the fiche (works without JavaScript); version-checked and audited. */
export async function recordIndicatorValueForm(_prev: FormState, form: FormData): Promise<FormState> {
  const id = formText(form, 'id');
  const value = parseDecimalInput(formText(form, 'value'));
  if (value === 'invalid' || value === null) {
    return { ok: false, message: 'Valeur non enregistrée.', errors: { value: ['Valeur réalisée : saisissez un nombre, par exemple 12 ou 12,5.'] } };
  }
  try {
    const a = await serverActionActor();
    const comment = formText(form, 'comment').trim();
    await updateProgress(a, id, {
      version: Number(formText(form, 'version')),
      indicators: [{ id: formText(form, 'indicatorId'), actual: value, date: formText(form, 'date'), ...(comment ? { comment } : {}) }],
    });
  } catch (error) {
    return failure(error);
  }
  revalidatePath(`/actions/${id}`, 'layout');
  return { ok: true, message: 'Valeur enregistrée.' };
}

/** Archives or restores a plan action (the button's `operation`). */
export async function archiveOrRestorePlanActionForm(_prev: FormState, form: FormData): Promise<FormState> {
  const restore = formText(form, 'operation') === 'restore';
  let slug: string;
  let id: string;
  try {
    id = formField(form, 'id', idArg);
    const input = { version: Number(formText(form, 'version')) };
    const dto = restore ? await restoreAction(await serverActionActor(), id, input) : await archiveAction(await serverActionActor(), id, input);
    slug = dto.territory.slug;
  } catch (error) {
    return failure(error);
  }
  revalidatePath(`/territoires/${slug}`, 'layout');
  revalidatePath(`/actions/${id}`, 'layout');
  redirect(restore ? `/actions/${id}` : `/territoires/${slug}/plan`);
}
