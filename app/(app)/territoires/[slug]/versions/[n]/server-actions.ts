'use server';

// Server actions of a plan version's page: the binôme's and the region's decisions, comments.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { failure } from '@/lib/action-result';
import type { Actor } from '@/lib/authz/policy';
import type { FormState } from '@/lib/forms/save-result';
import { commentVersion, decideLocally, decideRegionally } from '@/lib/plans/mutations';
import { formField, formText, slugArg, versionNumberArg } from '@/lib/server-action-input';
import { serverActionActor } from '@/lib/server-action-actor';

export async function decideLocallyForm(_prev: FormState, form: FormData): Promise<FormState> {
  return decide(form, decideLocally);
}

export async function decideRegionallyForm(_prev: FormState, form: FormData): Promise<FormState> {
  // The side is sent only by a copilot for both State and Region (ADR 0012).
  const side = formText(form, 'side');
  return decide(form, (a, slug, number, input) => decideRegionally(a, slug, number, { ...(input as object), ...(side ? { side } : {}) }));
}

async function decide(form: FormData, fn: (actor: Actor, slug: string, number: number, input: unknown) => Promise<unknown>): Promise<FormState> {
  let slug: string;
  let number: number;
  try {
    slug = formField(form, 'slug', slugArg);
    number = formField(form, 'number', versionNumberArg);
    const comment = formText(form, 'comment');
    await fn(await serverActionActor(), slug, number, { decision: formText(form, 'decision'), ...(comment ? { comment } : {}) });
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
    const actionId = formText(form, 'actionId');
    await commentVersion(await serverActionActor(), slug, number, { body: formText(form, 'body'), ...(actionId ? { actionId } : {}) });
  } catch (error) {
    return failure(error);
  }
  revalidatePath(`/territoires/${slug}/versions/${number}`);
  return { ok: true, message: 'Commentaire publié.' };
}
