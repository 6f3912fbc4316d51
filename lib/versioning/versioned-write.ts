// One versioned write for every editable entity (ADR 0021): actions, commitments,
// committees, and the administration of users, territories and operators.
//
// In one transaction: the version is bumped only if it is still the base version the
// edit was based on (`UPDATE … SET version = version + 1 WHERE id = $id AND version =
// $base`, which also locks the row until commit); the state before is read, the write
// applied, the state after read; a write that changes no tracked field is rolled back
// (no new version, no audit row); otherwise one audit row records the changed fields
// with the new version. A stale base version is refused with the one conflict shape
// (./conflict.ts), built from the audit rows written since that version.
import { db, type Tx } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { recordAudit } from '@/lib/audit/audit';
import type { Actor } from '@/lib/authz/policy';
import { notFound } from '@/lib/errors';
import { conflictSince, type VersionedEntity } from './conflict';

export type { VersionedEntity } from './conflict';

/** Thrown inside the transaction to roll it back. */
class StaleVersion extends Error {}
class NoChange extends Error {}
class Missing extends Error {}

/** Which changed, before and after (the snapshots, whole). */
export interface WriteOutcome<S, F extends string> {
  changed: boolean;
  /** The entity's version after the write (unchanged when nothing changed). */
  version: number;
  fields: F[];
  before: S;
  after: S;
}

export interface VersionedWrite<S, F extends string, D> {
  actor: Actor;
  id: string;
  /**
   * The version the edit was based on. `null` means "the current version": only for
   * trusted server code that has no base version to offer (a shortcut such as
   * `deactivateUser`), never for a client's input: the API routes and the server
   * actions require one (ADR 0021).
   */
  baseVersion: number | null;
  operation: string | ((fields: F[], before: S, after: S) => string);
  /** The audit row's territory (activity feeds read audit rows by territory). */
  territoryId?: string | null;
  /** The tracked state of the entity, read twice in the transaction. */
  snapshot: (tx: Tx) => Promise<S>;
  /** The write itself; throwing (e.g. `invalid(...)`) rolls everything back. */
  write: (tx: Tx, before: S) => Promise<void>;
  /** The changed fields, in form order (default: every tracked field whose JSON differs). */
  diff?: (before: S, after: S) => F[];
  /** What the audit row holds (default: the changed fields of both snapshots). */
  audit?: (before: S, after: S, fields: F[]) => { before: unknown; after: unknown };
  /** The version guard; default `UPDATE "<entity>" SET version = version + 1 WHERE id AND version = base`. */
  bump?: (tx: Tx, baseVersion: number) => Promise<boolean>;
  /** Side effects of a real change, in the same transaction (e.g. revoking sessions). */
  afterChange?: (tx: Tx, outcome: WriteOutcome<S, F>) => Promise<void>;
  /** The current DTO, for the conflict's `current.<key>` (read by the actor). */
  current: () => Promise<D>;
  transaction?: { timeout?: number };
}

const table = (spec: VersionedEntity<string>) => Prisma.raw(`"${spec.entity}"`);

async function defaultBump(tx: Tx, spec: VersionedEntity<string>, id: string, baseVersion: number): Promise<boolean> {
  const count = await tx.$executeRaw`update ${table(spec)} set "version" = "version" + 1 where "id" = ${id} and "version" = ${baseVersion}`;
  return count > 0;
}

/** Locks the row and reads its version (for a write without base version). */
async function lockVersion(tx: Tx, spec: VersionedEntity<string>, id: string): Promise<number> {
  const rows = await tx.$queryRaw<{ version: number }[]>`select "version" from ${table(spec)} where "id" = ${id} for update`;
  if (!rows[0]) throw new Missing();
  return rows[0].version;
}

const jsonDiff =
  <S, F extends string>(fields: readonly F[]) =>
  (before: S, after: S): F[] =>
    fields.filter((f) => JSON.stringify((before as Record<string, unknown>)[f]) !== JSON.stringify((after as Record<string, unknown>)[f]));

const pick = <S>(s: S, fields: readonly string[]) => Object.fromEntries(fields.map((f) => [f, (s as Record<string, unknown>)[f]]));

/**
 * Applies one versioned, audited write (see the file comment). Returns what changed;
 * throws the one CONFLICT (409) when `baseVersion` is stale, NOT_FOUND when the row is gone.
 */
export async function versionedWrite<S, F extends string, D extends { version: number }>(
  spec: VersionedEntity<F>,
  w: VersionedWrite<S, F, D>,
): Promise<WriteOutcome<S, F>> {
  const held: { unchanged?: WriteOutcome<S, F> } = {};
  try {
    return await db.$transaction(async (tx) => {
      const base = w.baseVersion ?? (await lockVersion(tx, spec, w.id));
      // The guard is in the UPDATE itself: a writer that got there first makes it match
      // nothing, and nothing is overwritten. The row stays locked until commit, so the
      // state read next is the one this write is based on.
      const bumped = w.bump ? await w.bump(tx, base) : await defaultBump(tx, spec, w.id, base);
      if (!bumped) throw new StaleVersion();
      const version = base + 1;
      const before = await w.snapshot(tx);
      await w.write(tx, before);
      const after = await w.snapshot(tx);
      const fields = (w.diff ?? jsonDiff<S, F>(spec.fields))(before, after);
      if (!fields.length) {
        held.unchanged = { changed: false, version: base, fields, before, after: before };
        throw new NoChange();
      }
      const audit = w.audit ? w.audit(before, after, fields) : { before: pick(before, fields), after: pick(after, fields) };
      await recordAudit(tx, {
        actor: w.actor,
        entityType: spec.entity,
        entityId: w.id,
        operation: typeof w.operation === 'function' ? w.operation(fields, before, after) : w.operation,
        territoryId: w.territoryId ?? null,
        entityVersion: version,
        before: audit.before,
        after: audit.after,
      });
      const outcome = { changed: true, version, fields, before, after };
      await w.afterChange?.(tx, outcome);
      return outcome;
    }, w.transaction);
  } catch (error) {
    if (error instanceof NoChange && held.unchanged) return held.unchanged;
    if (error instanceof Missing) throw notFound(spec.what);
    if (error instanceof StaleVersion) {
      // Gone meanwhile, or really stale.
      const exists = await db.$queryRaw<{ id: string }[]>`select "id" from ${table(spec)} where "id" = ${w.id}`;
      if (!exists.length) throw notFound(spec.what);
      throw await conflictSince(spec, w.id, w.baseVersion ?? 0, await w.current());
    }
    throw error;
  }
}
