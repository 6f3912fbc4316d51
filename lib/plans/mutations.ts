// The plan's local workflow: submit a version, the binôme validates or sends it back, comments.
// Transitions are guarded in the UPDATE's WHERE clause, so two people deciding at
// once cannot both succeed: the second finds the state changed and gets a conflict.
import { db, type Tx } from '@/lib/db';
import { conflict, forbidden, invalid, notFound } from '@/lib/errors';
import {
  actingRoleOn,
  assertNotOwnSubmission,
  authorize,
  localDecisionRole,
  regionalDecisionSide,
  type Actor,
} from '@/lib/authz/policy';
import { recordAudit } from '@/lib/audit/audit';
import { notifyTerritoryRoles } from '@/lib/notifications/notify';
import { actionSelect, toActionDto } from '@/lib/actions/dto';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Role } from '@/lib/generated/prisma/enums';
import { getTerritoryRef } from '@/lib/territories/queries';
import { parseInput } from '@/lib/validation';
import type { PlanSnapshot } from './diff';
import { commentSchema, localDecisionSchema, regionalDecisionSchema, submitPlanSchema } from './schemas';


async function freeze(tx: Tx, territory: { id: string; slug: string; name: string }): Promise<PlanSnapshot> {
  const rows = await tx.action.findMany({
    where: { territoryId: territory.id, archivedAt: null },
    orderBy: { position: 'asc' },
    select: actionSelect,
  });
  return { territory: { slug: territory.slug, name: territory.name }, actions: rows.map((r) => toActionDto(r)) };
}

/** Freezes the working plan as the next numbered version and sends it to the binôme. */
export async function submitPlan(actor: Actor, slug: string, input: unknown) {
  const territory = await getTerritoryRef(actor, slug);
  authorize(actor, 'plan:submit', { territoryId: territory.id, regionCodes: territory.regionCodes, status: territory.status });
  const { note } = parseInput(submitPlanSchema, input ?? {});
  return db.$transaction(async (tx) => {
    const plan = await tx.actionPlan.upsert({
      where: { territoryId: territory.id },
      create: { territoryId: territory.id },
      update: {},
      select: { id: true },
    });
    const moved = await tx.actionPlan.updateMany({
      where: { id: plan.id, status: { in: ['DRAFT', 'CHANGES_REQUESTED', 'VALIDATED'] } },
      data: { status: 'SUBMITTED', lastVersionNumber: { increment: 1 }, version: { increment: 1 } },
    });
    if (!moved.count) {
      throw conflict('Une version est déjà en cours de validation : attendez la décision avant de soumettre à nouveau.');
    }
    const { lastVersionNumber } = await tx.actionPlan.findUniqueOrThrow({ where: { id: plan.id }, select: { lastVersionNumber: true } });
    const snapshot = await freeze(tx, territory);
    if (!snapshot.actions.length) throw invalid({ plan: ['Le plan ne contient aucune action à soumettre.'] });
    const version = await tx.planVersion.create({
      data: {
        planId: plan.id,
        number: lastVersionNumber,
        status: 'SUBMITTED',
        snapshot: JSON.parse(JSON.stringify(snapshot)) as Prisma.InputJsonValue,
        note: note || null,
        submittedById: actor.id,
      },
      select: { id: true, number: true, status: true, submittedAt: true },
    });
    await recordAudit(tx, {
      actor,
      entityType: 'PlanVersion',
      entityId: version.id,
      operation: 'submit',
      territoryId: territory.id,
      entityVersion: version.number,
      after: { number: version.number, status: version.status, actions: snapshot.actions.length, note: note ?? null },
    });
    await notifyTerritoryRoles(
      tx,
      territory,
      ['ELECTED_OFFICIAL', 'INDUSTRIALIST'],
      {
        kind: 'PLAN_SUBMITTED',
        title: `Version ${version.number} du plan de ${territory.name} à valider`,
        link: `/territoires/${territory.slug}/versions/${version.number}`,
      },
      actor.id,
    );
    return { number: version.number, status: version.status, submittedAt: version.submittedAt.toISOString(), actionCount: snapshot.actions.length };
  });
}

async function findVersion(tx: Tx, territoryId: string, number: number) {
  if (!Number.isInteger(number) || number < 1 || number > 2_147_483_647) throw notFound('Version');
  const v = await tx.planVersion.findFirst({
    where: { number, plan: { territoryId } },
    select: { id: true, planId: true, number: true, status: true, submittedById: true },
  });
  if (!v) throw notFound('Version');
  return v;
}

