'use server';

// Thin server actions (STYLE §8): authenticate, call the domain, revalidate, return a typed result.
import { revalidatePath } from 'next/cache';
import { getActor } from '@/lib/auth/session';
import { unauthenticated } from '@/lib/errors';
import { saveFailure } from '@/lib/forms/save-failure';
import { parseArgs, saveCommitteeArgs } from '@/lib/server-action-input';
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
