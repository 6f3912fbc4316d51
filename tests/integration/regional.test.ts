// Regional review state machine and regional/national views, scoped.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/authz/policy';
import { decideLocally, decideRegionally, submitPlan } from '@/lib/plans/mutations';
import { getVersion } from '@/lib/plans/queries';
import { getRegionalDashboard, listReviewQueue } from '@/lib/regions/queries';
import { getProgrammeOverview, listProgrammeActions } from '@/lib/programme/queries';
import { actor, DEMO } from '../fixtures';

let cdp: Actor, elu: Actor, sgar: Actor, region: Actor, sgarGrandEst: Actor, national: Actor, operator: Actor;

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'OK',
    (e: { code?: string }) => e.code ?? String(e),
  );

beforeAll(async () => {
  [cdp, elu, sgar, region, sgarGrandEst, national, operator] = await Promise.all([
    actor(DEMO.cdpTarnNord),
    actor(DEMO.eluTarnNord),
    actor(DEMO.sgarOccitanie),
    actor(DEMO.regionOccitanie),
    actor(DEMO.sgarGrandEst),
    actor(DEMO.national),
    actor(DEMO.operatorAdeme),
  ]);
});

async function locallyValidatedVersion(): Promise<number> {
  const v = await submitPlan(cdp, 'tarn-nord', {});
  await decideLocally(elu, 'tarn-nord', v.number, { decision: 'VALIDATE' });
  return v.number;
}

describe('regional review', () => {
  it('cannot review before the binôme validated; only the region’s copilots review', async () => {
    const v = await submitPlan(cdp, 'tarn-nord', {});
    expect(await codeOf(decideRegionally(sgar, 'tarn-nord', v.number, { decision: 'VALIDATE' }))).toBe('CONFLICT');
    await decideLocally(elu, 'tarn-nord', v.number, { decision: 'VALIDATE' });
    expect(await codeOf(decideRegionally(sgarGrandEst, 'tarn-nord', v.number, { decision: 'VALIDATE' }))).toBe('NOT_FOUND');
    for (const who of [cdp, elu, national, operator]) {
      expect(await codeOf(decideRegionally(who, 'tarn-nord', v.number, { decision: 'VALIDATE' }))).toBe('FORBIDDEN');
    }
    expect((await listReviewQueue(sgar)).map((q) => q.number)).toContain(v.number);
    expect(await listReviewQueue(sgarGrandEst)).toEqual([]);
  });

  it('co-piloting: validated only when both the State and the Region have validated', async () => {
    const n = (await listReviewQueue(sgar)).find((q) => q.slug === 'tarn-nord')!.number;
    expect((await decideRegionally(sgar, 'tarn-nord', n, { decision: 'VALIDATE' })).status).toBe('LOCALLY_VALIDATED');
    expect(await codeOf(decideRegionally(sgar, 'tarn-nord', n, { decision: 'VALIDATE' }))).toBe('CONFLICT');
    expect((await decideRegionally(region, 'tarn-nord', n, { decision: 'VALIDATE' })).status).toBe('VALIDATED');
    const v = await getVersion(cdp, 'tarn-nord', n);
    expect(v.status).toBe('VALIDATED');
    expect(v.reviews.filter((r) => r.tier === 'REGIONAL').map((r) => r.authorRole).sort()).toEqual(['REGIONAL_COUNCIL', 'REGIONAL_STATE']);
    expect(await db.notification.count({ where: { kind: 'PLAN_VALIDATED', user: { email: DEMO.cdpTarnNord } } })).toBeGreaterThan(0);
  });

  it('a request for changes needs a reason and sends the plan back; the trail stays', async () => {
    const n = await locallyValidatedVersion();
    expect(await codeOf(decideRegionally(region, 'tarn-nord', n, { decision: 'REQUEST_CHANGES' }))).toBe('INVALID');
    await decideRegionally(region, 'tarn-nord', n, { decision: 'REQUEST_CHANGES', comment: 'Chiffrer le volet foncier.' });
    expect((await getVersion(cdp, 'tarn-nord', n)).status).toBe('CHANGES_REQUESTED');
    expect(await codeOf(decideRegionally(sgar, 'tarn-nord', n, { decision: 'VALIDATE' }))).toBe('CONFLICT');
  });

  it('two copilots deciding at once never leave an inconsistent state', async () => {
    const n = await locallyValidatedVersion();
    const results = await Promise.all([
      codeOf(decideRegionally(sgar, 'tarn-nord', n, { decision: 'VALIDATE' })),
      codeOf(decideRegionally(region, 'tarn-nord', n, { decision: 'VALIDATE' })),
    ]);
    expect(results).toEqual(['OK', 'OK']);
    const v = await getVersion(cdp, 'tarn-nord', n);
    expect(v.status).toBe('VALIDATED');
    expect(v.stateValidatedAt).not.toBeNull();
    expect(v.regionValidatedAt).not.toBeNull();
  });

  it('with only a State copilot in the region, the State validates alone', async () => {
    const cdpArdennes = await db.user.findFirst({
      where: { memberships: { some: { role: 'PROJECT_LEAD', territory: { slug: 'ardennes' } } } },
      select: { email: true },
    });
    const eluArdennes = await db.user.findFirst({
      where: { memberships: { some: { role: 'ELECTED_OFFICIAL', territory: { slug: 'ardennes' } } } },
      select: { email: true },
    });
    const lead = await actor(cdpArdennes!.email);
    const binome = await actor(eluArdennes!.email);
    const v = await submitPlan(lead, 'ardennes', {});
    await decideLocally(binome, 'ardennes', v.number, { decision: 'VALIDATE' });
    const hasCouncil = await db.membership.count({ where: { role: 'REGIONAL_COUNCIL', regionCode: '44' } });
    const r = await decideRegionally(sgarGrandEst, 'ardennes', v.number, { decision: 'VALIDATE' });
    expect(r.status).toBe(hasCouncil ? 'LOCALLY_VALIDATED' : 'VALIDATED');
  });
});

