'use server';

// Thin server actions of the administration screens (STYLE §8): authenticate, turn the
// form into the domain input, call lib/admin, revalidate, return a typed result.
// Authorization is in lib/admin (national administrators only).
import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { getActor } from '@/lib/auth/session';
import { unauthenticated, type FieldErrors } from '@/lib/errors';
import { failure } from '@/lib/action-result';
import { idAndDataArgs, parseArgs, slugArg } from '@/lib/server-action-input';
import { z } from 'zod';
import '@/lib/validation';
import { env } from '@/lib/env';
import { inviteUser, reinviteUser, updateMemberships, updateUser } from '@/lib/admin/users';
import { createOperator, updateOperator } from '@/lib/admin/operators';
import { updateTerritory } from '@/lib/admin/territories';
import { formVersion, withBaseVersion } from '@/lib/versioning/base-version';
import type { ConflictCurrent, FormSaveResult } from '@/lib/forms/save-result';
import { saveFailure } from '@/lib/forms/save-failure';
import { ROLES, scopeKindOf } from '@/lib/admin/schemas';

/** `conflict`: the one 409 `current` object (lib/versioning) when the base version was stale. */
export type FormState = { ok: boolean; message: string; errors?: FieldErrors; conflict?: ConflictCurrent } | null;

/** A failed write as a form state: the message, the field errors, or the conflict's `current`. */
function failed(error: unknown, lines?: number[]): FormState {
  const f = failure(error);
  return {
    ok: false,
    message: f.message,
    ...(f.errors && { errors: lines ? toFormLines(f.errors, lines) : f.errors }),
    ...(f.conflict !== undefined && { conflict: f.conflict as ConflictCurrent }),
  };
}

export type InviteState =
  | { ok: true; message: string; userId: string; name: string; activationUrl: string }
  | { ok: false; message: string; errors?: FieldErrors }
  | null;

async function actor() {
  const a = await getActor();
  if (!a) throw unauthenticated();
  return a;
}

const text = (form: FormData, key: string) => {
  const v = form.get(key);
  return typeof v === 'string' ? v : '';
};

/** The absolute activation link: NEXTAUTH_URL when configured, else the request's host. */
async function absolute(path: string): Promise<string> {
  const configured = env().NEXTAUTH_URL;
  if (configured) return new URL(path, configured).toString();
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000';
  const proto = h.get('x-forwarded-proto') ?? (host.startsWith('localhost') || host.startsWith('127.') ? 'http' : 'https');
  return `${proto}://${host}${path}`;
}

const isRole = (v: string): v is (typeof ROLES)[number] => (ROLES as readonly string[]).includes(v);

/**
 * Reads the role rows of the roles editor (`memberships.<i>.role|territory|region|operator|title`).
 * Rows without a role are blank lines and are skipped; only the scope field matching the
 * role is kept (without JavaScript every scope select is shown). Returns the rows and,
 * for each, its line in the form, so that errors point at the right line.
 */
function membershipsFrom(form: FormData): { rows: Record<string, unknown>[]; lines: number[] } {
  const indices = new Set<number>();
  for (const key of form.keys()) {
    const m = /^memberships\.(\d{1,3})\.role$/.exec(key);
    if (m) indices.add(Number(m[1]));
  }
  const rows: Record<string, unknown>[] = [];
  const lines: number[] = [];
  for (const i of [...indices].sort((a, b) => a - b)) {
    const field = (name: string) => text(form, `memberships.${i}.${name}`).trim();
    const role = field('role');
    if (!role) continue;
    const kind = isRole(role) ? scopeKindOf(role) : null;
    const row: Record<string, unknown> = { role };
    for (const scope of ['territory', 'region', 'operator'] as const) {
      if ((kind === null || kind === scope) && field(scope)) row[scope] = field(scope);
    }
    if (field('title')) row.title = field('title');
    rows.push(row);
    lines.push(i);
  }
  return { rows, lines };
}

/** Maps `memberships.<n>.…` error keys back to the form's own line numbers. */
function toFormLines(errors: FieldErrors | undefined, lines: number[]): FieldErrors | undefined {
  if (!errors) return errors;
  const out: FieldErrors = {};
  for (const [key, messages] of Object.entries(errors)) {
    const m = /^memberships\.(\d+)(\..*)?$/.exec(key);
    const line = m ? lines[Number(m[1])] : undefined;
    out[m && line !== undefined ? `memberships.${line}${m[2] ?? ''}` : key] = messages;
  }
  return out;
}

