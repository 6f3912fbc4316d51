// Result types shared by every form and the server actions behind them (issue 11 item 7: result
// types live in lib/, components never import from app/). No React, no server-only code.
import type { FieldErrors } from '@/lib/errors';

/**
 * The one conflict shape (`current` of a 409, and of a server action's conflict result):
 * `{ <entityKey>: dto, entity, changedFields, changedFieldLabels, baseVersion, version, changedBy, changedAt }`.
 * Fields added by the versioned write (feat/versioning) are optional here so that a form reads
 * both the older `{ <entityKey>, changedFields, baseVersion }` and the full shape.
 */
export interface ConflictCurrent {
  [entityKey: string]: unknown;
  changedFields: string[];
  changedFieldLabels?: string[];
  entity?: string;
  baseVersion?: number;
  version?: number;
  changedBy?: string | null;
  changedAt?: string | null;
}

/** A save that went through: where to go next and the version now stored. */
export interface SaveSuccess {
  ok: true;
  id: string;
  version: number;
  redirectTo: string;
  /** Optional French confirmation, shown (and focused) by forms that stay on the page. */
  message?: string;
}

/** A save that did not: a French message, per-field errors (keys are zod paths), or a conflict. */
export interface SaveFailure {
  ok: false;
  message: string;
  errors?: FieldErrors;
  conflict?: ConflictCurrent;
}

/** What a form's save server action returns. */
export type FormSaveResult = SaveSuccess | SaveFailure;

/** State of a small `useActionState` form (FormData in, French message out). */
export type FormState = { ok: boolean; message: string; errors?: FieldErrors } | null;
