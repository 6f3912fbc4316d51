// Writing actions: authorization, optimistic concurrency and audit in one place.
import { db, type Tx } from '@/lib/db';
import { conflict, invalid, notFound } from '@/lib/errors';
import { authorize, territoryWhere, type Actor } from '@/lib/authz/policy';
import { recordAudit } from '@/lib/audit/audit';
import { versionedEntity, versionedWrite } from '@/lib/versioning';
import { getTerritoryRef } from '@/lib/territories/queries';
import {
  actionSelect,
  diffActions,
  FIELD_LABELS,
  toActionDto,
  TRACKED_FIELDS,
  type ActionDto,
  type TrackedField,
} from './dto';
import { columnData } from './fields';
import {
  actionCreateSchema,
  actionUpdateSchema,
  progressUpdateSchema,
  reorderSchema,
  versionField,
  type ActionCreateInput,
} from './schemas';
import { parisDay } from '@/lib/calendar';

type IndicatorInput = ActionCreateInput['indicators'][number];
import { z } from 'zod';
import { parseInput } from '@/lib/validation';


const day = (s: string | null | undefined) => (s ? new Date(`${s}T00:00:00Z`) : null);

async function operatorIds(tx: Tx, slugs: string[], field: string): Promise<Map<string, string>> {
  if (!slugs.length) return new Map();
  const rows = await tx.operator.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } });
  const map = new Map(rows.map((r) => [r.slug, r.id]));
  const unknown = slugs.filter((s) => !map.has(s));
  if (unknown.length) throw invalid({ [field]: [`Opérateur inconnu : ${unknown.join(', ')}.`] });
  return map;
}

async function loadDto(tx: Tx, id: string): Promise<ActionDto> {
  const row = await tx.action.findUniqueOrThrow({ where: { id }, select: actionSelect });
  return toActionDto(row);
}

type Children = Pick<ActionCreateInput, 'financing' | 'milestones' | 'indicators' | 'operators'>;

async function writeChildren(tx: Tx, actionId: string, input: Partial<Children>, replace: boolean): Promise<void> {
  if (input.operators) {
    const ids = await operatorIds(tx, input.operators, 'operators');
    if (replace) await tx.actionOperator.deleteMany({ where: { actionId } });
    if (ids.size) await tx.actionOperator.createMany({ data: [...ids.values()].map((operatorId) => ({ actionId, operatorId })) });
  }
  if (input.financing) {
    const slugs = input.financing.map((f) => f.operator).filter((s): s is string => !!s);
    const ids = await operatorIds(tx, [...new Set(slugs)], 'financing');
    if (replace) await tx.financingLine.deleteMany({ where: { actionId } });
    if (input.financing.length)
      await tx.financingLine.createMany({
        data: input.financing.map((f, i) => ({
          actionId,
          position: i + 1,
          financer: f.financer,
          operatorId: f.operator ? (ids.get(f.operator) ?? null) : null,
          amountCents: BigInt(f.amountCents),
          status: f.status,
        })),
      });
  }
  if (input.milestones) {
    if (replace) await tx.milestone.deleteMany({ where: { actionId } });
    if (input.milestones.length)
      await tx.milestone.createMany({
        data: input.milestones.map((m, i) => ({
          actionId,
          position: i + 1,
          title: m.title,
          dueDate: day(m.dueDate) as Date,
          doneAt: day(m.doneAt),
        })),
      });
  }
  if (input.indicators) await writeIndicators(tx, actionId, input.indicators, replace);
}

/** Today's calendar day in France, the date a value recorded "now" gets. */
const today = () => parisDay(new Date());

/** Sets `actual` to the latest dated value (null when the series is empty). */
async function syncActual(tx: Tx, indicatorId: string): Promise<void> {
  const last = await tx.indicatorValue.findFirst({ where: { indicatorId }, orderBy: { date: 'desc' }, select: { value: true } });
  await tx.indicator.update({ where: { id: indicatorId }, data: { actual: last?.value ?? null } });
}

