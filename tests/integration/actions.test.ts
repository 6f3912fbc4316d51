// Action domain against a real PostgreSQL: scope, concurrency, validation, history.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/authz/policy';
import { archiveAction, createAction, reorderActions, restoreAction, updateAction, updateProgress } from '@/lib/actions/mutations';
import { getAction, getActionHistory, listActions } from '@/lib/actions/queries';
import type { ActionDto } from '@/lib/actions/dto';
import { actor, DEMO } from '../fixtures';

let cdp: Actor;
let otherCdp: Actor;
let elu: Actor;
let sgar: Actor;
let national: Actor;

const valid = {
  title: 'Plateforme mutualisée de formation aux métiers de la chaudronnerie',
  axes: ['SKILLS', 'INNOVATION'],
  status: 'NOT_STARTED',
  phase: 'STUDY',
  budgetCents: 45_000_000,
  startDate: '2025-01-15',
  endDate: '2026-06-30',
  operators: ['france-travail'],
  financing: [
    { financer: 'Région Occitanie', amountCents: 15_000_000, status: 'GRANTED' },
    { financer: 'Banque des Territoires', operator: 'banque-des-territoires', amountCents: 10_000_000, status: 'REQUESTED' },
  ],
  milestones: [{ title: 'Étude de besoins', dueDate: '2025-03-31' }],
  indicators: [{ name: 'Personnes formées', kind: 'OTHER', unit: 'personnes', target: 120, actual: 0 }],
};

beforeAll(async () => {
  [cdp, otherCdp, elu, sgar, national] = await Promise.all([
    actor(DEMO.cdpTarnNord),
    actor(DEMO.cdpHautesTerres),
    actor(DEMO.eluTarnNord),
    actor(DEMO.sgarOccitanie),
    actor(DEMO.national),
  ]);
});

const errorOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e as { code: string; details?: { fieldErrors?: Record<string, string[]>; current?: { changedFields: string[] } } };
  }
  throw new Error('expected a failure');
};

describe('create', () => {
  it('creates an action with financing, milestones and indicators, numbered in its territory', async () => {
    const a = await createAction(cdp, 'tarn-nord', valid);
    expect(a).toMatchObject({ title: valid.title, version: 1, axes: ['SKILLS', 'INNOVATION'], budgetCents: 45_000_000 });
    expect(a.reference).toMatch(/^FA-\d+$/);
    expect(a.financing).toEqual([
      { financer: 'Région Occitanie', operator: null, amountCents: 15_000_000, status: 'GRANTED' },
      { financer: 'Banque des Territoires', operator: 'banque-des-territoires', amountCents: 10_000_000, status: 'REQUESTED' },
    ]);
    expect(a.milestones[0]).toMatchObject({ title: 'Étude de besoins', dueDate: '2025-03-31', doneAt: null });
    expect(a.indicators[0]).toMatchObject({ target: 120, actual: 0, unit: 'personnes' });
    expect(a.operators).toEqual([{ slug: 'france-travail', name: expect.any(String) }]);
    const listed = await listActions(cdp, 'tarn-nord');
    expect(listed.at(-1)?.id).toBe(a.id);
  });

  it('refuses anyone but the territory’s project lead', async () => {
    for (const who of [elu, sgar, national]) {
      expect((await errorOf(createAction(who, 'tarn-nord', valid))).code).toBe('FORBIDDEN');
    }
    // Out of scope by slug: not found, not forbidden.
    expect((await errorOf(createAction(otherCdp, 'tarn-nord', valid))).code).toBe('NOT_FOUND');
    expect(await db.action.count({ where: { title: valid.title, territory: { slug: 'hautes-terres-doc' } } })).toBe(0);
  });

  it('refuses mass-assigned fields and changes nothing', async () => {
    const before = await db.action.count();
    for (const extra of [{ territoryId: 'x' }, { version: 7 }, { number: 1 }, { id: 'x' }, { createdById: cdp.id }, { archivedAt: null }]) {
      const e = await errorOf(createAction(cdp, 'tarn-nord', { ...valid, ...extra }));
      expect(e.code).toBe('INVALID');
    }
    expect(await db.action.count()).toBe(before);
  });

  it.each([
    ['title', { title: '' }],
    ['title', { title: 'x'.repeat(201) }],
    ['axes', { axes: [] }],
    ['axes.0', { axes: ['SPACE'] }],
    ['axes', { axes: 'SKILLS' }],
    ['status', { status: 'FINISHED' }],
    ['phase', { phase: 'DREAM' }],
    ['budgetCents', { budgetCents: -1 }],
    ['budgetCents', { budgetCents: 12.5 }],
    ['budgetCents', { budgetCents: '1000' }],
    ['budgetCents', { budgetCents: 1e20 }],
    ['startDate', { startDate: '2025-02-30' }],
    ['startDate', { startDate: '15/01/2025' }],
    ['endDate', { startDate: '2026-01-01', endDate: '2025-01-01' }],
    ['financing.0.amountCents', { financing: [{ financer: 'Région', amountCents: -5, status: 'GRANTED' }] }],
    ['financing.0.status', { financing: [{ financer: 'Région', amountCents: 5, status: 'MAYBE' }] }],
    ['milestones.0.dueDate', { milestones: [{ title: 'x', dueDate: 'demain' }] }],
    ['indicators.0.target', { indicators: [{ name: 'x', unit: 'u', target: 1.234 }] }],
    ['links.0', { links: ['javascript:alert(1)'] }],
    ['partners', { partners: Array.from({ length: 31 }, (_, i) => `P${i}`) }],
    ['operators', { operators: ['unknown-operator'] }],
  ])('refuses bad input on %s with a French message', async (field, patch) => {
    const before = await db.action.count();
    const e = await errorOf(createAction(cdp, 'tarn-nord', { ...valid, ...patch }));
    expect(e.code).toBe('INVALID');
    const messages = e.details?.fieldErrors?.[field];
    expect(messages, JSON.stringify(e.details?.fieldErrors)).toBeDefined();
    expect(messages?.join(' ')).toMatch(/[a-zà-ü]/i);
    expect(await db.action.count()).toBe(before);
  });

  it('refuses a body that is not an object', async () => {
    expect((await errorOf(createAction(cdp, 'tarn-nord', null))).code).toBe('INVALID');
    expect((await errorOf(createAction(cdp, 'tarn-nord', []))).code).toBe('INVALID');
  });
});

