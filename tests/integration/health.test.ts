// Territory health: the grouped query's inputs equal plain counts, scope holds.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/authz/policy';
import { healthByDepartement, healthByTerritoryId, listTerritoryHealth } from '@/lib/health/queries';
import { actor, DEMO } from '../fixtures';

let national: Actor, cdp: Actor, sgar: Actor;
beforeAll(async () => {
  [national, cdp, sgar] = await Promise.all([actor(DEMO.national), actor(DEMO.cdpTarnNord), actor(DEMO.sgarOccitanie)]);
});

describe('territory health', () => {
  it('computes its inputs as plain counts do, for every territory in one query', async () => {
    const today = new Date();
    const rows = await listTerritoryHealth(national, {}, today);
    expect(rows.length).toBe(await db.territory.count());
    const t = await db.territory.findUniqueOrThrow({ where: { slug: 'tarn-nord' }, select: { id: true } });
    const live = { territoryId: t.id, archivedAt: null, status: { not: 'ABANDONED' as const } };
    const [actions, blocked, milestones, late, lastAction, lastAudit] = await Promise.all([
      db.action.count({ where: live }),
      db.action.count({ where: { ...live, status: 'BLOCKED' } }),
      db.milestone.count({ where: { action: live } }),
      db.milestone.count({ where: { action: live, doneAt: null, dueDate: { lt: new Date(today.toISOString().slice(0, 10)) } } }),
      db.action.aggregate({ where: live, _max: { updatedAt: true } }),
      db.auditLog.findFirst({ where: { territoryId: t.id }, orderBy: { id: 'desc' }, select: { at: true } }),
    ]);
    const row = rows.find((r) => r.slug === 'tarn-nord');
    expect(row?.health.input).toMatchObject({ actions, blockedActions: blocked, milestones, lateMilestones: late });
    const last = Math.max(lastAction._max.updatedAt?.getTime() ?? 0, lastAudit?.at.getTime() ?? 0);
    expect(row?.health.input.lastUpdate?.getTime()).toBe(last);
    expect(row?.health.reasons.length).toBeGreaterThan(0);
    // Worst first.
    const rank = { OFF_TRACK: 0, TO_WATCH: 1, ON_TRACK: 2 };
    expect(rows.map((r) => rank[r.health.status])).toEqual([...rows.map((r) => rank[r.health.status])].sort());
    const deps = healthByDepartement(rows);
    expect(deps.find((d) => d.code === '81')?.territories).toBe(rows.filter((r) => r.departementCodes.includes('81')).length);
  });

  it('is scoped: a project lead sees their territory, a copilot their region', async () => {
    expect((await listTerritoryHealth(cdp)).map((r) => r.slug)).toEqual(['tarn-nord']);
    const occitanie = await listTerritoryHealth(sgar);
    expect(occitanie.length).toBeGreaterThan(1);
    expect(occitanie.every((r) => r.regionCodes.includes('76'))).toBe(true);
  });
});

