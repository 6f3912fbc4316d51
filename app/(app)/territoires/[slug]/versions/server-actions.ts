'use server';

// Server actions of the plan versions page: submit the working plan as a new version.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { failure } from '@/lib/action-result';
import type { FormState } from '@/lib/forms/save-result';
import { submitPlan } from '@/lib/plans/mutations';
import { formField, formText, slugArg } from '@/lib/server-action-input';
import { serverActionActor } from '@/lib/server-action-actor';

export async function submitPlanForm(_prev: FormState, form: FormData): Promise<FormState> {
  let slug: string;
  let number: number;
  try {
    slug = formField(form, 'slug', slugArg);
    const a = await serverActionActor();
    const note = formText(form, 'note');
    number = (await submitPlan(a, slug, note ? { note } : {})).number;
  } catch (error) {
    return failure(error);
  }
  revalidatePath(`/territoires/${slug}`, 'layout');
  redirect(`/territoires/${slug}/versions/${number}`);
}
