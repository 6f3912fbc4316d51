'use server';

// Server actions of the plan page: reorder the plan's actions.
import { revalidatePath } from 'next/cache';
import { failure } from '@/lib/action-result';
import { reorderActions } from '@/lib/actions/mutations';
import { listActions } from '@/lib/actions/queries';
import type { FormState } from '@/lib/forms/save-result';
import { z } from 'zod';
import { formField, slugArg } from '@/lib/server-action-input';
import { serverActionActor } from '@/lib/server-action-actor';

const moveArg = z.string().regex(/^[A-Za-z0-9_-]{1,64}:(?:up|down)$/, 'Déplacement invalide.');

/** Moves one plan action up or down in the working plan. */
export async function movePlanActionForm(_prev: FormState, form: FormData): Promise<FormState> {
  let slug: string;
  let delta: number;
  try {
    slug = formField(form, 'slug', slugArg);
    // The button pressed sends "<id>:up" or "<id>:down" (one form for the whole table,
    // components/plans/plan-actions-table.tsx).
    const [id, direction] = formField(form, 'move', moveArg).split(':') as [string, string];
    delta = direction === 'up' ? -1 : 1;
    const a = await serverActionActor();
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
