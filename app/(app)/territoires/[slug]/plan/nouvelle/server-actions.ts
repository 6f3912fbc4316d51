'use server';

// Server action of the "Nouvelle action" page: creates a plan action (a fiche action).
import { createAction } from '@/lib/actions/mutations';
import { planActionSaved } from '@/lib/actions/saved';
import { saveFailure } from '@/lib/forms/save-failure';
import type { FormSaveResult } from '@/lib/forms/save-result';
import { parseArgs, slugArg } from '@/lib/server-action-input';
import { serverActionActor } from '@/lib/server-action-actor';

/** Bound to the territory's slug by the page: `createPlanAction.bind(null, slug)`. */
export async function createPlanAction(slug: unknown, data: unknown): Promise<FormSaveResult> {
  try {
    const actor = await serverActionActor();
    return planActionSaved(await createAction(actor, parseArgs(slugArg, slug), data));
  } catch (error) {
    return saveFailure(error);
  }
}
