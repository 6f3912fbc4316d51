'use server';

// Thin server actions (STYLE §8): authenticate, call the domain, revalidate, return a typed result.
import { revalidatePath } from 'next/cache';
import { getActor } from '@/lib/auth/session';
import { unauthenticated } from '@/lib/errors';
import { failure } from '@/lib/action-result';
import { parseArgs, saveCommitteeArgs } from '@/lib/server-action-input';
import { createCommittee, updateCommittee } from '@/lib/committees/mutations';
import type { CommitteeDto } from '@/lib/committees/queries';

export type SaveCommitteeInput =
  | { mode: 'create'; regionCode: string; data: unknown }
  | { mode: 'update'; id: string; data: unknown };

export type SaveCommitteeResult =
  | { ok: true; id: string; version: number; redirectTo: string }
  | {
      ok: false;
      message: string;
      errors?: Record<string, string[]>;
      conflict?: { changedFields: string[]; current: CommitteeDto };
    };

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
    const f = failure(error);
    if (f.conflict) {
      const c = f.conflict as { committee: CommitteeDto; changedFields: string[] };
      return { ok: false, message: f.message, conflict: { current: c.committee, changedFields: c.changedFields } };
    }
    return { ok: false, message: f.message, errors: f.errors };
  }
}
