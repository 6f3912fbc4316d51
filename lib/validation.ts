// Shared helpers for zod 4 schemas: French messages, per-field errors.
import { z } from 'zod';
import { invalid, type FieldErrors } from '@/lib/errors';

z.config(z.locales.fr());

export function fieldErrorsFromZod(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      // Mass assignment is refused field by field, so the caller sees what was not accepted.
      for (const k of issue.keys) {
        (out[[...issue.path, k].join('.')] ??= []).push(`Champ non autorisé : « ${k} ».`);
      }
      continue;
    }
    const key = issue.path.length ? issue.path.join('.') : '_';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Parses an input with its schema, or throws INVALID with per-field French messages. */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (!result.success) throw invalid(fieldErrorsFromZod(result.error));
  return result.data;
}