export async function inviteUserForm(_prev: InviteState, form: FormData): Promise<InviteState> {
  const { rows, lines } = membershipsFrom(form);
  try {
    const { user, activationPath } = await inviteUser(await actor(), {
      email: text(form, 'email'),
      name: text(form, 'name'),
      memberships: rows,
    });
    revalidatePath('/administration/utilisateurs');
    return {
      ok: true,
      message: `Invitation créée pour ${user.name}.`,
      userId: user.id,
      name: user.name,
      activationUrl: await absolute(activationPath),
    };
  } catch (error) {
    const f = failure(error);
    return { ok: false, message: f.message, errors: toFormLines(f.errors, lines) };
  }
}

export async function reinviteUserForm(_prev: InviteState, form: FormData): Promise<InviteState> {
  const id = text(form, 'id');
  try {
    const { user, activationPath } = await reinviteUser(await actor(), id);
    revalidatePath(`/administration/utilisateurs/${id}`);
    return {
      ok: true,
      message: `Nouveau lien d’activation créé pour ${user.name} ; le précédent ne fonctionne plus.`,
      userId: user.id,
      name: user.name,
      activationUrl: await absolute(activationPath),
    };
  } catch (error) {
    const f = failure(error);
    return { ok: false, message: f.message, errors: f.errors };
  }
}

export async function saveMembershipsForm(_prev: FormState, form: FormData): Promise<FormState> {
  const id = text(form, 'id');
  const { rows, lines } = membershipsFrom(form);
  try {
    // The version the roles editor was rendered from (ADR 0021): a stale one is a conflict.
    await updateMemberships(await actor(), id, { memberships: rows, version: formVersion(form) });
  } catch (error) {
    return failed(error, lines);
  }
  revalidatePath('/', 'layout');
  return { ok: true, message: 'Rôles enregistrés. Ils s’appliquent dès la prochaine page consultée par l’utilisateur.' };
}

export async function setUserActiveForm(_prev: FormState, form: FormData): Promise<FormState> {
  const id = text(form, 'id');
  const active = text(form, 'active') === 'true';
  try {
    await updateUser(await actor(), id, { active, version: formVersion(form) });
  } catch (error) {
    return failed(error);
  }
  revalidatePath('/', 'layout');
  return {
    ok: true,
    message: active ? 'Compte réactivé.' : 'Compte désactivé : l’accès est coupé immédiatement, sessions ouvertes comprises.',
  };
}

export async function createOperatorForm(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    const slug = text(form, 'slug').trim();
    const created = await createOperator(await actor(), {
      name: text(form, 'name'),
      kind: text(form, 'kind') || 'OPERATOR',
      ...(slug ? { slug } : {}),
    });
    revalidatePath('/administration/operateurs');
    return { ok: true, message: `Opérateur « ${created.name} » créé (identifiant ${created.slug}).` };
  } catch (error) {
    return failed(error);
  }
}

/** Saves an operator's edit form (toolkit): `{ id, data }`, `data` with its base version (required). */
export async function saveOperator(raw: unknown): Promise<FormSaveResult> {
  try {
    const { id, data } = parseArgs(idAndDataArgs, raw);
    const saved = await updateOperator(await actor(), id, withBaseVersion(new Headers(), data, { required: true }));
    revalidatePath('/', 'layout');
    return { ok: true, id: saved.id, version: saved.version, redirectTo: '/administration/operateurs', message: `Opérateur « ${saved.name} » enregistré.` };
  } catch (error) {
    return saveFailure(error);
  }
}

/**
 * Saves the territory edit form (components/forms toolkit): `{ slug, data }` where `data`
 * carries the base version (required, ADR 0021). A stale one → `{ ok: false, conflict }`
 * with the one 409 `current`.
 */
export async function saveTerritory(raw: unknown): Promise<FormSaveResult> {
  try {
    const { slug, data } = parseArgs(z.strictObject({ slug: slugArg, data: z.unknown() }), raw);
    const saved = await updateTerritory(await actor(), slug, withBaseVersion(new Headers(), data, { required: true }));
    revalidatePath('/', 'layout');
    return { ok: true, id: saved.slug, version: saved.version, redirectTo: `/administration/territoires/${saved.slug}?enregistre=1` };
  } catch (error) {
    return saveFailure(error);
  }
}
