// Writing commitments: authorization, optimistic concurrency and audit in one place.
//
// - national staff (`commitment:manage`) record commitments, edit them and link them to
//   the actions they fund;
// - national staff and the operator's own staff (`commitment:update-delivery`) update
//   delivery (delivered quantity, status).
// Out of the actor's read scope → NOT_FOUND; readable but not allowed → FORBIDDEN.
// Every write carries the `version` it was based on; the check is in the UPDATE itself
// (`updateMany where { id, version }`, lib/versioning, ADR 0021), and a stale version gets
// the one CONFLICT naming the fields changed since and who changed them. Each write appends an audit row
// (entityType "Commitment") in its transaction, without a territoryId: commitment changes
// are not part of a territory's plan activity feed (which reads audit rows by territory).
import { db, type Tx } from '@/lib/db';
import { forbidden, invalid } from '@/lib/errors';
import { authorize, can, NATIONAL_ROLES, territoryWhere, type Actor } from '@/lib/authz/policy';
import { recordAudit } from '@/lib/audit/audit';
import { formatDate } from '@/lib/labels';
import { versionedEntity, versionedWrite } from '@/lib/versioning';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Axis, CommitmentScope, CommitmentStatus } from '@/lib/generated/prisma/enums';
import { parseInput } from '@/lib/validation';
import { queueNotificationMails } from '@/lib/mail/notification-mails';
import {
  actionPlaceWhere,
  dayOf,
  findVisibleCommitment,
  getCommitment,
  isoDay,
  type CommitmentDto,
} from './queries';
import { COMMITMENT_FIELD_LABELS, type CommitmentField } from './labels';
import { isLate, parisDay } from './rules';
import {
  commitmentActionsSchema,
  commitmentCreateSchema,
  commitmentUpdateSchema,
  deliveryUpdateSchema,
  unlinkActionSchema,
} from './schemas';

/** What the audit trail records of a commitment (and what an edit is compared on). */
interface Snapshot {
  operator: string;
  title: string;
  description: string;
  axis: Axis | null;
  scope: CommitmentScope;
  regionCode: string | null;
  territory: string | null;
  unit: string;
  promised: number;
  delivered: number;
  dueDate: string | null;
  status: CommitmentStatus;
  actionIds: string[];
}

const SNAPSHOT_FIELDS = Object.keys(COMMITMENT_FIELD_LABELS) as CommitmentField[];

async function snapshot(tx: Tx, id: string): Promise<Snapshot> {
  const row = await tx.commitment.findUniqueOrThrow({
    where: { id },
    select: {
      title: true,
      description: true,
      axis: true,
      scope: true,
      regionCode: true,
      unit: true,
      promised: true,
      delivered: true,
      dueDate: true,
      status: true,
      operator: { select: { slug: true } },
      territory: { select: { slug: true } },
      actions: { select: { actionId: true } },
    },
  });
  return {
    operator: row.operator.slug,
    title: row.title,
    description: row.description,
    axis: row.axis,
    scope: row.scope,
    regionCode: row.regionCode,
    territory: row.territory?.slug ?? null,
    unit: row.unit,
    promised: row.promised.toNumber(),
    delivered: row.delivered.toNumber(),
    dueDate: isoDay(row.dueDate),
    status: row.status,
    actionIds: row.actions.map((a) => a.actionId).sort(),
  };
}

const changedFields = (before: Snapshot, after: Snapshot) =>
  SNAPSHOT_FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));

/* ------------------------------------------------------------------ references */

async function operatorId(tx: Tx, slug: string): Promise<string> {
  const row = await tx.operator.findUnique({ where: { slug }, select: { id: true } });
  if (!row) throw invalid({ operator: [`Opérateur inconnu : ${slug}.`] });
  return row.id;
}

async function checkRegion(tx: Tx, code: string): Promise<void> {
  const row = await tx.region.findUnique({ where: { code }, select: { code: true } });
  if (!row) throw invalid({ regionCode: [`Région inconnue : ${code}.`] });
}

async function territoryId(tx: Tx, actor: Actor, slug: string): Promise<string> {
  const row = await tx.territory.findFirst({ where: { AND: [{ slug }, territoryWhere(actor)] }, select: { id: true } });
  if (!row) throw invalid({ territory: [`Territoire inconnu : ${slug}.`] });
  return row.id;
}

