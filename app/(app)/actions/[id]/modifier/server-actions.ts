'use server';

// Server action of the "Modifier l'action" page: updates a plan action (version-checked).
import { getActor } from '@/lib/auth/session';
import { unauthenticated } from '@/lib/errors';
import { updateAction } from '@/lib/actions/mutations';
import { planActionSaved } from '@/lib/actions/saved';
import { saveFailure } from '@/lib/forms/save-failure';
import type { FormSaveResult } from '@/lib/forms/save-result';
import { idArg, parseArgs } from '@/lib/server-action-input';

/** Bound to the action's id by the page: `updatePlanAction.bind(null, id)`. */
export async function updatePlanAction(id: unknown, data: unknown): Promise<FormSaveResult> {
  try {
    const actor = await getActor();
    if (!actor) throw unauthenticated();
    return planActionSaved(await updateAction(actor, parseArgs(idArg, id), data));
  } catch (error) {
    return saveFailure(error);
  }
}