async function upsertValue(tx: Tx, indicatorId: string, date: string, value: number, comment: string): Promise<void> {
  await tx.indicatorValue.upsert({
    where: { indicatorId_date: { indicatorId, date: day(date) as Date } },
    create: { indicatorId, date: day(date) as Date, value, comment },
    update: { value, comment },
  });
}

/**
 * Rewrites an action's indicators while keeping each one's dated series: an input
 * indicator is matched to an existing one by id, else by name, and updated in place.
 * `values`, when given, replace the series; otherwise a changed `actual` becomes
 * today's point. `actual` always ends up as the latest value.
 */
async function writeIndicators(tx: Tx, actionId: string, inputs: IndicatorInput[], replace: boolean): Promise<void> {
  const existing = replace
    ? await tx.indicator.findMany({ where: { actionId }, select: { id: true, name: true, actual: true } })
    : [];
  const unmatched = new Map(existing.map((e) => [e.id, e]));
  for (const [i, ind] of inputs.entries()) {
    const match =
      (ind.id ? unmatched.get(ind.id) : undefined) ?? [...unmatched.values()].find((e) => e.name.trim() === ind.name.trim());
    const fields = { position: i + 1, name: ind.name, kind: ind.kind, unit: ind.unit, target: ind.target ?? null };
    let indicatorId: string;
    let previous: number | null = null;
    if (match) {
      unmatched.delete(match.id);
      indicatorId = match.id;
      previous = match.actual === null ? null : match.actual.toNumber();
      await tx.indicator.update({ where: { id: indicatorId }, data: fields });
    } else {
      indicatorId = (await tx.indicator.create({ data: { actionId, ...fields }, select: { id: true } })).id;
    }
    if (ind.values) {
      if (ind.values.some((v) => v.date > today())) throw invalid({ indicators: ['La date d’une valeur ne peut pas être dans le futur.'] });
      await tx.indicatorValue.deleteMany({ where: { indicatorId } });
      if (ind.values.length)
        await tx.indicatorValue.createMany({
          data: ind.values.map((v) => ({ indicatorId, date: day(v.date) as Date, value: v.value, comment: v.comment ?? '' })),
        });
    } else if (ind.actual !== undefined && ind.actual !== null && ind.actual !== previous) {
      await upsertValue(tx, indicatorId, today(), ind.actual, '');
    }
    await syncActual(tx, indicatorId);
  }
  if (unmatched.size) await tx.indicator.deleteMany({ where: { id: { in: [...unmatched.keys()] } } });
}

/** The scalar columns of an input, as the registry writes them. */
const scalarData = (input: Partial<ActionCreateInput>) => columnData(input);

const pick = (dto: ActionDto, fields: readonly TrackedField[]) =>
  Object.fromEntries(fields.map((f) => [f, dto[f]])) as Partial<ActionDto>;


/** Creates an action in the territory's plan. Only the territory's project lead may. */
export async function createAction(actor: Actor, slug: string, input: unknown): Promise<ActionDto> {
  const territory = await getTerritoryRef(actor, slug);
  authorize(actor, 'plan:edit', { territoryId: territory.id, regionCodes: territory.regionCodes, status: territory.status });
  const data = parseInput(actionCreateSchema, input);
  return db.$transaction(async (tx) => {
    const plan = await tx.actionPlan.upsert({
      where: { territoryId: territory.id },
      create: { territoryId: territory.id },
      update: {},
      select: { id: true },
    });
    // Serialises creations per plan, so numbers and positions never collide.
    await tx.$queryRaw`select id from "ActionPlan" where id = ${plan.id} for update`;
    const agg = await tx.action.aggregate({
      where: { territoryId: territory.id },
      _max: { number: true, position: true },
    });
    const at = { planId: plan.id, territoryId: territory.id, number: (agg._max.number ?? 0) + 1, position: (agg._max.position ?? 0) + 1 };
    return insertAction(tx, actor, at, data);
  });
}