/** The binôme (élu or industriel) validates a submitted version, or sends it back with a reason. */
export async function decideLocally(actor: Actor, slug: string, number: number, input: unknown) {
  const territory = await getTerritoryRef(actor, slug);
  authorize(actor, 'plan:validate-local', { territoryId: territory.id, regionCodes: territory.regionCodes, status: territory.status });
  const { decision, comment } = parseInput(localDecisionSchema, input);
  // Explicit acting role: the binôme role held on this territory, never the lead's.
  const role = localDecisionRole(actor, territory.id);
  return db.$transaction(async (tx) => {
    const v = await findVersion(tx, territory.id, number);
    // Separation of duties: a lead who also sits in the binôme cannot validate their own submission.
    if (decision === 'VALIDATE') assertNotOwnSubmission(actor, v.submittedById);
    const next = decision === 'VALIDATE' ? 'LOCALLY_VALIDATED' : 'CHANGES_REQUESTED';
    const moved = await tx.planVersion.updateMany({
      where: { id: v.id, status: 'SUBMITTED' },
      data: { status: next, decidedAt: new Date(), version: { increment: 1 } },
    });
    if (!moved.count) throw conflict(`La version ${number} n'attend plus de décision du binôme (elle a déjà été traitée).`);
    await tx.actionPlan.update({ where: { id: v.planId }, data: { status: next, version: { increment: 1 } } });
    await recordDecision(tx, actor, {
      territoryId: territory.id,
      version: v,
      role,
      tier: 'LOCAL',
      decision,
      comment,
      operation: decision === 'VALIDATE' ? 'validate-local' : 'request-changes-local',
      next,
    });
    const link = `/territoires/${territory.slug}/versions/${number}`;
    if (decision === 'VALIDATE') {
      await notifyTerritoryRoles(tx, territory, ['REGIONAL_STATE', 'REGIONAL_COUNCIL', 'PROJECT_LEAD'], {
        kind: 'PLAN_LOCALLY_VALIDATED',
        title: `Plan de ${territory.name} (version ${number}) validé par le binôme`,
        link,
      }, actor.id);
    } else {
      await notifyTerritoryRoles(tx, territory, ['PROJECT_LEAD'], {
        kind: 'PLAN_CHANGES_REQUESTED',
        title: `Modifications demandées sur la version ${number} du plan`,
        link,
      }, actor.id);
    }
    return { number, status: next };
  });
}

/** A comment on a version, or on one action of it. */
export async function commentVersion(actor: Actor, slug: string, number: number, input: unknown) {
  const territory = await getTerritoryRef(actor, slug);
  authorize(actor, 'plan:comment', { territoryId: territory.id, regionCodes: territory.regionCodes, status: territory.status });
  const { body, actionId } = parseInput(commentSchema, input);
  return db.$transaction(async (tx) => {
    const v = await findVersion(tx, territory.id, number);
    if (actionId) {
      const frozen = await tx.planVersion.findUniqueOrThrow({ where: { id: v.id }, select: { snapshot: true } });
      if (!(frozen.snapshot as unknown as PlanSnapshot).actions.some((a) => a.id === actionId)) {
        throw invalid({ actionId: ['Cette action ne fait pas partie de la version commentée.'] });
      }
    }
    const role = actingRoleOn(actor, territory.id, territory.regionCodes) as Role;
    const tier = role === 'REGIONAL_STATE' || role === 'REGIONAL_COUNCIL' ? 'REGIONAL' : role === 'NATIONAL_STAFF' || role === 'NATIONAL_ADMIN' ? 'NATIONAL' : 'LOCAL';
    const review = await tx.review.create({
      data: { planVersionId: v.id, authorId: actor.id, authorRole: role, tier, kind: 'COMMENT', body, actionId: actionId ?? null },
      select: { id: true, createdAt: true },
    });
    await recordAudit(tx, {
      actor,
      entityType: 'PlanVersion',
      entityId: v.id,
      operation: 'comment',
      territoryId: territory.id,
      entityVersion: v.number,
      after: { body, actionId: actionId ?? null },
    });
    return { id: review.id, at: review.createdAt.toISOString() };
  });
}

type Side = 'STATE' | 'REGION';
const SIDE_OF: Partial<Record<Role, Side>> = { REGIONAL_STATE: 'STATE', REGIONAL_COUNCIL: 'REGION' };

/**
 * A regional copilot's decision on a version the binôme validated. Co-piloting:
 * the version is validated once every side that has a copilot for the territory's
 * region (State and/or Regional Council) has validated; one request for changes
 * sends it back. The version row is locked, so simultaneous decisions serialise.
 */
