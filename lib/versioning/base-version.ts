// Where a write's base version comes from (ADR 0021): `version` in the JSON body, or an
// `If-Match: "<version>"` header for clients that prefer it; a form's hidden `version`
// field for server actions. Pure: no database, usable by routes and server actions.
import '@/lib/validation';
import { z } from 'zod';
import { invalid } from '@/lib/errors';

export const VERSION_REQUIRED = 'La version de référence (version) est obligatoire.';

/** A base version as the domain schemas accept it (optional there; required at the edges). */
export const baseVersionField = z
  .number({ error: VERSION_REQUIRED })
  .int({ error: 'Version invalide : nombre entier attendu.' })
  .min(0, { error: 'Version invalide.' });

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `"3"`, `W/"3"` or `3` → 3; anything else → INVALID on `version`. */
export function parseIfMatch(header: string): number {
  const m = /^\s*(?:W\/)?"?([0-9]{1,9})"?\s*$/.exec(header);
  if (!m) throw invalid({ version: ['En-tête If-Match invalide : attendu la version, par exemple "3".'] });
  return Number(m[1]);
}

/**
 * The request body with its base version: the body's `version`, else the `If-Match`
 * header's. Both given and different → INVALID. With `required`, a body without either
 * is refused (INVALID on `version`) before anything is read or written.
 */
export function withBaseVersion(headers: Headers, body: unknown, options: { required: boolean }): unknown {
  const header = headers.get('if-match');
  const fromHeader = header === null ? undefined : parseIfMatch(header);
  if (!isRecord(body)) return body;
  if (fromHeader !== undefined && body.version !== undefined && body.version !== fromHeader) {
    throw invalid({ version: ['La version du corps (version) et celle de l’en-tête If-Match diffèrent.'] });
  }
  const merged = fromHeader !== undefined && body.version === undefined ? { ...body, version: fromHeader } : body;
  if (options.required && merged.version === undefined) throw invalid({ version: [VERSION_REQUIRED] });
  return merged;
}

/** A form's hidden `version` field (required): the version the form was rendered from. */
export function formVersion(form: FormData): number {
  const raw = form.get('version');
  const n = typeof raw === 'string' && /^[0-9]{1,9}$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  if (!Number.isInteger(n)) throw invalid({ version: [VERSION_REQUIRED] });
  return n;
}
