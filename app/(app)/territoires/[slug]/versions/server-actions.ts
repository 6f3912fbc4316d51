'use server';

// Server actions of the plan versions page: submit the working plan as a new version.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { failure } from '@/lib/action-result';
import { getActor } from '@/lib/auth/session';
import { unauthenticated } from '@/lib/errors';
import type { FormState } from '@/lib/forms/save-result';
import { submitPlan } from '@/lib/plans/mutations';
import { formField, slugArg } from '@/lib/server-action-input';

export async function submitPlanForm(_prev: FormState, form: FormData): Promise<FormState> {
  let slug: string;
  let number: number;
  try {
    slug = formField(form, 'slug', slugArg);
    const a = await getActor();
    if (!a) throw unauthenticated();
    const note = form.get('note');
    number = (await submitPlan(a, slug, typeof note === 'string' && note ? { note } : {})).number;
  } catch (error) {
    return failure(error);
  }
  revalidatePath(`/territoires/${slug}`, 'layout');
  redirect(`/territoires/${slug}/versions/${number}`);
}
