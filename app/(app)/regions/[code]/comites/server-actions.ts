'use server';

// Thin server actions (STYLE §8): authenticate, call the domain, revalidate, return a typed result.
import { revalidatePath } from 'next/cache';
import { getActor } from '@/lib/auth/session';
import { unauthenticated } from '@/lib/errors';
import { saveFailure } from '@/lib/forms/save-failure';
import { z } from 'zod';
import { parseArgs, regionCodeArg, saveCommitteeArgs } from '@/lib/server-action-input';
import { searchLinkableActions } from '@/lib/committees/queries';
import type { LinkableSearch } from '@/lib/committees/picker';
import { createCommittee, updateCommittee } from '@/lib/committees/mutations';
import type { SaveCommitteeInput, SaveCommitteeResult } from '@/lib/committees/save-results';

export async function saveCommittee(raw: SaveCommitteeInput): Promise<SaveCommitteeResult> {
  try {
    const actor = await getActor();
    if (!actor) throw unauthenticated();
    const input = parseArgs(saveCommitteeArgs, raw);
    const dto =
      input.mode === 'create'
        ? await createCommittee(actor, input.regionCode, input.data)
        : await updateCommittee(actor, input.id, input.data);
    revalidatePath(`/regions/${dto.region.code}`, 'layout');
    // Action pages list the committees that discussed them.
    revalidatePath('/actions/[id]', 'page');
    return { ok: true, id: dto.id, version: dto.version, redirectTo: `/regions/${dto.region.code}/comites/${dto.id}` };
  } catch (error) {
    return saveFailure(error);
  }
}

const searchArgs = z.strictObject({ regionCode: regionCodeArg, query: z.string().max(200) });

/**
 * The committee form's action picker: the region's actions matching the filter, at most
 * 50, and how many match (lib/committees/picker.ts). Writers of the region only.
 */
export async function searchCommitteeActions(raw: { regionCode: string; query: string }): Promise<LinkableSearch | null> {
  const actor = await getActor();
  if (!actor) return null;
  const input = parseArgs(searchArgs, raw);
  return searchLinkableActions(actor, input.regionCode, input.query);
}
