// The one 409 shape of a stale write (ADR 0021), built in one place from the audit log:
//
//   409 { error: 'CONFLICT', message, current: { <key>: dto, entity, changedFields,
//         changedFieldLabels, baseVersion, version, changedBy, changedAt } }
//
// `<key>` is `action`, `commitment`, `committee`, `user`, `territory` or `operator`;
// `changedFields` the tracked fields changed since `baseVersion`, in form order, and
// `changedFieldLabels` their French labels; `changedBy`/`changedAt` the last write's
// author and time (null when the audit log has none). Server actions return the same
// `current` object as their result's `conflict` (lib/action-result.ts).
import { db } from '@/lib/db';
import { conflict, type AppError } from '@/lib/errors';
import { formatDateTime } from '@/lib/labels';

export type VersionedEntityType = 'Action' | 'Commitment' | 'RegionalCommittee' | 'User' | 'Territory' | 'Operator';
export type VersionedEntityKey = 'action' | 'commitment' | 'committee' | 'user' | 'territory' | 'operator';

/** How an editable entity is versioned: its audit name (= table), key, tracked fields and their labels. */
export interface VersionedEntity<F extends string> {
  /** The model name: the table, the audit rows' entityType and `current.entity`. */
  entity: VersionedEntityType;
  /** The key of the DTO in `current`. */
  key: VersionedEntityKey;
  /** Tracked fields, in form order. */
  fields: readonly F[];
  labels: Readonly<Record<F, string>>;
  /** French wording: "Cette action a été modifiée … depuis que vous l’avez ouverte." */
  wording: { subject: string; feminine: boolean };
  /** For NOT_FOUND: "Action", "Utilisateur"… */
  what: string;
}

/** Declares an entity's versioning (typed fields and labels). */
export const versionedEntity = <F extends string>(spec: VersionedEntity<F>): VersionedEntity<F> => spec;

export interface ConflictInfo {
  entity: VersionedEntityType;
  changedFields: string[];
  changedFieldLabels: string[];
  baseVersion: number;
  version: number;
  changedBy: string | null;
  changedAt: string | null;
}

/** `current` of the one 409 body: the DTO under its key, and what changed since the base version. */
export type ConflictCurrent<K extends VersionedEntityKey = VersionedEntityKey, D = unknown> = { [key in K]: D } & ConflictInfo;

/** The changes since `baseVersion` as the audit log tells them: fields in form order, last author and time. */
export async function changesSince<F extends string>(
  spec: VersionedEntity<F>,
  id: string,
  baseVersion: number,
): Promise<{ fields: F[]; changedBy: string | null; changedAt: Date | null }> {
  const entries = await db.auditLog.findMany({
    where: { entityType: spec.entity, entityId: id, entityVersion: { gt: baseVersion } },
    orderBy: { id: 'asc' },
    select: { at: true, after: true, actor: { select: { name: true } } },
  });
  // In form order (jsonb does not keep the keys' order).
  const changed = new Set(entries.flatMap((e) => Object.keys((e.after as object | null) ?? {})));
  const last = entries.at(-1);
  return {
    fields: spec.fields.filter((f) => changed.has(f)),
    changedBy: last ? (last.actor?.name ?? null) : null,
    changedAt: last?.at ?? null,
  };
}

/** The message of a conflict: names the fields and the author. */
export function conflictMessage(
  spec: Pick<VersionedEntity<string>, 'wording'>,
  labels: readonly string[],
  changedBy: string | null,
  changedAt: Date | null,
): string {
  const e = spec.wording.feminine ? 'e' : '';
  const who = changedAt ? `par ${changedBy ?? 'un autre utilisateur'} le ${formatDateTime(changedAt)}` : 'entre-temps';
  const list = labels.length ? ` (champs modifiés : ${labels.join(', ')})` : '';
  return `${spec.wording.subject} a été modifié${e} ${who}${list} depuis que vous l'avez ouvert${e}. Vos modifications n'ont pas été enregistrées : reprenez-les sur la version à jour.`;
}

/** The one CONFLICT error of a stale base version, with `current` as documented above. */
export async function conflictSince<F extends string, D extends { version: number }>(
  spec: VersionedEntity<F>,
  id: string,
  baseVersion: number,
  current: D,
): Promise<AppError> {
  const { fields, changedBy, changedAt } = await changesSince(spec, id, baseVersion);
  const labels = fields.map((f) => spec.labels[f]);
  const info: ConflictInfo = {
    entity: spec.entity,
    changedFields: fields,
    changedFieldLabels: labels,
    baseVersion,
    version: current.version,
    changedBy,
    changedAt: changedAt?.toISOString() ?? null,
  };
  // The DTO first, under its key, then what changed.
  return conflict(conflictMessage(spec, labels, changedBy, changedAt), { [spec.key]: current, ...info });
}
