// Separation of duties (ADR 0012): no validating one's own submission, one regional
// side per decision, explicit and recorded acting roles, read-only suspended or
// archived territories, cancellation of commitments by national staff only.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/authz/policy';
import { createAction, updateAction } from '@/lib/actions/mutations';
import { getActionView, listActions } from '@/lib/actions/queries';
import { commentVersion, decideLocally, decideRegionally, submitPlan } from '@/lib/plans/mutations';
import { getVersion } from '@/lib/plans/queries';
import { updateDelivery } from '@/lib/commitments/mutations';
import { actor, DEMO } from '../fixtures';

const outcome = (p: Promise<unknown>) =>
  p.then(
    () => ({ code: 'OK', message: '', errors: undefined }),
    (e: { code?: string; message?: string; details?: { fieldErrors?: Record<string, string[]> } }) => ({
      code: e.code ?? String(e),
      message: e.message ?? '',
      errors: e.details?.fieldErrors,
    }),
  );

let cdp: Actor, industriel: Actor, sgar: Actor, region: Actor, national: Actor, operator: Actor;
let territoryId: string;

beforeAll(async () => {
  territoryId = (await db.territory.findUniqueOrThrow({ where: { slug: 'tarn-nord' }, select: { id: true } })).id;
  const ids = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
  // One person as project lead and élu of the binôme; one as copilot for both State and Region.
  await db.membership.create({ data: { userId: await ids(DEMO.cdpTarnNord), role: 'ELECTED_OFFICIAL', territoryId } });
  await db.membership.create({ data: { userId: await ids(DEMO.sgarOccitanie), role: 'REGIONAL_COUNCIL', regionCode: '76' } });
  [cdp, industriel, sgar, region, national, operator] = await Promise.all([
    actor(DEMO.cdpTarnNord),
    actor(DEMO.industrielTarnNord),
    actor(DEMO.sgarOccitanie),
    actor(DEMO.regionOccitanie),
    actor(DEMO.national),
    actor(DEMO.operatorAdeme),
  ]);
});

async function lastAudit(entityId: string) {
  return db.auditLog.findFirstOrThrow({ where: { entityId }, orderBy: { id: 'desc' }, select: { actorRole: true, operation: true } });
}

describe('local validation', () => {
  it('whoever submitted a version cannot validate it, even holding a binôme role; another member can', async () => {
    const v = await submitPlan(cdp, 'tarn-nord', {});
    const own = await outcome(decideLocally(cdp, 'tarn-nord', v.number, { decision: 'VALIDATE' }));
    expect(own).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('Vous avez soumis cette version') });
    expect((await getVersion(cdp, 'tarn-nord', v.number)).status).toBe('SUBMITTED');
    expect((await outcome(decideLocally(industriel, 'tarn-nord', v.number, { decision: 'VALIDATE' }))).code).toBe('OK');
  });

  it('the acting role is the binôme role, not the lead’s, in the review and in the audit trail', async () => {
    // The region sends the validated version back; the lead resubmits, then, as élu,
    // asks for changes on their own submission (allowed: only validating is refused).
    await decideRegionally(region, 'tarn-nord', (await db.planVersion.count({ where: { plan: { territoryId } } })), {
      decision: 'REQUEST_CHANGES',
      comment: 'Compléter les indicateurs',
    });
    const v = await submitPlan(cdp, 'tarn-nord', {});
    await decideLocally(cdp, 'tarn-nord', v.number, { decision: 'REQUEST_CHANGES', comment: 'Je reprends le budget' });
    const detail = await getVersion(cdp, 'tarn-nord', v.number);
    expect(detail.reviews.at(-1)).toMatchObject({ kind: 'REQUEST_CHANGES', authorRole: 'ELECTED_OFFICIAL' });
    const version = await db.planVersion.findFirstOrThrow({ where: { number: v.number, plan: { territoryId } }, select: { id: true } });
    expect(await lastAudit(version.id)).toEqual({ actorRole: 'ELECTED_OFFICIAL', operation: 'request-changes-local' });
  });
});

