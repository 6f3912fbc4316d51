'use server';

// Thin server actions (STYLE §8): authenticate, call the domain, revalidate, return a typed result.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/session';
import { unauthenticated } from '@/lib/errors';
import { failure } from '@/lib/action-result';
import { saveFailure } from '@/lib/forms/save-failure';
import { formField, idAndDataArgs, idArg, parseArgs, saveCommitmentArgs } from '@/lib/server-action-input';
import { createCommitment, linkActions, unlinkAction, updateCommitment, updateDelivery } from '@/lib/commitments/mutations';
import type { CommitmentDto } from '@/lib/commitments/queries';
import { COMMITMENT_STATUS_LABELS, formatQuantity } from '@/lib/commitments/labels';
import type {
  CommitmentLinkFormState,
  SaveCommitmentInput,
  SaveCommitmentResult,
  SaveDeliveryInput,
} from '@/lib/commitments/save-results';

async function actor() {
  const a = await getActor();
  if (!a) throw unauthenticated();
  return a;
}

function revalidate(id: string) {
  revalidatePath('/engagements');
  revalidatePath(`/engagements/${id}`, 'layout');
  // Action pages may list the commitments that fund them.
  revalidatePath('/actions/[id]', 'page');
}

function saved(dto: CommitmentDto, message?: string): SaveCommitmentResult {
  revalidate(dto.id);
  return { ok: true, id: dto.id, version: dto.version, redirectTo: `/engagements/${dto.id}`, commitment: dto, ...(message ? { message } : {}) };
}

export async function saveCommitment(raw: SaveCommitmentInput): Promise<SaveCommitmentResult> {
  try {
    const a = await actor();
    const input = parseArgs(saveCommitmentArgs, raw);
    return saved(input.mode === 'create' ? await createCommitment(a, input.data) : await updateCommitment(a, input.id, input.data));
  } catch (error) {
    return saveFailure(error);
  }
}

export async function saveDelivery(raw: SaveDeliveryInput): Promise<SaveCommitmentResult> {
  try {
    const a = await actor();
    const input = parseArgs(idAndDataArgs, raw);
    const dto = await updateDelivery(a, input.id, input.data);
    return saved(dto, `Réalisation enregistrée : ${formatQuantity(dto.delivered, dto.unit)}, statut « ${COMMITMENT_STATUS_LABELS[dto.status]} ».`);
  } catch (error) {
    return saveFailure(error);
  }
}

const text = (form: FormData, key: string) => {
  const v = form.get(key);
  return typeof v === 'string' ? v : '';
};
const texts = (form: FormData, key: string) => form.getAll(key).filter((v): v is string => typeof v === 'string' && v !== '');

/**
 * The link picker: the checked actions among those shown, plus the linked actions the
 * filter hid (`keep`), replace the set of funded actions.
 */
export async function linkActionsForm(_prev: CommitmentLinkFormState, form: FormData): Promise<CommitmentLinkFormState> {
  let id: string;
  try {
    id = formField(form, 'id', idArg);
    const actionIds = [...new Set([...texts(form, 'keep'), ...texts(form, 'actionIds')])];
    await linkActions(await actor(), id, { version: Number(text(form, 'version')), actionIds });
  } catch (error) {
    return failure(error);
  }
  revalidate(id);
  redirect(`/engagements/${id}?actions=liees#actions-financees`);
}

export async function unlinkActionForm(_prev: CommitmentLinkFormState, form: FormData): Promise<CommitmentLinkFormState> {
  let id: string;
  try {
    id = formField(form, 'id', idArg);
    await unlinkAction(await actor(), id, { version: Number(text(form, 'version')), actionId: text(form, 'actionId') });
  } catch (error) {
    return failure(error);
  }
  revalidate(id);
  redirect(`/engagements/${id}?actions=retiree#actions-financees`);
}
