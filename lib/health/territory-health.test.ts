import { describe, expect, it } from 'vitest';
import { healthStableUntil, territoryHealth, type HealthInput } from './territory-health';

const today = new Date('2026-12-01T12:00:00Z');
const daysAgo = (n: number) => new Date(today.getTime() - n * 86_400_000);
const base: HealthInput = {
  actions: 10,
  blockedActions: 0,
  milestones: 20,
  lateMilestones: 0,
  lastUpdate: daysAgo(3),
  pendingDecisionSince: null,
};
const health = (patch: Partial<HealthInput>) => territoryHealth({ ...base, ...patch }, today);

describe('territory health rule', () => {
  it('is on track with no signal, and says why', () => {
    const h = health({});
    expect(h.status).toBe('ON_TRACK');
    expect(h.summary).toBe('Aucun jalon en retard ni action bloquée, mise à jour il y a 3 jours');
    expect(health({ lastUpdate: today }).summary).toContain("mise à jour aujourd'hui");
  });

  it('names late milestones and staleness, worst first (the issue’s example)', () => {
    const h = health({ lateMilestones: 3, milestones: 30, lastUpdate: daysAgo(94) });
    expect(h.status).toBe('OFF_TRACK');
    expect(h.reasons).toEqual(['aucune mise à jour depuis 94 jours', '3 jalons en retard (10 % des jalons)']);
    expect(h.summary).toBe('Aucune mise à jour depuis 94 jours, 3 jalons en retard (10 % des jalons)');
  });

  it('one late milestone is to watch; a large late share with at least 3 is off track', () => {
    expect(health({ lateMilestones: 1 }).status).toBe('TO_WATCH');
    expect(health({ lateMilestones: 1 }).reasons).toEqual(['1 jalon en retard (5 % des jalons)']);
    expect(health({ lateMilestones: 6 }).status).toBe('OFF_TRACK'); // 30 %
    expect(health({ lateMilestones: 5 }).status).toBe('TO_WATCH'); // 25 %
    // 2 of 3 is a large share but too few to call the territory off track.
    expect(health({ lateMilestones: 2, milestones: 3 }).status).toBe('TO_WATCH');
  });

  it('blocked actions: any is to watch, a quarter of the plan (at least 2) is off track', () => {
    expect(health({ blockedActions: 1 }).status).toBe('TO_WATCH');
    expect(health({ blockedActions: 1 }).reasons).toEqual(['1 action bloquée']);
    expect(health({ blockedActions: 2 }).status).toBe('TO_WATCH'); // 20 %
    expect(health({ blockedActions: 3, actions: 12 }).status).toBe('OFF_TRACK');
    expect(health({ blockedActions: 1, actions: 2 }).status).toBe('TO_WATCH');
  });

  it('time since the last update: boundaries at 60 and 90 days', () => {
    expect(health({ lastUpdate: daysAgo(60) }).status).toBe('ON_TRACK');
    expect(health({ lastUpdate: daysAgo(61) }).status).toBe('TO_WATCH');
    expect(health({ lastUpdate: daysAgo(90) }).status).toBe('TO_WATCH');
    expect(health({ lastUpdate: daysAgo(91) }).status).toBe('OFF_TRACK');
    expect(health({ lastUpdate: null, actions: 0, milestones: 0 }).reasons).toEqual([
      'aucune mise à jour enregistrée',
      'aucune action dans le plan',
    ]);
  });

  it('pending decisions: waiting over 30 days is to watch, over 60 off track', () => {
    expect(health({ pendingDecisionSince: daysAgo(10) }).status).toBe('ON_TRACK');
    expect(health({ pendingDecisionSince: daysAgo(45) }).reasons).toEqual(['version du plan en attente de décision depuis 45 jours']);
    expect(health({ pendingDecisionSince: daysAgo(45) }).status).toBe('TO_WATCH');
    expect(health({ pendingDecisionSince: daysAgo(75) }).status).toBe('OFF_TRACK');
  });
});

describe('healthStableUntil', () => {
  const at = (ms: number) => new Date(ms);
  // Over ten days, every ten minutes: the status computed at an instant holds until the
  // returned instant, and that instant is one where a day count goes up.
  it('is the first instant at which a day count (and so the result) may change', () => {
    const input: HealthInput = { ...base, lastUpdate: daysAgo(58.7), pendingDecisionSince: daysAgo(29.3) };
    const DAY = 86_400_000;
    const start = today.getTime();
    let boundaries = 0;
    let held = territoryHealth(input, at(start));
    let until = healthStableUntil(input, at(start));
    for (let t = start; t < start + 10 * DAY; t += 600_000) {
      if (t >= until) {
        const onBoundary = [input.lastUpdate!, input.pendingDecisionSince!].some((d) => (until - d.getTime()) % DAY === 0);
        expect(onBoundary).toBe(true);
        boundaries += 1;
        held = territoryHealth(input, at(t));
        until = healthStableUntil(input, at(t));
      }
      expect(until).toBeGreaterThan(t);
      expect(territoryHealth(input, at(t))).toEqual(held);
    }
    // Both counts go up once a day: about twenty boundaries in ten days.
    expect(boundaries).toBeGreaterThanOrEqual(19);
    // It crosses the "to watch" thresholds (60 days since the update, 30 pending).
    expect(territoryHealth(input, at(start)).status).toBe('ON_TRACK');
    expect(held.status).toBe('TO_WATCH');
  });

  it('is unbounded without dates, and one day after a date in the future', () => {
    expect(healthStableUntil({ ...base, lastUpdate: null, pendingDecisionSince: null }, today)).toBe(Number.POSITIVE_INFINITY);
    const future = new Date(today.getTime() + 3_600_000);
    expect(healthStableUntil({ ...base, lastUpdate: future }, today)).toBe(future.getTime() + 86_400_000);
  });
});
