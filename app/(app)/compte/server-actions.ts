'use server';

// Thin server actions of "Mon compte" (STYLE §8): the caller's own account only.
import { revalidatePath } from 'next/cache';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/session';
import { signOutEverywhere } from '@/lib/auth/sessions';
import { requestContext } from '@/lib/auth/client-address';
import { proconnectLogout } from '@/lib/auth/proconnect-logout';
import { authOptions } from '@/lib/auth/options';
import { failure } from '@/lib/action-result';
import { changePassword, updateProfile } from '@/lib/account/account';
import { updatePreferences } from '@/lib/mail/preferences';
import { CATEGORIES } from '@/lib/mail/categories';
import { unauthenticated } from '@/lib/errors';
import type { ServerFormState } from '@/components/forms/server-form';

async function actor() {
  const a = await getActor();
  if (!a) throw unauthenticated();
  return a;
}

const text = (form: FormData, key: string) => {
  const v = form.get(key);
  return typeof v === 'string' ? v : '';
};

export async function updateProfileForm(_prev: ServerFormState, form: FormData): Promise<ServerFormState> {
  try {
    await updateProfile(await actor(), { name: text(form, 'name') });
    revalidatePath('/', 'layout');
    return { ok: true, message: 'Votre nom est enregistré.' };
  } catch (error) {
    return failure(error);
  }
}

export async function updatePreferencesForm(_prev: ServerFormState, form: FormData): Promise<ServerFormState> {
  try {
    await updatePreferences(await actor(), Object.fromEntries(CATEGORIES.map((c) => [c, text(form, c) || undefined])));
    revalidatePath('/compte');
    return { ok: true, message: 'Vos préférences de notification sont enregistrées.' };
  } catch (error) {
    return failure(error);
  }
}

export async function changePasswordForm(_prev: ServerFormState, form: FormData): Promise<ServerFormState> {
  try {
    await changePassword(await actor(), {
      currentPassword: text(form, 'currentPassword'),
      newPassword: text(form, 'newPassword'),
      confirmation: text(form, 'confirmation'),
    }, new Date(), (await requestContext()).ip);
    return { ok: true, message: 'Votre mot de passe est changé. Toutes vos sessions sont fermées, celle-ci comprise : reconnectez-vous avec le nouveau mot de passe.' };
  } catch (error) {
    return failure(error);
  }
}

export async function signOutEverywhereForm(): Promise<void> {
  const me = await actor();
  const jar = await cookies();
  const h = await headers();
  // Read before the revocation: the id_token of a ProConnect session is in this cookie.
  const end = await proconnectLogout(jar.getAll(), `${h.get('x-forwarded-proto') ?? 'http'}://${h.get('host')}`);
  await signOutEverywhere(me);
  // next-auth's session cookie (default name, `__Secure-` over https, chunked `.0`, `.1`…).
  const sessionCookie = authOptions().cookies?.sessionToken?.name ?? 'next-auth.session-token';
  for (const c of jar.getAll()) {
    if (c.name.replace(/^__Secure-/, '').replace(/\.\d+$/, '') !== sessionCookie) continue;
    jar.set(c.name, '', { maxAge: 0, path: '/', httpOnly: true, sameSite: 'lax', secure: c.name.startsWith('__Secure-') });
  }
  if (end) {
    // This browser also leaves ProConnect (as the sign-out button does); other devices'
    // provider sessions cannot be ended from here (ADR 0014).
    jar.set(end.stateCookie.name, end.stateCookie.value, end.stateCookie.options);
    redirect(end.url);
  }
  redirect('/connexion');
}
