// Run-time validation of server-action arguments (ADR 0011). A server action is a
// public endpoint: its TypeScript types do not exist at run time, and a crafted call
// can send any JSON value. Identifiers are checked to be plain strings of the expected
// shape before they reach Prisma (an object there would be read as a filter).
import { z } from 'zod';
import { invalid } from '@/lib/errors';
import { parseInput } from '@/lib/validation';

export const idArg = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Identifiant invalide.');
export const slugArg = z.string().regex(/^[a-z0-9-]{1,80}$/, 'Identifiant de territoire invalide.');
export const regionCodeArg = z.string().regex(/^[0-9]{2,3}$/, 'Code de région invalide.');
export const versionNumberArg = z.coerce.number().int().min(1).max(1_000_000);

/** `data` stays `unknown`: the domain function parses it with its own strict schema. */
const data = z.unknown();

export const saveActionArgs = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('create'), slug: slugArg, data }),
  z.strictObject({ mode: z.literal('update'), id: idArg, data }),
]);
export const idAndDataArgs = z.strictObject({ id: idArg, data });
export const saveCommitmentArgs = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('create'), data }),
  z.strictObject({ mode: z.literal('update'), id: idArg, data }),
]);
export const saveCommitteeArgs = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('create'), regionCode: regionCodeArg, data }),
  z.strictObject({ mode: z.literal('update'), id: idArg, data }),
]);

export function parseArgs<T>(schema: z.ZodType<T>, input: unknown): T {
  return parseInput(schema, input);
}

/** One form field, validated; INVALID with a French message on that field otherwise. */
export function formField<T>(form: FormData, key: string, schema: z.ZodType<T>): T {
  const value = form.get(key);
  const parsed = schema.safeParse(typeof value === 'string' ? value : undefined);
  if (!parsed.success) throw invalid({ [key]: [parsed.error.issues[0]?.message ?? 'Valeur invalide.'] });
  return parsed.data;
}

/** A text field of a form ('' when absent or a file). */
export function formText(form: FormData, key: string): string {
  const value = form.get(key);
  return typeof value === 'string' ? value : '';
}
