// Server side of a form's save: a domain error becomes the form's failure result, the conflict
// passing its `current` object through unchanged (the one 409 shape, see save-result.ts).
import { failure } from '@/lib/action-result';
import type { ConflictCurrent, SaveFailure } from './save-result';

export function saveFailure(error: unknown): SaveFailure {
  const f = failure(error);
  if (f.conflict && typeof f.conflict === 'object') return { ok: false, message: f.message, conflict: f.conflict as ConflictCurrent };
  return { ok: false, message: f.message, ...(f.errors ? { errors: f.errors } : {}) };
}
