'use server';

// Thin server actions (STYLE §8): authenticate, call the domain, revalidate, return a typed result.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/session';
import { unauthenticated } from '@/lib/errors';
import { failure } from '@/lib/action-result';
import { formField, idAndDataArgs, idArg, parseArgs, saveActionArgs, slugArg, versionNumberArg } from '@/lib/server-action-input';
import type { ActionDto } from '@/lib/actions/dto';
import {
  archiveAction,
  createAction,
  reorderActions,
  restoreAction,
  updateAction,
  updateProgress,
} from '@/lib/actions/mutations';
import { listActions } from '@/lib/actions/queries';
import { commentVersion, decideLocally, decideRegionally, submitPlan } from '@/lib/plans/mutations';

export type SaveResult =
  | { ok: true; id: string; version: number; redirectTo: string }
  | { ok: false; message: string; errors?: Record<string, string[]>; conflict?: { changedFields: string[]; current: ActionDto } };

export type FormState = { ok: boolean; message: string; errors?: Record<string, string[]> } | null;

async function actor() {
  const a = await getActor();
  if (!a) throw unauthenticated();
  return a;
}

function saved(dto: ActionDto): SaveResult {
  revalidatePath(`/territoires/${dto.territory.slug}`, 'layout');
  revalidatePath(`/actions/${dto.id}`, 'layout');
  return { ok: true, id: dto.id, version: dto.version, redirectTo: `/actions/${dto.id}` };
}

function saveFailure(error: unknown): SaveResult {
  const f = failure(error);
  if (f.conflict) {
    const c = f.conflict as { action: ActionDto; changedFields: string[] };
    return { ok: false, message: f.message, conflict: { current: c.action, changedFields: c.changedFields } };
  }
  return { ok: false, message: f.message, errors: f.errors };
}

export async function saveAction(
  raw: { mode: 'create'; slug: string; data: unknown } | { mode: 'update'; id: string; data: unknown },
): Promise<SaveResult> {
  try {
    const a = await actor();
    const input = parseArgs(saveActionArgs, raw);
    const dto = input.mode === 'create' ? await createAction(a, input.slug, input.data) : await updateAction(a, input.id, input.data);
    return saved(dto);
  } catch (error) {
    return saveFailure(error);
  }
}

export async function saveProgress(raw: { id: string; data: unknown }): Promise<SaveResult> {
  try {
    const a = await actor();
    const input = parseArgs(idAndDataArgs, raw);
    return saved(await updateProgress(a, input.id, input.data));
  } catch (error) {
    return saveFailure(error);
  }
}

const text = (form: FormData, key: string) => {
  const v = form.get(key);
  return typeof v === 'string' ? v : '';
};

export async function archiveOrRestore(_prev: FormState, form: FormData): Promise<FormState> {
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

/** Moves one action up or down in the working plan. */
export async function moveAction(_prev: FormState, form: FormData): Promise<FormState> {
  const delta = text(form, 'direction') === 'up' ? -1 : 1;
  let slug: string;
  try {
    slug = formField(form, 'slug', slugArg);
    const id = formField(form, 'id', idArg);
    const a = await actor();
    const ids = (await listActions(a, slug)).map((x) => x.id);
    const i = ids.indexOf(id);
    const j = i + delta;
    if (i < 0 || j < 0 || j >= ids.length) return { ok: false, message: 'Déplacement impossible.' };
    [ids[i], ids[j]] = [ids[j] as string, ids[i] as string];
    await reorderActions(a, slug, { orderedIds: ids });
  } catch (error) {
    return failure(error);
  }
  revalidatePath(`/territoires/${slug}`, 'layout');
  return { ok: true, message: delta < 0 ? 'Action remontée.' : 'Action descendue.' };
}

export async function submitPlanForm(_prev: FormState, form: FormData): Promise<FormState> {
  let slug: string;
  let number: number;
  try {
    slug = formField(form, 'slug', slugArg);
    const note = text(form, 'note');
    number = (await submitPlan(await actor(), slug, note ? { note } : {})).number;
  } catch (error) {
    return failure(error);
  }
  revalidatePath(`/territoires/${slug}`, 'layout');
  redirect(`/territoires/${slug}/versions/${number}`);
}

export async function decideLocallyForm(_prev: FormState, form: FormData): Promise<FormState> {
  return decide(form, decideLocally);
}

export async function decideRegionallyForm(_prev: FormState, form: FormData): Promise<FormState> {
  // The side is sent only by a copilot for both State and Region (ADR 0012).
  const side = text(form, 'side');
  return decide(form, (a, slug, number, input) => decideRegionally(a, slug, number, { ...(input as object), ...(side ? { side } : {}) }));
}

async function decide(
  form: FormData,
  fn: (actor: Awaited<ReturnType<typeof getActor>> & object, slug: string, number: number, input: unknown) => Promise<unknown>,
): Promise<FormState> {
  let slug: string;
  let number: number;
  try {
    slug = formField(form, 'slug', slugArg);
    number = formField(form, 'number', versionNumberArg);
    const comment = text(form, 'comment');
    await fn(await actor(), slug, number, { decision: text(form, 'decision'), ...(comment ? { comment } : {}) });
  } catch (error) {
    return failure(error);
  }
  revalidatePath(`/territoires/${slug}`, 'layout');
  redirect(`/territoires/${slug}/versions/${number}`);
}

export async function commentForm(_prev: FormState, form: FormData): Promise<FormState> {
  let slug: string;
  let number: number;
  try {
    slug = formField(form, 'slug', slugArg);
    number = formField(form, 'number', versionNumberArg);
    const actionId = text(form, 'actionId');
    await commentVersion(await actor(), slug, number, { body: text(form, 'body'), ...(actionId ? { actionId } : {}) });
  } catch (error) {
    return failure(error);
  }
  revalidatePath(`/territoires/${slug}/versions/${number}`);
  return { ok: true, message: 'Commentaire publié.' };
}
