// The local workflow of a plan: submit, binôme decision, versions, comparison.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/authz/policy';
import { createAction, updateAction } from '@/lib/actions/mutations';
import { listActions } from '@/lib/actions/queries';
import { commentVersion, decideLocally, submitPlan } from '@/lib/plans/mutations';
import { compareVersions, getPlanOverview, getVersion, listVersions } from '@/lib/plans/queries';
import { actor, DEMO } from '../fixtures';

let cdp: Actor, elu: Actor, industriel: Actor, sgar: Actor, otherCdp: Actor;

beforeAll(async () => {
  [cdp, elu, industriel, sgar, otherCdp] = await Promise.all([
    actor(DEMO.cdpTarnNord),
    actor(DEMO.eluTarnNord),
    actor(DEMO.industrielTarnNord),
    actor(DEMO.sgarOccitanie),
    actor(DEMO.cdpHautesTerres),
  ]);
});

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'OK',
    (e: { code?: string }) => e.code ?? String(e),
  );

describe('plan workflow', () => {
  it('only the project lead submits; a version freezes the plan', async () => {
    expect(await codeOf(submitPlan(elu, 'tarn-nord', {}))).toBe('FORBIDDEN');
    expect(await codeOf(submitPlan(sgar, 'tarn-nord', {}))).toBe('FORBIDDEN');
    expect(await codeOf(submitPlan(otherCdp, 'tarn-nord', {}))).toBe('NOT_FOUND');
    const before = (await listVersions(cdp, 'tarn-nord')).length;
    const v = await submitPlan(cdp, 'tarn-nord', { note: 'Première version du plan' });
    expect(v.number).toBe(before + 1);
    expect(v.status).toBe('SUBMITTED');
    const detail = await getVersion(elu, 'tarn-nord', v.number);
    expect(detail.snapshot.actions.length).toBe((await listActions(cdp, 'tarn-nord')).length);
    expect((await getPlanOverview(cdp, 'tarn-nord')).status).toBe('SUBMITTED');
    // The binôme is notified.
    expect(await db.notification.count({ where: { user: { email: DEMO.eluTarnNord }, kind: 'PLAN_SUBMITTED' } })).toBe(1);
  });

  it('refuses a second submission while one is pending', async () => {
    expect(await codeOf(submitPlan(cdp, 'tarn-nord', {}))).toBe('CONFLICT');
  });

  it('the project lead and the region cannot take the binôme’s decision; changes need a reason', async () => {
    const n = (await listVersions(cdp, 'tarn-nord'))[0]!.number;
    expect(await codeOf(decideLocally(cdp, 'tarn-nord', n, { decision: 'VALIDATE' }))).toBe('FORBIDDEN');
    expect(await codeOf(decideLocally(sgar, 'tarn-nord', n, { decision: 'VALIDATE' }))).toBe('FORBIDDEN');
    expect(await codeOf(decideLocally(elu, 'tarn-nord', n, { decision: 'REQUEST_CHANGES' }))).toBe('INVALID');
    expect(await codeOf(decideLocally(elu, 'tarn-nord', n, { decision: 'MAYBE' }))).toBe('INVALID');
    expect(await codeOf(decideLocally(elu, 'tarn-nord', 999, { decision: 'VALIDATE' }))).toBe('NOT_FOUND');
  });

  it('two binôme members deciding at once: one decision wins, the other gets a conflict', async () => {
    const n = (await listVersions(cdp, 'tarn-nord'))[0]!.number;
    const results = await Promise.all([
      codeOf(decideLocally(elu, 'tarn-nord', n, { decision: 'VALIDATE' })),
      codeOf(decideLocally(industriel, 'tarn-nord', n, { decision: 'REQUEST_CHANGES', comment: 'Préciser le budget' })),
    ]);
    expect(results.sort()).toEqual(['CONFLICT', 'OK']);
    const v = await getVersion(cdp, 'tarn-nord', n);
    expect(['LOCALLY_VALIDATED', 'CHANGES_REQUESTED']).toContain(v.status);
    expect(v.reviews.filter((r) => r.kind !== 'COMMENT')).toHaveLength(1);
    expect((await getPlanOverview(cdp, 'tarn-nord')).status).toBe(v.status);
  });

  it('anyone in scope comments; others cannot', async () => {
    const n = (await listVersions(cdp, 'tarn-nord'))[0]!.number;
    await commentVersion(sgar, 'tarn-nord', n, { body: 'Bien noté pour la revue régionale.' });
    expect(await codeOf(commentVersion(otherCdp, 'tarn-nord', n, { body: 'x' }))).toBe('NOT_FOUND');
    expect(await codeOf(commentVersion(elu, 'tarn-nord', n, { body: '' }))).toBe('INVALID');
    const v = await getVersion(elu, 'tarn-nord', n);
    expect(v.reviews.at(-1)).toMatchObject({ kind: 'COMMENT', tier: 'REGIONAL', body: 'Bien noté pour la revue régionale.' });
    // A comment on one action of the version; an action outside it is refused.
    const target = v.snapshot.actions[0]!;
    await commentVersion(sgar, 'tarn-nord', n, { body: 'Calendrier à préciser.', actionId: target.id });
    expect((await getVersion(elu, 'tarn-nord', n)).reviews.at(-1)).toMatchObject({ actionId: target.id });
    expect(await codeOf(commentVersion(sgar, 'tarn-nord', n, { body: 'x', actionId: 'not-in-version' }))).toBe('INVALID');
  });

  it('a new version can be compared field by field with the previous one', async () => {
    const plan = await getPlanOverview(cdp, 'tarn-nord');
    if (plan.status === 'LOCALLY_VALIDATED') {
      // Let the region's review be out of the way: the plan is sent back for this test.
      await db.actionPlan.update({ where: { territoryId: (await db.territory.findUniqueOrThrow({ where: { slug: 'tarn-nord' } })).id }, data: { status: 'CHANGES_REQUESTED' } });
    }
    const [first] = await listVersions(cdp, 'tarn-nord');
    const actions = await listActions(cdp, 'tarn-nord');
    const changed = actions[0]!;
    await updateAction(cdp, changed.id, { version: changed.version, status: 'LATE', pilot: 'Nouveau pilote' });
    const added = await createAction(cdp, 'tarn-nord', { title: 'Nouvelle action ajoutée', axes: ['INNOVATION'], status: 'NOT_STARTED' });
    const second = await submitPlan(cdp, 'tarn-nord', {});
    const diff = await compareVersions(elu, 'tarn-nord', first!.number, second.number);
    expect(diff.added.map((a) => a.id)).toEqual([added.id]);
    expect(diff.removed).toEqual([]);
    const change = diff.changed.find((c) => c.action.id === changed.id);
    expect(change?.changes.map((c) => c.field)).toEqual(expect.arrayContaining(['status', 'pilot']));
    expect(change?.changes.find((c) => c.field === 'status')).toMatchObject({ label: 'Statut', after: 'LATE' });
    // The older version stays readable and unchanged.
    const old = await getVersion(cdp, 'tarn-nord', first!.number);
    expect(old.snapshot.actions.find((a) => a.id === changed.id)?.status).toBe(changed.status);
    expect(await codeOf(compareVersions(cdp, 'tarn-nord', 0, second.number))).toBe('INVALID');
  });
});