export async function decideRegionally(actor: Actor, slug: string, number: number, input: unknown) {
  const territory = await getTerritoryRef(actor, slug);
  authorize(actor, 'plan:review-regional', { territoryId: territory.id, regionCodes: territory.regionCodes, status: territory.status });
  const { decision, comment, side: requested } = parseInput(regionalDecisionSchema, input);
  // One decision counts for one side, named by whoever is copilot for both.
  const { side, role } = regionalDecisionSide(actor, territory.regionCodes, requested);
  return db.$transaction(async (tx) => {
    const v = await findVersion(tx, territory.id, number);
    await tx.$queryRaw`select id from "PlanVersion" where id = ${v.id} for update`;
    const current = await tx.planVersion.findUniqueOrThrow({
      where: { id: v.id },
      select: { status: true, stateValidatedAt: true, regionValidatedAt: true },
    });
    if (current.status !== 'LOCALLY_VALIDATED') {
      throw conflict(`La version ${number} n'est pas (ou plus) en revue régionale.`);
    }
    const already = side === 'STATE' ? current.stateValidatedAt : current.regionValidatedAt;
    if (already && decision === 'VALIDATE') {
      throw conflict(`La version ${number} a déjà été validée par ${side === 'STATE' ? "l'État" : 'la Région'}.`);
    }
    // The same person never validates both sides.
    if (decision === 'VALIDATE') {
      const own = await tx.review.findFirst({
        where: { planVersionId: v.id, authorId: actor.id, tier: 'REGIONAL', kind: 'VALIDATE' },
        select: { authorRole: true },
      });
      if (own) {
        throw forbidden(
          `Vous avez déjà validé cette version pour ${own.authorRole === 'REGIONAL_STATE' ? 'l’État' : 'la Région'} : la validation de l’autre côté revient à une autre personne.`,
        );
      }
    }
    const now = new Date();
    let next: 'LOCALLY_VALIDATED' | 'VALIDATED' | 'CHANGES_REQUESTED';
    const data: { stateValidatedAt?: Date; regionValidatedAt?: Date; status?: typeof next; decidedAt?: Date } = {};
    if (decision === 'VALIDATE') {
      if (side === 'STATE') data.stateValidatedAt = now;
      else data.regionValidatedAt = now;
      const sides = await requiredSides(tx, territory.regionCodes);
      const state = data.stateValidatedAt ?? current.stateValidatedAt;
      const region = data.regionValidatedAt ?? current.regionValidatedAt;
      const done = (!sides.has('STATE') || state) && (!sides.has('REGION') || region);
      next = done ? 'VALIDATED' : 'LOCALLY_VALIDATED';
    } else {
      next = 'CHANGES_REQUESTED';
    }
    if (next !== 'LOCALLY_VALIDATED') {
      data.status = next;
      data.decidedAt = now;
    }
    await tx.planVersion.update({ where: { id: v.id }, data: { ...data, version: { increment: 1 } } });
    if (next !== 'LOCALLY_VALIDATED') {
      await tx.actionPlan.update({ where: { id: v.planId }, data: { status: next, version: { increment: 1 } } });
      if (next === 'VALIDATED') {
        // An older validated version stays readable; it is simply no longer the latest.
        await tx.planVersion.updateMany({
          where: { planId: v.planId, status: 'VALIDATED', number: { lt: number } },
          data: { status: 'SUPERSEDED' },
        });
      }
    }
    await recordDecision(tx, actor, {
      territoryId: territory.id,
      version: { ...v, status: current.status },
      role,
      tier: 'REGIONAL',
      decision,
      comment,
      operation: decision === 'VALIDATE' ? `validate-regional-${side.toLowerCase()}` : 'request-changes-regional',
      next,
    });
    const link = `/territoires/${territory.slug}/versions/${number}`;
    if (next === 'VALIDATED') {
      await notifyTerritoryRoles(tx, territory, ['PROJECT_LEAD', 'ELECTED_OFFICIAL', 'INDUSTRIALIST'], {
        kind: 'PLAN_VALIDATED',
        title: `Version ${number} du plan de ${territory.name} validée par la région`,
        link,
      });
    } else if (next === 'CHANGES_REQUESTED') {
      await notifyTerritoryRoles(tx, territory, ['PROJECT_LEAD', 'ELECTED_OFFICIAL', 'INDUSTRIALIST'], {
        kind: 'PLAN_CHANGES_REQUESTED',
        title: `La région demande des modifications sur la version ${number} du plan`,
        link,
      });
    }
    return { number, status: next, side };
  });
}

/** The sides (State, Region) that have an active copilot for any of the territory's regions. */
async function requiredSides(tx: Tx, regionCodes: string[]): Promise<Set<Side>> {
  const rows = await tx.membership.findMany({
    where: { role: { in: ['REGIONAL_STATE', 'REGIONAL_COUNCIL'] }, regionCode: { in: regionCodes }, user: { active: true } },
    select: { role: true },
    distinct: ['role'],
  });
  return new Set(rows.map((r) => SIDE_OF[r.role] as Side));
}

/** The review row and the audit row of a decision, in the decision's transaction. */
async function recordDecision(
  tx: Tx,
  actor: Actor,
  d: {
    territoryId: string;
    version: { id: string; number: number; status: string };
    role: Role;
    tier: 'LOCAL' | 'REGIONAL';
    decision: 'VALIDATE' | 'REQUEST_CHANGES';
    comment: string | undefined;
    operation: string;
    next: string;
  },
): Promise<void> {
  await tx.review.create({
    data: {
      planVersionId: d.version.id,
      authorId: actor.id,
      authorRole: d.role,
      tier: d.tier,
      kind: d.decision,
      body: d.comment || null,
    },
  });
  await recordAudit(tx, {
    actor,
    role: d.role,
    entityType: 'PlanVersion',
    entityId: d.version.id,
    operation: d.operation,
    territoryId: d.territoryId,
    entityVersion: d.version.number,
    before: { status: d.version.status },
    after: { status: d.next, comment: d.comment ?? null },
  });
}