// The rule on crafted cases, through the grouped query: one seeded territory's data is set
// to each case in the database, and "today" moves to age the last update.
describe('territory health on crafted cases', () => {
  const DAY = 86_400_000;
  it('on track, to watch, off track, each with its reasons', async () => {
    const t = await db.territory.findUniqueOrThrow({ where: { slug: 'hautes-terres-doc' }, select: { id: true, plan: { select: { id: true } } } });
    const planId = t.plan!.id;
    const live = { territoryId: t.id, archivedAt: null };
    const actions = await db.action.findMany({ where: live, orderBy: { number: 'asc' }, select: { id: true } });
    expect(actions.length).toBeGreaterThanOrEqual(3);
    // Clean state: every action in progress, every milestone done, no plan version waiting.
    await db.action.updateMany({ where: live, data: { status: 'IN_PROGRESS' } });
    await db.milestone.updateMany({ where: { action: live }, data: { doneAt: new Date('2025-01-15') } });
    await db.planVersion.deleteMany({ where: { planId, status: { in: ['SUBMITTED', 'LOCALLY_VALIDATED'] } } });
    const milestones = await db.milestone.findMany({ where: { action: live }, orderBy: { id: 'asc' }, select: { id: true } });
    const health = async (daysAfterLastUpdate: number) => {
      const first = await healthByTerritoryId([t.id], new Date());
      const last = first.get(t.id)!.input.lastUpdate!;
      return (await healthByTerritoryId([t.id], new Date(last.getTime() + daysAfterLastUpdate * DAY + 3_600_000))).get(t.id)!;
    };

    let h = await health(3);
    expect(h.status).toBe('ON_TRACK');
    expect(h.summary).toBe('Aucun jalon en retard ni action bloquée, mise à jour il y a 3 jours');

    // Stale: more than 60 days is worth watching, more than 90 is off track.
    expect((await health(61)).status).toBe('TO_WATCH');
    expect((await health(61)).summary).toBe('Aucune mise à jour depuis 61 jours');
    expect((await health(91)).status).toBe('OFF_TRACK');

    // One blocked action: to watch. Two out of at most eight (≥ 25 %): off track.
    await db.action.update({ where: { id: actions[0]!.id }, data: { status: 'BLOCKED' } });
    h = await health(1);
    expect([h.status, h.reasons]).toEqual(['TO_WATCH', ['1 action bloquée']]);
    await db.action.update({ where: { id: actions[1]!.id }, data: { status: 'BLOCKED' } });
    h = await health(1);
    expect(h.status).toBe(actions.length <= 8 ? 'OFF_TRACK' : 'TO_WATCH');
    expect(h.reasons).toEqual(['2 actions bloquées']);
    // An archived or abandoned action no longer counts.
    await db.action.update({ where: { id: actions[0]!.id }, data: { archivedAt: new Date() } });
    await db.action.update({ where: { id: actions[1]!.id }, data: { status: 'ABANDONED' } });
    expect((await health(1)).status).toBe('ON_TRACK');

    // Late milestones: one is worth watching; three making ≥ 30 % of the plan's are off track.
    const counted = await db.milestone.findMany({ where: { action: { ...live, status: { not: 'ABANDONED' } } }, orderBy: { id: 'asc' }, select: { id: true } });
    expect(counted.length).toBeGreaterThanOrEqual(3);
    const yesterday = new Date(Date.now() - 40 * DAY);
    await db.milestone.update({ where: { id: counted[0]!.id }, data: { doneAt: null, dueDate: yesterday } });
    h = await health(1);
    expect(h.status).toBe('TO_WATCH');
    expect(h.reasons).toEqual([`1 jalon en retard (${Math.round(100 / counted.length)} % des jalons)`]);
    const needed = Math.max(3, Math.ceil(counted.length * 0.3));
    await db.milestone.updateMany({ where: { id: { in: counted.slice(0, needed).map((m) => m.id) } }, data: { doneAt: null, dueDate: yesterday } });
    h = await health(1);
    expect(h.status).toBe('OFF_TRACK');
    expect(h.reasons[0]).toBe(`${needed} jalons en retard (${Math.round((needed * 100) / counted.length)} % des jalons)`);
    // A milestone due today or later is not late.
    await db.milestone.updateMany({ where: { id: { in: counted.slice(0, needed).map((m) => m.id) } }, data: { dueDate: new Date(Date.now() + 30 * DAY) } });
    expect((await health(1)).status).toBe('ON_TRACK');

    // A plan version waiting for a decision: > 30 days to watch, > 60 days off track; the
    // worst signal leads the reasons.
    expect(milestones.length).toBeGreaterThan(0);
    const number = ((await db.planVersion.aggregate({ where: { planId }, _max: { number: true } }))._max.number ?? 0) + 1;
    await db.planVersion.create({ data: { planId, number, status: 'SUBMITTED', snapshot: {}, submittedAt: new Date(Date.now() - 45 * DAY) } });
    h = (await healthByTerritoryId([t.id], new Date())).get(t.id)!;
    expect(h.status).toBe('TO_WATCH');
    expect(h.reasons).toContain('version du plan en attente de décision depuis 45 jours');
    h = (await healthByTerritoryId([t.id], new Date(Date.now() + 20 * DAY))).get(t.id)!;
    expect(h.status).toBe('OFF_TRACK');
    expect(h.reasons[0]).toBe('version du plan en attente de décision depuis 65 jours');
  });
});