/**
 * Inserts one validated action at the given number and position, writes its children and
 * audits its creation, in the caller's transaction (which holds the plan's lock). Shared by
 * the form and the plan-workbook import.
 */
export async function insertAction(
  tx: Tx,
  actor: Actor,
  at: { planId: string; territoryId: string; number: number; position: number },
  data: ActionCreateInput,
): Promise<ActionDto> {
  const created = await tx.action.create({
    data: { ...at, ...scalarData(data), title: data.title, createdById: actor.id, updatedById: actor.id },
    select: { id: true },
  });
  await writeChildren(tx, created.id, data, false);
  const dto = await loadDto(tx, created.id);
  await recordAudit(tx, {
    actor,
    entityType: 'Action',
    entityId: dto.id,
    operation: 'create',
    territoryId: at.territoryId,
    entityVersion: dto.version,
    before: null,
    after: pick(dto, TRACKED_FIELDS),
  });
  return dto;
}

async function loadForWrite(actor: Actor, id: string) {
  const row = await db.action.findFirst({
    where: { id, territory: territoryWhere(actor) },
    select: { id: true, territoryId: true, version: true, archivedAt: true, territory: { select: { regionCodes: true, status: true } } },
  });
  if (!row) throw notFound('Action');
  authorize(actor, 'plan:edit', { territoryId: row.territoryId, regionCodes: row.territory.regionCodes, status: row.territory.status });
  return row;
}

/** How an action is versioned (ADR 0021): its tracked fields, in form order, and their labels. */
export const ACTION_VERSIONING = versionedEntity({
  entity: 'Action',
  key: 'action',
  fields: TRACKED_FIELDS,
  labels: FIELD_LABELS,
  wording: { subject: 'Cette action', feminine: true },
  what: 'Action',
});

async function guardedUpdate(
  actor: Actor,
  id: string,
  baseVersion: number,
  operation: string,
  write: (tx: Tx, row: { territoryId: string }) => Promise<void>,
  options: { allowArchived?: boolean; row?: Awaited<ReturnType<typeof loadForWrite>> } = {},
): Promise<ActionDto> {
  const row = options.row ?? (await loadForWrite(actor, id));
  if (row.archivedAt && !options.allowArchived) {
    throw conflict('Cette action est archivée : restaurez-la avant de la modifier.');
  }
  const outcome = await versionedWrite(ACTION_VERSIONING, {
    actor,
    id,
    baseVersion,
    operation,
    territoryId: row.territoryId,
    // The version guard also records who wrote last.
    bump: async (tx, base) =>
      (await tx.action.updateMany({ where: { id, version: base }, data: { version: { increment: 1 }, updatedById: actor.id } })).count > 0,
    snapshot: (tx) => loadDto(tx, id),
    write: (tx) => write(tx, row),
    diff: (before, after) => diffActions(before, after).map((c) => c.field),
    current: () => loadDto(db, id),
  });
  return outcome.changed ? outcome.after : loadDto(db, id);
}

/** Updates any fields of an action; `version` must be the one the edit was based on. */
export async function updateAction(actor: Actor, id: string, input: unknown): Promise<ActionDto> {
  // Scope and role first: out of scope is 404 even when the input is also invalid.
  const row = await loadForWrite(actor, id);
  const { version, ...data } = parseInput(actionUpdateSchema, input);
  return guardedUpdate(
    actor,
    id,
    version,
    'update',
    async (tx) => {
      await tx.action.update({ where: { id }, data: scalarData(data) });
      await writeChildren(tx, id, data, true);
    },
    { row },
  );
}