describe('regional decision', () => {
  let n: number;
  beforeAll(async () => {
    n = (await submitPlan(cdp, 'tarn-nord', {})).number;
    await decideLocally(industriel, 'tarn-nord', n, { decision: 'VALIDATE' });
  });

  it('a copilot for both sides must name the side; the decision counts for that side only', async () => {
    const unnamed = await outcome(decideRegionally(sgar, 'tarn-nord', n, { decision: 'VALIDATE' }));
    expect(unnamed.code).toBe('INVALID');
    expect(unnamed.errors?.side?.[0]).toContain('précisez au nom de quel côté');
    const asState = await decideRegionally(sgar, 'tarn-nord', n, { decision: 'VALIDATE', side: 'STATE' });
    expect(asState).toMatchObject({ side: 'STATE', status: 'LOCALLY_VALIDATED' });
    // The same person cannot also validate for the Region.
    const asRegion = await outcome(decideRegionally(sgar, 'tarn-nord', n, { decision: 'VALIDATE', side: 'REGION' }));
    expect(asRegion).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('Vous avez déjà validé cette version pour l’État') });
    expect((await getVersion(sgar, 'tarn-nord', n)).status).toBe('LOCALLY_VALIDATED');
    const version = await db.planVersion.findFirstOrThrow({ where: { number: n, plan: { territoryId } }, select: { id: true } });
    expect(await lastAudit(version.id)).toEqual({ actorRole: 'REGIONAL_STATE', operation: 'validate-regional-state' });
    // Another person validates for the Region.
    expect(await decideRegionally(region, 'tarn-nord', n, { decision: 'VALIDATE' })).toMatchObject({ side: 'REGION', status: 'VALIDATED' });
    expect(await lastAudit(version.id)).toEqual({ actorRole: 'REGIONAL_COUNCIL', operation: 'validate-regional-region' });
  });

  it('a copilot cannot decide for a side they do not hold', async () => {
    const m = (await submitPlan(cdp, 'tarn-nord', {})).number;
    await decideLocally(industriel, 'tarn-nord', m, { decision: 'VALIDATE' });
    const wrong = await outcome(decideRegionally(region, 'tarn-nord', m, { decision: 'VALIDATE', side: 'STATE' }));
    expect(wrong).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('pas copilote pour l’État') });
    const bad = await outcome(decideRegionally(region, 'tarn-nord', m, { decision: 'VALIDATE', side: 'BOTH' }));
    expect(bad.code).toBe('INVALID');
  });
});

describe('suspended and archived territories are read-only', () => {
  it.each([
    ['SUSPENDED', 'Ce territoire est suspendu'],
    ['ARCHIVED', 'Ce territoire est archivé'],
  ] as const)('%s: every write refused with a clear message, reads still work', async (status, message) => {
    const action = (await listActions(cdp, 'tarn-nord'))[0]!;
    await db.territory.update({ where: { id: territoryId }, data: { status } });
    try {
      const refused = [
        await outcome(createAction(cdp, 'tarn-nord', { title: 'Nouvelle', axes: ['SKILLS'], status: 'NOT_STARTED' })),
        await outcome(updateAction(cdp, action.id, { version: action.version, pilot: 'Autre pilote' })),
        await outcome(submitPlan(cdp, 'tarn-nord', {})),
        await outcome(commentVersion(sgar, 'tarn-nord', 1, { body: 'Un commentaire' })),
      ];
      for (const r of refused) expect(r).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining(message) });
      // Someone without the right gets the usual refusal, not the territory's state.
      expect(await outcome(createAction(industriel, 'tarn-nord', { title: 'x', axes: ['SKILLS'], status: 'NOT_STARTED' }))).toMatchObject({
        code: 'FORBIDDEN',
        message: "Vous n'avez pas les droits pour cette opération.",
      });
      expect((await getActionView(cdp, action.id)).permissions.canEdit).toBe(false);
      expect((await listActions(cdp, 'tarn-nord')).length).toBeGreaterThan(0);
    } finally {
      await db.territory.update({ where: { id: territoryId }, data: { status: 'ACTIVE' } });
    }
    expect((await getActionView(cdp, action.id)).permissions.canEdit).toBe(true);
  });
});

describe('commitments', () => {
  it('only national staff may cancel a commitment; the operator may still report its real state', async () => {
    const c = await db.commitment.findFirstOrThrow({
      where: { operator: { slug: 'ademe' }, status: { notIn: ['CANCELLED', 'DELIVERED'] } },
      select: { id: true, version: true },
    });
    const cancel = await outcome(updateDelivery(operator, c.id, { version: c.version, status: 'CANCELLED' }));
    expect(cancel).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('Seule l’équipe nationale peut annuler') });
    const late = await updateDelivery(operator, c.id, { version: c.version, status: 'LATE' });
    expect(late.status).toBe('LATE');
    const cancelled = await updateDelivery(national, c.id, { version: late.version, status: 'CANCELLED' });
    expect(cancelled.status).toBe('CANCELLED');
  });
});
