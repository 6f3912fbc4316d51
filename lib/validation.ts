// Shared helpers for zod 4 schemas: French messages, per-field errors.
import { z } from 'zod';
import type { FieldErrors } from '@/lib/errors';

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
