'use server';

// Server action of the "Modifier l'action" page: updates a plan action (version-checked).
import { updateAction } from '@/lib/actions/mutations';
import { planActionSaved } from '@/lib/actions/saved';
import { saveFailure } from '@/lib/forms/save-failure';
import type { FormSaveResult } from '@/lib/forms/save-result';
import { idArg, parseArgs } from '@/lib/server-action-input';
import { serverActionActor } from '@/lib/server-action-actor';

/** Bound to the action's id by the page: `updatePlanAction.bind(null, id)`. */
export async function updatePlanAction(id: unknown, data: unknown): Promise<FormSaveResult> {
  try {
    const actor = await serverActionActor();
    return planActionSaved(await updateAction(actor, parseArgs(idArg, id), data));
  } catch (error) {
    return saveFailure(error);
  }
}