/** The location columns for a scope (the schema has checked that the right one is given). */
async function locationData(
  tx: Tx,
  actor: Actor,
  v: { scope: CommitmentScope; regionCode?: string | null; territory?: string | null },
): Promise<{ scope: CommitmentScope; regionCode: string | null; territoryId: string | null }> {
  if (v.scope === 'REGION' && v.regionCode) {
    await checkRegion(tx, v.regionCode);
    return { scope: v.scope, regionCode: v.regionCode, territoryId: null };
  }
  if (v.scope === 'TERRITORY' && v.territory) {
    return { scope: v.scope, regionCode: null, territoryId: await territoryId(tx, actor, v.territory) };
  }
  return { scope: 'NATIONAL', regionCode: null, territoryId: null };
}

/* ------------------------------------------------------------------ create */

/** Records an operator's commitment (national staff). */
export async function createCommitment(actor: Actor, input: unknown): Promise<CommitmentDto> {
  authorize(actor, 'commitment:manage', null);
  const data = parseInput(commitmentCreateSchema, input);
  const id = await db.$transaction(async (tx) => {
    const created = await tx.commitment.create({
      data: {
        operatorId: await operatorId(tx, data.operator),
        ...(await locationData(tx, actor, data)),
        title: data.title,
        description: data.description,
        axis: data.axis,
        unit: data.unit,
        promised: data.promised,
        dueDate: data.dueDate ? dayOf(data.dueDate) : null,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor,
      entityType: 'Commitment',
      entityId: created.id,
      operation: 'create',
      entityVersion: 1,
      before: null,
      after: await snapshot(tx, created.id),
    });
    return created.id;
  });
  return getCommitment(actor, id);
}

/* ------------------------------------------------------------------ guarded writes */

/** How a commitment is versioned (ADR 0021): its tracked fields, in form order, and their labels. */
export const COMMITMENT_VERSIONING = versionedEntity({
  entity: 'Commitment',
  key: 'commitment',
  fields: SNAPSHOT_FIELDS,
  labels: COMMITMENT_FIELD_LABELS,
  wording: { subject: 'Cet engagement', feminine: false },
  what: 'Engagement',
});

/**
 * Bumps the version if it is still `baseVersion` (and the row still matches `guard`),
 * applies `write`, audits the changed fields (lib/versioning). A write that changes
 * nothing is rolled back (no new version, no audit row).
 */
async function guardedWrite(
  actor: Actor,
  id: string,
  baseVersion: number,
  operation: string,
  write: (tx: Tx, before: Snapshot) => Promise<void>,
  guard: Prisma.CommitmentWhereInput = {},
): Promise<CommitmentDto> {
  await versionedWrite(COMMITMENT_VERSIONING, {
    actor,
    id,
    baseVersion,
    operation,
    bump: async (tx, base) =>
      (await tx.commitment.updateMany({ where: { AND: [{ id, version: base }, guard] }, data: { version: { increment: 1 } } })).count > 0,
    snapshot: (tx) => snapshot(tx, id),
    write,
    diff: changedFields,
    current: () => getCommitment(actor, id),
  });
  return getCommitment(actor, id);
}

/* ------------------------------------------------------------------ edit, delivery */

/** Edits what was committed (national staff); `version` must be the one the edit was based on. */
export async function updateCommitment(actor: Actor, id: string, input: unknown): Promise<CommitmentDto> {
  await findVisibleCommitment(actor, id);
  authorize(actor, 'commitment:manage', null);
  const { version, ...data } = parseInput(commitmentUpdateSchema, input);
  return guardedWrite(actor, id, version, 'update', async (tx) => {
    await tx.commitment.update({
      where: { id },
      data: {
        ...(data.operator !== undefined && { operatorId: await operatorId(tx, data.operator) }),
        ...(data.scope !== undefined && (await locationData(tx, actor, { ...data, scope: data.scope }))),
        ...(data.title !== undefined && { title: data.title }),
        ...(data.description !== undefined && { description: data.description }),
        ...(data.axis !== undefined && { axis: data.axis }),
        ...(data.unit !== undefined && { unit: data.unit }),
        ...(data.promised !== undefined && { promised: data.promised }),
        ...(data.dueDate !== undefined && { dueDate: data.dueDate ? dayOf(data.dueDate) : null }),
      },
    });
  });
}

/** Delivered quantity and status: national staff, or staff of the commitment's operator. */
export async function updateDelivery(actor: Actor, id: string, input: unknown): Promise<CommitmentDto> {
  const c = await findVisibleCommitment(actor, id);
  authorize(actor, 'commitment:update-delivery', { operatorId: c.operatorId });
  const { version, ...data } = parseInput(deliveryUpdateSchema, input);
  // Cancelling silences the late alerts: never the operator's own call (ADR 0012).
  if (data.status === 'CANCELLED' && c.status !== 'CANCELLED' && !can(actor, 'commitment:cancel', null)) {
    throw forbidden('Seule l’équipe nationale peut annuler un engagement. Indiquez plutôt son état réel (en retard, en cours…).');
  }
  return guardedWrite(
    actor,
    id,
    version,
    'delivery',
    async (tx) => {
      await tx.commitment.update({
        where: { id },
        data: {
          ...(data.delivered !== undefined && { delivered: data.delivered }),
          ...(data.status !== undefined && { status: data.status }),
        },
      });
    },
    // The permission was checked for this operator: if the commitment moved to another
    // operator meanwhile, the write must not go through.
    { operatorId: c.operatorId },
  );
}

/* ------------------------------------------------------------------ funded actions */

/**
 * Checks the actions newly linked to a commitment: each exists, is readable by the actor,
 * lies where the commitment applies (its region's territories, its territory) and is in
 * the working plan (not archived). Existing links are kept as they are.
 */
async function checkLinkable(
  tx: Tx,
  actor: Actor,
  c: { scope: CommitmentScope; regionCode: string | null; territoryId: string | null },
  ids: readonly string[],
): Promise<void> {
  if (!ids.length) return;
  const rows = await tx.action.findMany({
    where: { AND: [{ id: { in: [...ids] } }, { territory: territoryWhere(actor) }, actionPlaceWhere(c)] },
    select: { id: true, number: true, archivedAt: true, territory: { select: { name: true } } },
  });
  const found = new Map(rows.map((r) => [r.id, r]));
  const messages: string[] = [];
  const unknown = ids.filter((id) => !found.has(id));
  const where =
    c.scope === 'REGION' ? 'hors des territoires de la région de l’engagement' : c.scope === 'TERRITORY' ? 'hors du territoire de l’engagement' : 'hors de votre périmètre';
  if (unknown.length) {
    messages.push(
      unknown.length === 1
        ? `Action introuvable ou ${where} : ${unknown.join(', ')}.`
        : `${unknown.length} actions introuvables ou ${where} : ${unknown.join(', ')}.`,
    );
  }
  for (const row of rows) {
    if (row.archivedAt) messages.push(`L'action FA-${row.number} (${row.territory.name}) est archivée : elle ne peut plus être liée à un engagement.`);
  }
  if (messages.length) throw invalid({ actionIds: messages });
}

/**
 * Replaces the set of actions the commitment funds (national staff). Links to actions the
 * actor cannot read are not theirs to drop and are kept.
 */
export async function linkActions(actor: Actor, id: string, input: unknown): Promise<CommitmentDto> {
  await findVisibleCommitment(actor, id);
  authorize(actor, 'commitment:manage', null);
  const { version, actionIds } = parseInput(commitmentActionsSchema, input);
  return guardedWrite(actor, id, version, 'link', async (tx, before) => {
    // Where the commitment applies as of this transaction (it may have moved meanwhile).
    const current = await tx.commitment.findUniqueOrThrow({ where: { id }, select: { scope: true, regionCode: true, territoryId: true } });
    const existing = new Set(before.actionIds);
    await checkLinkable(
      tx,
      actor,
      current,
      actionIds.filter((a) => !existing.has(a)),
    );
    await tx.commitmentAction.deleteMany({
      where: { commitmentId: id, actionId: { notIn: actionIds }, action: { territory: territoryWhere(actor) } },
    });
    if (actionIds.length) {
      await tx.commitmentAction.createMany({ data: actionIds.map((actionId) => ({ commitmentId: id, actionId })), skipDuplicates: true });
    }
  });
}

/** Removes one funded action (national staff). Removing a link that does not exist changes nothing. */
export async function unlinkAction(actor: Actor, id: string, input: unknown): Promise<CommitmentDto> {
  await findVisibleCommitment(actor, id);
  authorize(actor, 'commitment:manage', null);
  const { version, actionId } = parseInput(unlinkActionSchema, input);
  return guardedWrite(actor, id, version, 'unlink', async (tx) => {
    await tx.commitmentAction.deleteMany({ where: { commitmentId: id, actionId, action: { territory: territoryWhere(actor) } } });
  });
}

/* ------------------------------------------------------------------ overdue notifications */

export interface OverdueRun {
  /** Commitments late at `now`. */
  overdue: number;
  /** Notifications created by this run. */
  created: number;
}

export const OVERDUE_KIND = 'COMMITMENT_OVERDUE';
export const commitmentLink = (id: string) => `/engagements/${id}`;

// Two runs at once (a cron overlapping a manual run) queue on this lock, so the second
// sees the first one's notifications and creates none.
const OVERDUE_LOCK = 727_275_001;

/**
 * One COMMITMENT_OVERDUE notification per late commitment (see ./rules.ts) for every
 * active national staff member and every active staff member of the commitment's
 * operator. Idempotent: a user who already has an overdue notification with the
 * commitment's link gets no other. Runs as the system (no acting user); notifications
 * are not audited, like the workflow notifications.
 */
export async function notifyOverdueCommitments(now: Date = new Date()): Promise<OverdueRun> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`select pg_advisory_xact_lock(${OVERDUE_LOCK}::bigint)`;
      const candidates = await tx.commitment.findMany({
        where: { dueDate: { lt: dayOf(parisDay(now)) }, status: { notIn: ['DELIVERED', 'CANCELLED'] } },
        select: {
          id: true,
          title: true,
          operatorId: true,
          promised: true,
          delivered: true,
          dueDate: true,
          status: true,
          createdAt: true,
          operator: { select: { name: true } },
        },
      });
      const overdue = candidates.filter((c) =>
        isLate({ promised: c.promised.toNumber(), delivered: c.delivered.toNumber(), dueDate: isoDay(c.dueDate), status: c.status, createdAt: c.createdAt }, now),
      );
      if (!overdue.length) return { overdue: 0, created: 0 };
      // One connection in a transaction: queries run one after the other.
      const members = await tx.membership.findMany({
        where: {
          user: { active: true },
          OR: [
            { role: { in: [...NATIONAL_ROLES] } },
            { role: 'OPERATOR_STAFF', operatorId: { in: [...new Set(overdue.map((c) => c.operatorId))] } },
          ],
        },
        select: { userId: true, role: true, operatorId: true },
      });
      const existing = await tx.notification.findMany({
        where: { kind: OVERDUE_KIND, link: { in: overdue.map((c) => commitmentLink(c.id)) } },
        select: { userId: true, link: true },
      });
      const already = new Set(existing.map((n) => `${n.userId} ${n.link}`));
      const national = new Set(members.filter((m) => NATIONAL_ROLES.includes(m.role)).map((m) => m.userId));
      const data: { userId: string; kind: string; title: string; link: string }[] = [];
      for (const c of overdue) {
        const link = commitmentLink(c.id);
        const staff = members.filter((m) => m.role === 'OPERATOR_STAFF' && m.operatorId === c.operatorId).map((m) => m.userId);
        const title = `Engagement en retard : « ${c.title} » (${c.operator.name}), échéance du ${formatDate(c.dueDate)} dépassée.`;
        for (const userId of new Set([...national, ...staff])) {
          if (!already.has(`${userId} ${link}`)) data.push({ userId, kind: OVERDUE_KIND, title, link });
        }
      }
      if (data.length) {
        const rows = data.map((d) => ({ ...d, category: 'COMMITMENT_OVERDUE' as const }));
        await tx.notification.createMany({ data: rows });
        await queueNotificationMails(tx, rows);
      }
      return { overdue: overdue.length, created: data.length };
    },
    { timeout: 60_000 },
  );
}
