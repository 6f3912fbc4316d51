'use server';

import { revalidatePath } from 'next/cache';
import { getActor } from '@/lib/auth/session';
import { failure } from '@/lib/action-result';
import { importTerritories, type ImportReport } from '@/lib/imports/territories';

export type ImportState = { ok: true; report: ImportReport } | { ok: false; message: string; errors?: Record<string, string[]> } | null;

export async function importTerritoriesForm(_prev: ImportState, form: FormData): Promise<ImportState> {
  const actor = await getActor();
  if (!actor) return { ok: false, message: 'Votre session a expiré : reconnectez-vous.' };
  const file = form.get('file');
  if (!(file instanceof File) || file.size === 0) return { ok: false, message: 'Choisissez un fichier CSV.', errors: { file: ['Choisissez un fichier CSV.'] } };
  try {
    const report = await importTerritories(actor, await file.text(), file.name);
    revalidatePath('/', 'layout');
    return { ok: true, report };
  } catch (error) {
    const f = failure(error);
    return { ok: false, message: f.message, errors: f.errors };
  }
}
