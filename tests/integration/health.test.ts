// Territory health: the grouped query's inputs equal plain counts, scope holds.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/authz/policy';
import { healthByDepartement, listTerritoryHealth } from '@/lib/health/queries';
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
