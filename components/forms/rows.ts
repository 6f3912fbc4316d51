// Repeatable rows of the form toolkit (pure list operations; the markup is repeatable-rows.tsx).

/** Rows carry a stable React key that never reaches the payload. */
export interface KeyedRow {
  key: string;
}

export const appendRow = <R>(rows: readonly R[], row: R): R[] => [...rows, row];

export const removeRowAt = <R>(rows: readonly R[], index: number): R[] => rows.filter((_, i) => i !== index);

/** Moves row `from` to position `to` (clamped); the same array when nothing moves. */
export function moveRow<R>(rows: readonly R[], from: number, to: number): R[] {
  const target = Math.max(0, Math.min(rows.length - 1, to));
  if (from === target || from < 0 || from >= rows.length) return rows as R[];
  const next = [...rows];
  const [row] = next.splice(from, 1);
  next.splice(target, 0, row as R);
  return next;
}

/**
 * Where focus goes after removing row `removed` from a list that had `length` rows: the row
 * that took its place, else the one before, else null (the caller then focuses the add button).
 */
export function focusAfterRemove(length: number, removed: number): number | null {
  const remaining = length - 1;
  if (remaining <= 0) return null;
  return removed < remaining ? removed : remaining - 1;
}

/** `update` applied to row `index` only. */
export const patchRow = <R>(rows: readonly R[], index: number, patch: Partial<R>): R[] =>
  rows.map((row, i) => (i === index ? { ...row, ...patch } : row));
