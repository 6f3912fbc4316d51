'use server';

// Thin server actions of /compte/jetons: authenticate, call lib/tokens, revalidate.
import { revalidatePath } from 'next/cache';
import { getActor } from '@/lib/auth/session';
import { failure } from '@/lib/action-result';
import { unauthenticated, type FieldErrors } from '@/lib/errors';
import { createToken, revokeToken } from '@/lib/tokens/tokens';

export type CreateTokenState =
  | { ok: true; message: string; token: string; name: string; expiresAt: string }
  | { ok: false; message: string; errors?: FieldErrors }
  | null;

export type RevokeTokenState = { ok: boolean; message: string } | null;

const text = (form: FormData, key: string) => {
  const v = form.get(key);
  return typeof v === 'string' ? v : '';
};

export async function createTokenForm(_state: CreateTokenState, form: FormData): Promise<CreateTokenState> {
  try {
    const actor = await getActor();
    if (!actor) throw unauthenticated();
    const days = text(form, 'expiresInDays');
    const created = await createToken(actor, {
      name: text(form, 'name'),
      access: text(form, 'access'),
      expiresInDays: /^\d{1,4}$/.test(days) ? Number(days) : days === '' ? undefined : days,
    });
    revalidatePath('/compte/jetons');
    return { ok: true, message: `Jeton « ${created.name} » créé.`, token: created.token, name: created.name, expiresAt: created.expiresAt };
  } catch (error) {
    return failure(error);
  }
}

export async function revokeTokenForm(_state: RevokeTokenState, form: FormData): Promise<RevokeTokenState> {
  try {
    const actor = await getActor();
    if (!actor) throw unauthenticated();
    await revokeToken(actor, text(form, 'id'));
    revalidatePath('/compte/jetons');
    return { ok: true, message: 'Jeton révoqué.' };
  } catch (error) {
    return failure(error);
  }
}
