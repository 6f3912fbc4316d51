// Conflict logic of the form toolkit (pure). On a 409 / conflict result the form shows, per
// field changed since its base version, the person's value and the saved one, with a choice:
// "Garder la mienne" or "Prendre la leur". Resolving builds the values to resubmit on the new
// base version. Reads the one conflict shape (lib/forms/save-result.ts).
import type { ConflictCurrent } from '@/lib/forms/save-result';
import { sameValue } from './values';

export type ConflictChoice = 'mine' | 'theirs';

/** What a form tells the toolkit about its fields, to compare, show and take one side of a conflict. */
export interface ConflictAdapter<V, TDto> {
  /** Key of the DTO in the conflict's `current` object (`action`, `commitment`, `committee`...). */
  entityKey: string;
  /** The form values for a stored DTO (the "theirs" side). */
  valuesFrom(dto: TDto): V;
  /** Comparable value of one field (e.g. cents rather than the typed text). */
  compare(values: V, field: string): unknown;
  /** `values` with `field` taken from `from`. */
  adopt(values: V, from: V, field: string): V;
  /** French text of one field's value in `values` (shown for both sides). */
  display(values: V, field: string): string;
  /** French label of a field (used when the conflict carries no labels). */
  label(field: string): string;
  /** Fields the form edits (default: all); the others are only reported. */
  editable?(field: string): boolean;
}

/** A conflict as a form reads it. */
export interface Conflict<TDto> {
  dto: TDto;
  entity: string | null;
  changedFields: string[];
  changedFieldLabels: string[];
  baseVersion: number | null;
  version: number;
  changedBy: string | null;
  changedAt: string | null;
}

/** Reads the `current` object of a conflict; null when it does not carry the entity. */
export function readConflict<TDto extends { version: number }>(
  current: ConflictCurrent | null | undefined,
  entityKey: string,
  label: (field: string) => string = (f) => f,
): Conflict<TDto> | null {
  if (!current || typeof current !== 'object') return null;
  const dto = current[entityKey] as TDto | undefined;
  if (!dto || typeof dto !== 'object') return null;
  const changedFields = Array.isArray(current.changedFields) ? current.changedFields : [];
  const labels = current.changedFieldLabels;
  return {
    dto,
    entity: current.entity ?? null,
    changedFields,
    changedFieldLabels:
      Array.isArray(labels) && labels.length === changedFields.length ? labels : changedFields.map((f) => label(f)),
    baseVersion: typeof current.baseVersion === 'number' ? current.baseVersion : null,
    version: typeof current.version === 'number' ? current.version : dto.version,
    changedBy: current.changedBy ?? null,
    changedAt: current.changedAt ?? null,
  };
}

/** One line of the conflict panel. */
export interface ConflictRow {
  field: string;
  label: string;
  mine: string;
  theirs: string;
  /** The person changed this field since the base version (and differs from the saved value). */
  mineChanged: boolean;
  /** False for fields the form does not edit: reported only, the saved value wins. */
  editable: boolean;
}

export interface ConflictPlan<V> {
  theirs: V;
  rows: ConflictRow[];
  /** Default choice per field: keep what the person changed, take the rest. */
  choices: Record<string, ConflictChoice>;
}

/** The panel's content for a conflict, from the form's values, its base values and the saved DTO. */
export function planConflict<V, TDto extends { version: number }>(
  adapter: ConflictAdapter<V, TDto>,
  conflict: Conflict<TDto>,
  mine: V,
  base: V,
): ConflictPlan<V> {
  const theirs = adapter.valuesFrom(conflict.dto);
  const choices: Record<string, ConflictChoice> = {};
  const rows = conflict.changedFields.map((field, i): ConflictRow => {
    const editable = adapter.editable ? adapter.editable(field) : true;
    const mineValue = adapter.compare(mine, field);
    const mineChanged =
      editable && !sameValue(mineValue, adapter.compare(base, field)) && !sameValue(mineValue, adapter.compare(theirs, field));
    choices[field] = mineChanged ? 'mine' : 'theirs';
    return {
      field,
      label: conflict.changedFieldLabels[i] ?? adapter.label(field),
      mine: adapter.display(mine, field),
      theirs: adapter.display(theirs, field),
      mineChanged,
      editable,
    };
  });
  return { theirs, rows, choices };
}

/** The values to resubmit: each changed field from the chosen side, everything else as typed. */
export function resolveConflict<V, TDto>(
  adapter: ConflictAdapter<V, TDto>,
  plan: ConflictPlan<V>,
  mine: V,
  choices: Record<string, ConflictChoice> = plan.choices,
): { values: V; kept: string[]; adopted: string[] } {
  let values = mine;
  const kept: string[] = [];
  const adopted: string[] = [];
  for (const row of plan.rows) {
    if (!row.editable) continue;
    if ((choices[row.field] ?? plan.choices[row.field]) === 'mine') kept.push(row.field);
    else {
      values = adapter.adopt(values, plan.theirs, row.field);
      adopted.push(row.field);
    }
  }
  return { values, kept, adopted };
}

/** "par Camille Martin le 2 décembre 2026 à 10:15" style attribution, when the conflict names it. */
export function conflictAuthor(conflict: Pick<Conflict<unknown>, 'changedBy' | 'changedAt'>): string | null {
  if (!conflict.changedBy && !conflict.changedAt) return null;
  const who = conflict.changedBy ?? 'un autre utilisateur';
  if (!conflict.changedAt) return `par ${who}`;
  const at = new Date(conflict.changedAt);
  if (Number.isNaN(at.getTime())) return `par ${who}`;
  const when = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(at);
  return `par ${who} le ${when}`;
}