describe('regional and national views are scoped', () => {
  it('the regional dashboard lists the region’s territories only', async () => {
    const rows = await getRegionalDashboard(sgar, '76');
    expect(rows.map((r) => r.slug)).toEqual(expect.arrayContaining(['tarn-nord', 'castres-revel-castelnaudary']));
    expect(rows.map((r) => r.slug)).not.toContain('ardennes');
    const tarn = rows.find((r) => r.slug === 'tarn-nord')!;
    expect(tarn.actions).toBeGreaterThan(0);
    expect(tarn.lastValidatedNumber).not.toBeNull();
    expect(await codeOf(getRegionalDashboard(sgar, '44'))).toBe('NOT_FOUND');
    expect(await codeOf(getRegionalDashboard(cdp, '76'))).toBe('NOT_FOUND');
  });

  it('the programme overview is national only, filterable, and drills down to the same count', async () => {
    expect(await codeOf(getProgrammeOverview(sgar))).toBe('FORBIDDEN');
    expect(await codeOf(getProgrammeOverview(cdp))).toBe('FORBIDDEN');
    const all = await getProgrammeOverview(national);
    expect(all.territoryCount).toBe(await db.territory.count());
    const skills = all.byAxis.find((a) => a.axis === 'SKILLS')!.actions;
    expect((await listProgrammeActions(national, { axis: 'SKILLS' })).total).toBe(skills);
    const occitanie = await getProgrammeOverview(national, { region: '76' });
    expect(occitanie.actionCount).toBe((await listProgrammeActions(national, { region: '76' })).total);
    expect(occitanie.actionCount).toBeLessThan(all.actionCount);
    expect(all.byDepartement.find((d) => d.code === '81')?.territories).toBeGreaterThanOrEqual(3);
  });
});
