// Shared helpers for zod 4 schemas: French messages, per-field errors.
import { z } from 'zod';
import { invalid, type FieldErrors } from '@/lib/errors';

z.config(z.locales.fr());
// No JIT: zod probes `new Function` otherwise, which the CSP (no 'unsafe-eval') reports
// as a violation in the browser (ADR 0011). Schema modules import this file first.
z.config({ jitless: true });

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

type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

/**
 * Query parameters, validated at run time (ADR 0011). Each field of `schema` is parsed
 * on its own: a malformed value (`?page=Infinity`, `?page=1e400`, a repeated key, an
 * unknown enum) falls back to that field's default, never to a 500. Unknown keys are
 * ignored. Only the first value of a repeated key is considered.
 */
export function parseSearchParams<S extends z.ZodRawShape>(schema: z.ZodObject<S>, input: SearchParamsInput): z.infer<z.ZodObject<S>> {
  const first = (key: string): string | undefined => {
    if (input instanceof URLSearchParams) return input.get(key) ?? undefined;
    const v = input[key];
    return Array.isArray(v) ? v[0] : v;
  };
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape) as [string, z.ZodType][]) {
    const parsed = field.safeParse(first(key));
    if (parsed.success) out[key] = parsed.data;
    else {
      const fallback = field.safeParse(undefined);
      out[key] = fallback.success ? fallback.data : undefined;
    }
  }
  return out as z.infer<z.ZodObject<S>>;
}

/** A page number from the query string: a positive integer, 1 otherwise. */
export const pageParam = z
  .string()
  .regex(/^[0-9]{1,6}$/)
  .transform(Number)
  .pipe(z.number().int().min(1))
  .catch(1);