describe('update and concurrency', () => {
  let action: ActionDto;
  beforeAll(async () => {
    action = await createAction(cdp, 'tarn-nord', { ...valid, title: 'Réseau de chaleur fatale' });
  });

  it('updates with the current version and bumps it', async () => {
    const updated = await updateAction(cdp, action.id, { version: 1, status: 'IN_PROGRESS', budgetCents: 50_000_000 });
    expect(updated).toMatchObject({ version: 2, status: 'IN_PROGRESS', budgetCents: 50_000_000, title: 'Réseau de chaleur fatale' });
  });

  it('refuses a stale version with a conflict that says what changed, and overwrites nothing', async () => {
    const e = await errorOf(updateAction(cdp, action.id, { version: 1, title: 'Écrasement' }));
    expect(e.code).toBe('CONFLICT');
    expect(e.details?.current?.changedFields).toEqual(expect.arrayContaining(['status', 'budgetCents']));
    const current = await getAction(cdp, action.id);
    expect(current.title).toBe('Réseau de chaleur fatale');
    expect(current.version).toBe(2);
  });

  it('two concurrent writers from the same version: exactly one wins', async () => {
    const fresh = await createAction(cdp, 'tarn-nord', { ...valid, title: 'Course' });
    const results = await Promise.allSettled([
      updateAction(cdp, fresh.id, { version: 1, pilot: 'Alice' }),
      updateAction(cdp, fresh.id, { version: 1, pilot: 'Bruno' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason.code).toBe('CONFLICT');
    expect((await getAction(cdp, fresh.id)).version).toBe(2);
  });

  it('people editing different actions never conflict', async () => {
    const a = await createAction(cdp, 'tarn-nord', { ...valid, title: 'A' });
    const b = await createAction(cdp, 'tarn-nord', { ...valid, title: 'B' });
    await Promise.all([updateAction(cdp, a.id, { version: 1, pilot: 'X' }), updateAction(cdp, b.id, { version: 1, pilot: 'Y' })]);
    await reorderActions(cdp, 'tarn-nord', { orderedIds: (await listActions(cdp, 'tarn-nord')).map((x) => x.id).reverse() });
    // Reordering does not touch action versions.
    expect((await updateAction(cdp, a.id, { version: 2, pilot: 'Z' })).version).toBe(3);
  });

  it('is not found out of scope, even by id, and forbidden to readers in scope', async () => {
    expect((await errorOf(updateAction(otherCdp, action.id, { version: 2, title: 'x' }))).code).toBe('NOT_FOUND');
    expect((await errorOf(getAction(otherCdp, action.id))).code).toBe('NOT_FOUND');
    expect((await errorOf(updateAction(sgar, action.id, { version: 2, title: 'x' }))).code).toBe('FORBIDDEN');
    expect((await errorOf(updateAction(elu, action.id, { version: 2, title: 'x' }))).code).toBe('FORBIDDEN');
    expect((await getAction(sgar, action.id)).title).toBe('Réseau de chaleur fatale');
  });

  it('requires the base version and refuses unknown keys', async () => {
    expect((await errorOf(updateAction(cdp, action.id, { title: 'x' }))).details?.fieldErrors?.version).toBeDefined();
    expect((await errorOf(updateAction(cdp, action.id, { version: 2, territoryId: 'x' }))).code).toBe('INVALID');
  });

  it('updates progress quickly: status, indicator actual, milestone done', async () => {
    const current = await getAction(cdp, action.id);
    const indicator = current.indicators[0]!;
    const milestone = current.milestones[0]!;
    const updated = await updateProgress(cdp, action.id, {
      version: current.version,
      status: 'DONE',
      indicators: [{ id: indicator.id, actual: 80.5 }],
      milestones: [{ id: milestone.id, doneAt: '2025-03-20' }],
    });
    expect(updated.status).toBe('DONE');
    expect(updated.indicators[0]?.actual).toBe(80.5);
    expect(updated.milestones[0]?.doneAt).toBe('2025-03-20');
    // An indicator of another action is refused.
    const other = await createAction(cdp, 'tarn-nord', { ...valid, title: 'Autre' });
    const e = await errorOf(
      updateProgress(cdp, action.id, { version: updated.version, indicators: [{ id: other.indicators[0]!.id, actual: 1 }] }),
    );
    expect(e.code).toBe('INVALID');
    expect((await getAction(cdp, other.id)).indicators[0]?.actual).toBe(0);
  });

  it('keeps a readable history: who, when, before and after, oldest first', async () => {
    const history = await getActionHistory(sgar, action.id);
    expect(history.map((h) => h.operation)).toEqual(['create', 'update', 'progress']);
    expect(history[0]?.actor?.name).toBeTruthy();
    expect(history[0]?.actor?.role).toBe('PROJECT_LEAD');
    expect(history[1]?.before).toEqual({ status: 'NOT_STARTED', budgetCents: 45_000_000 });
    expect(history[1]?.after).toEqual({ status: 'IN_PROGRESS', budgetCents: 50_000_000 });
    expect(history[2]?.version).toBe(3);
  });

  it('archives out of the working plan, keeps history, and restores', async () => {
    const current = await getAction(cdp, action.id);
    const archived = await archiveAction(cdp, action.id, { version: current.version });
    expect(archived.archivedAt).not.toBeNull();
    expect((await listActions(cdp, 'tarn-nord')).map((a) => a.id)).not.toContain(action.id);
    expect((await listActions(cdp, 'tarn-nord', { archived: '1' })).map((a) => a.id)).toContain(action.id);
    expect((await errorOf(updateAction(cdp, action.id, { version: archived.version, title: 'x' }))).code).toBe('CONFLICT');
    const restored = await restoreAction(cdp, action.id, { version: archived.version });
    expect(restored.archivedAt).toBeNull();
    expect((await getActionHistory(cdp, action.id)).map((h) => h.operation).slice(-2)).toEqual(['archive', 'restore']);
  });
});

describe('filters', () => {
  it('filters by axis, status, phase, operator, late milestones and text', async () => {
    await createAction(cdp, 'tarn-nord', {
      ...valid,
      title: 'Requalification de la friche verrière',
      axes: ['INDUSTRIAL_LAND'],
      status: 'BLOCKED',
      phase: 'OPERATION',
      operators: ['cerema'],
      milestones: [{ title: 'Dépollution', dueDate: '2024-01-31' }],
    });
    const by = (f: Parameters<typeof listActions>[2]) => listActions(cdp, 'tarn-nord', f).then((l) => l.map((a) => a.title));
    expect(await by({ q: 'VERRIÈRE' })).toEqual(['Requalification de la friche verrière']);
    expect(await by({ axis: 'INDUSTRIAL_LAND', status: 'BLOCKED' })).toContain('Requalification de la friche verrière');
    expect(await by({ phase: 'OPERATION', operator: 'cerema' })).toContain('Requalification de la friche verrière');
    expect(await by({ late: '1' })).toContain('Requalification de la friche verrière');
    expect(await by({ status: 'ABANDONED', q: 'verrière' })).toEqual([]);
  });
});

describe('text search', () => {
  it('treats % and _ literally', async () => {
    const cdp = await actor(DEMO.cdpTarnNord);
    await createAction(cdp, 'tarn-nord', { title: 'Taux de 100% de recyclage', axes: ['ECOLOGICAL_TRANSITION'], status: 'NOT_STARTED' });
    expect((await listActions(cdp, 'tarn-nord', { q: '100%' })).map((a) => a.title)).toEqual(['Taux de 100% de recyclage']);
    const percent = await listActions(cdp, 'tarn-nord', { q: '%' });
    const all = await listActions(cdp, 'tarn-nord');
    expect(percent.length).toBeLessThan(all.length);
    for (const a of percent) expect([a.title, a.description, a.objectives, a.pilot].join(' ')).toContain('%');
    expect(await listActions(cdp, 'tarn-nord', { q: '_' })).toHaveLength(0);
  });
});