/** Quick progress: status, indicator actual values, milestone completion. */
export async function updateProgress(actor: Actor, id: string, input: unknown): Promise<ActionDto> {
  const row = await loadForWrite(actor, id);
  const data = parseInput(progressUpdateSchema, input);
  return guardedUpdate(actor, id, data.version, 'progress', async (tx) => {
    if (data.status) await tx.action.update({ where: { id }, data: { status: data.status } });
    for (const ind of data.indicators ?? []) {
      const current = await tx.indicator.findFirst({ where: { id: ind.id, actionId: id }, select: { id: true, actual: true } });
      if (!current) throw invalid({ indicators: ['Indicateur inconnu pour cette action.'] });
      // A dated entry records (or, with a null value, removes) that day's point; an
      // undated one records today's point only when the value changed, so re-saving
      // the quick update does not add points.
      if (ind.date && ind.date > today()) throw invalid({ indicators: ['La date de la valeur ne peut pas être dans le futur.'] });
      if (ind.date) {
        if (ind.actual === null) await tx.indicatorValue.deleteMany({ where: { indicatorId: ind.id, date: day(ind.date) as Date } });
        else await upsertValue(tx, ind.id, ind.date, ind.actual, ind.comment ?? '');
      } else if (ind.actual !== null && ind.actual !== (current.actual?.toNumber() ?? null)) {
        await upsertValue(tx, ind.id, today(), ind.actual, ind.comment ?? '');
      }
      await syncActual(tx, ind.id);
    }
    for (const m of data.milestones ?? []) {
      const r = await tx.milestone.updateMany({ where: { id: m.id, actionId: id }, data: { doneAt: day(m.doneAt) } });
      if (!r.count) throw invalid({ milestones: ['Jalon inconnu pour cette action.'] });
    }
  }, { row });
}

const versionOnly = z.strictObject({ version: versionField });

/** Archived actions leave the working plan but stay in versions and history. */
export async function archiveAction(actor: Actor, id: string, input: unknown): Promise<ActionDto> {
  const { version } = parseInput(versionOnly, input);
  return guardedUpdate(actor, id, version, 'archive', async (tx) => {
    await tx.action.update({ where: { id }, data: { archivedAt: new Date() } });
  });
}

export async function restoreAction(actor: Actor, id: string, input: unknown): Promise<ActionDto> {
  const { version } = parseInput(versionOnly, input);
  return guardedUpdate(
    actor,
    id,
    version,
    'restore',
    async (tx, row) => {
      const agg = await tx.action.aggregate({ where: { territoryId: row.territoryId }, _max: { position: true } });
      await tx.action.update({ where: { id }, data: { archivedAt: null, position: (agg._max.position ?? 0) + 1 } });
    },
    { allowArchived: true },
  );
}

/**
 * Reorders the working plan. Positions are not part of an action's version,
 * so reordering never conflicts with someone editing an action's content.
 */
export async function reorderActions(actor: Actor, slug: string, input: unknown): Promise<void> {
  const territory = await getTerritoryRef(actor, slug);
  authorize(actor, 'plan:edit', { territoryId: territory.id, regionCodes: territory.regionCodes, status: territory.status });
  const { orderedIds } = parseInput(reorderSchema, input);
  await db.$transaction(async (tx) => {
    const plan = await tx.actionPlan.findUniqueOrThrow({ where: { territoryId: territory.id }, select: { id: true } });
    await tx.$queryRaw`select id from "ActionPlan" where id = ${plan.id} for update`;
    const current = await tx.action.findMany({
      where: { territoryId: territory.id, archivedAt: null },
      orderBy: { position: 'asc' },
      select: { id: true },
    });
    const currentIds = current.map((a) => a.id);
    const same = currentIds.length === orderedIds.length && new Set(orderedIds).size === orderedIds.length && orderedIds.every((id) => currentIds.includes(id));
    if (!same) {
      throw conflict("Le plan a changé (action ajoutée, archivée ou inconnue) : rechargez la page avant de réordonner.");
    }
    for (const [i, id] of orderedIds.entries()) {
      await tx.action.update({ where: { id }, data: { position: i + 1 } });
    }
    await recordAudit(tx, {
      actor,
      entityType: 'ActionPlan',
      entityId: plan.id,
      operation: 'reorder',
      territoryId: territory.id,
      before: { order: currentIds },
      after: { order: orderedIds },
    });
  });
}
