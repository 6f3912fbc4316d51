// Recording regional committees: authorization, linked-action checks, optimistic
// concurrency and audit in one place.
import { db, type Tx } from '@/lib/db';
import { invalid, notFound } from '@/lib/errors';
import { authorize, territoryWhere, type Actor } from '@/lib/authz/policy';
import { recordAudit } from '@/lib/audit/audit';
import { versionedEntity, versionedWrite } from '@/lib/versioning';
import { parseInput } from '@/lib/validation';
import {
  COMMITTEE_ENTITY,
  committeeRegion,
  committeeWhere,
  dayOf,
  getCommittee,
  isoDay,
  attendeesOf,
  type CommitteeDto,
} from './queries';
import { committeeCreateSchema, committeeUpdateSchema } from './schemas';

/** What the audit trail records of a committee (and what an edit is compared on). */
interface Snapshot {
  title: string;
  date: string;
  attendees: string[];
  decisions: string;
  actionIds: string[];
}

type SnapshotField = keyof Snapshot;
const SNAPSHOT_FIELDS: readonly SnapshotField[] = ['title', 'date', 'attendees', 'decisions', 'actionIds'];

export const COMMITTEE_FIELD_LABELS: Record<SnapshotField, string> = {
  title: 'Titre',
  date: 'Date',
  attendees: 'Participants',
  decisions: 'Décisions',
  actionIds: 'Actions examinées',
};

async function snapshot(tx: Tx, id: string): Promise<Snapshot> {
  const row = await tx.regionalCommittee.findUniqueOrThrow({
    where: { id },
    select: { title: true, date: true, attendees: true, decisions: true, actions: { select: { actionId: true } } },
  });
  return {
    title: row.title,
    date: isoDay(row.date),
    attendees: attendeesOf(row.attendees),
    decisions: row.decisions,
    actionIds: row.actions.map((a) => a.actionId).sort(),
  };
}

function changedFields(before: Snapshot, after: Snapshot): SnapshotField[] {
  return SNAPSHOT_FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
}

/**
 * Checks that every newly linked action may be discussed by a committee of the region:
 * it exists, its territory is in the region and in the actor's scope, and it is in the
 * working plan. Links that already exist are kept as they are, even if the action was
 * archived or its territory left the region since.
 */
async function checkLinkableActions(
  tx: Tx,
  actor: Actor,
  regionCode: string,
  requested: readonly string[],
  alreadyLinked: ReadonlySet<string> = new Set(),
): Promise<void> {
  const ids = requested.filter((id) => !alreadyLinked.has(id));
  if (!ids.length) return;
  const rows = await tx.action.findMany({
    where: { id: { in: [...ids] }, territory: { AND: [territoryWhere(actor), { regionCodes: { has: regionCode } }] } },
    select: { id: true, number: true, archivedAt: true, territory: { select: { name: true } } },
  });
  const found = new Map(rows.map((r) => [r.id, r]));
  const messages: string[] = [];
  const unknown = ids.filter((id) => !found.has(id));
  if (unknown.length) {
    messages.push(
      unknown.length === 1
        ? `Action introuvable ou hors des territoires de la région : ${unknown.join(', ')}.`
        : `${unknown.length} actions introuvables ou hors des territoires de la région : ${unknown.join(', ')}.`,
    );
  }
  for (const id of ids) {
    const row = found.get(id);
    if (row?.archivedAt) {
      messages.push(`L'action FA-${row.number} (${row.territory.name}) est archivée : elle ne peut plus être liée à un comité.`);
    }
  }
  if (messages.length) throw invalid({ actionIds: messages });
}

/**
 * Records a committee of the region. National staff or the region's copilots only:
 * 404 for whoever may not see the region's committees, 403 for the others.
 */
export async function createCommittee(actor: Actor, regionCode: string, input: unknown): Promise<CommitteeDto> {
  await committeeRegion(actor, regionCode);
  authorize(actor, 'committee:record', { regionCode });
  const data = parseInput(committeeCreateSchema, input);
  const id = await db.$transaction(async (tx) => {
    await checkLinkableActions(tx, actor, regionCode, data.actionIds);
    const created = await tx.regionalCommittee.create({
      data: {
        regionCode,
        date: dayOf(data.date),
        title: data.title,
        attendees: data.attendees.join('\n'),
        decisions: data.decisions,
        createdById: actor.id,
      },
      select: { id: true },
    });
    if (data.actionIds.length) {
      await tx.committeeAction.createMany({ data: data.actionIds.map((actionId) => ({ committeeId: created.id, actionId })) });
    }
    await recordAudit(tx, {
      actor,
      entityType: COMMITTEE_ENTITY,
      entityId: created.id,
      operation: 'create',
      entityVersion: 1,
      before: null,
      after: await snapshot(tx, created.id),
    });
    return created.id;
  });
  return getCommittee(actor, id);
}

/** How a committee is versioned (ADR 0021): a real version column, its tracked fields and labels. */
export const COMMITTEE_VERSIONING = versionedEntity({
  entity: COMMITTEE_ENTITY,
  key: 'committee',
  fields: SNAPSHOT_FIELDS,
  labels: COMMITTEE_FIELD_LABELS,
  wording: { subject: 'Ce comité', feminine: false },
  what: 'Comité',
});

/**
 * Updates a committee; `version` must be the one the edit was based on. `actionIds`,
 * when given, replaces the set of linked actions.
 */
export async function updateCommittee(actor: Actor, id: string, input: unknown): Promise<CommitteeDto> {
  const row = await db.regionalCommittee.findFirst({ where: { AND: [{ id }, committeeWhere(actor)] }, select: { regionCode: true } });
  if (!row) throw notFound('Comité');
  authorize(actor, 'committee:record', { regionCode: row.regionCode });
  const { version: baseVersion, ...data } = parseInput(committeeUpdateSchema, input);
  await versionedWrite(COMMITTEE_VERSIONING, {
    actor,
    id,
    baseVersion,
    operation: 'update',
    snapshot: (tx) => snapshot(tx, id),
    diff: changedFields,
    current: () => getCommittee(actor, id),
    write: async (tx, before) => {
      if (data.actionIds) {
        await checkLinkableActions(tx, actor, row.regionCode, data.actionIds, new Set(before.actionIds));
        // The set replaced is the one the actor can see: links to actions out of their
        // scope (a territory that left the region since) are not theirs to drop.
        await tx.committeeAction.deleteMany({
          where: { committeeId: id, actionId: { notIn: data.actionIds }, action: { territory: territoryWhere(actor) } },
        });
        await tx.committeeAction.createMany({
          data: data.actionIds.map((actionId) => ({ committeeId: id, actionId })),
          skipDuplicates: true,
        });
      }
      await tx.regionalCommittee.update({
        where: { id },
        data: {
          ...(data.title !== undefined && { title: data.title }),
          ...(data.date !== undefined && { date: dayOf(data.date) }),
          ...(data.attendees !== undefined && { attendees: data.attendees.join('\n') }),
          ...(data.decisions !== undefined && { decisions: data.decisions }),
        },
      });
    },
  });
  return getCommittee(actor, id);
}
