// After a plan action was written by a server action: refresh the pages that show it and tell
// the form where to go next.
import { revalidatePath } from 'next/cache';
import type { SaveSuccess } from '@/lib/forms/save-result';
import type { ActionDto } from './dto';

export function planActionSaved(dto: Pick<ActionDto, 'id' | 'version' | 'territory'>): SaveSuccess {
  revalidatePath(`/territoires/${dto.territory.slug}`, 'layout');
  revalidatePath(`/actions/${dto.id}`, 'layout');
  return { ok: true, id: dto.id, version: dto.version, redirectTo: `/actions/${dto.id}` };
}
