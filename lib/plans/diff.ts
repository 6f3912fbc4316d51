// Comparing two frozen versions of a plan: what was added, removed, changed (field by field).
import type { ActionDto } from '@/lib/actions/dto';
import { diffActions, FIELD_LABELS, type TrackedField } from '@/lib/actions/fields';

export interface PlanSnapshot {
  territory: { slug: string; name: string };
  actions: ActionDto[];
}

export interface ActionRef {
  id: string;
  reference: string;
  title: string;
}

export interface FieldChange {
  field: TrackedField;
  label: string;
  before: unknown;
  after: unknown;
}

export interface PlanDiff {
  added: ActionRef[];
  removed: ActionRef[];
  changed: { action: ActionRef; changes: FieldChange[] }[];
  unchanged: number;
}

const ref = (a: ActionDto): ActionRef => ({ id: a.id, reference: a.reference, title: a.title });

export function compareSnapshots(from: PlanSnapshot, to: PlanSnapshot): PlanDiff {
  const before = new Map(from.actions.map((a) => [a.id, a]));
  const after = new Map(to.actions.map((a) => [a.id, a]));
  const diff: PlanDiff = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const a of to.actions) {
    const old = before.get(a.id);
    if (!old) {
      diff.added.push(ref(a));
      continue;
    }
    const changes = diffActions(old, a).map((c) => ({ ...c, label: FIELD_LABELS[c.field] }));
    if (changes.length) diff.changed.push({ action: ref(a), changes });
    else diff.unchanged += 1;
  }
  for (const a of from.actions) if (!after.has(a.id)) diff.removed.push(ref(a));
  return diff;
}
