// The territory health figures, the regional dashboard and its review queue are cached
// under the data version (ADR 0023): a committed write, through the domain or through
// another connection (another app instance), shows at once; an uncommitted one does
// not; and at an unchanged version the cached figures are served (the cache is real).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/authz/policy';
import { listTerritoryHealth } from '@/lib/health/queries';
import { getRegionalDashboard, listReviewQueue } from '@/lib/regions/queries';
import { readDataVersion } from '@/lib/cache/data-version';
import { actor, DEMO } from '../fixtures';

let sgar: Actor;
let other: pg.Client;
let territoryId: string;
const SLUG = 'tarn-nord';

beforeAll(async () => {
  sgar = await actor(DEMO.sgarOccitanie);
  territoryId = (await db.territory.findUniqueOrThrow({ where: { slug: SLUG }, select: { id: true } })).id;
  // Another app instance: its own connection to the same database.
  other = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await other.connect();
});

afterAll(async () => {
  await other.end();
});

const healthOf = async () => (await listTerritoryHealth(sgar, { regionCode: '76' })).find((r) => r.slug === SLUG)!.health;
const dashboardRow = async () => (await getRegionalDashboard(sgar, '76')).find((r) => r.slug === SLUG)!;

describe('health and regional figures under the data version', () => {
  it('a plan version submitted through another connection shows at once in health, dashboard and queue, not before its commit', async () => {
    const plan = await db.actionPlan.findFirstOrThrow({ where: { territoryId }, select: { id: true } });
    const before = await healthOf();
    const rowBefore = await dashboardRow();
    const queueBefore = await listReviewQueue(sgar, '76');
    const number = 1 + ((await db.planVersion.aggregate({ where: { planId: plan.id }, _max: { number: true } }))._max.number ?? 0);
    const submittedAt = new Date('2020-01-06T10:00:00Z');
    await other.query('begin');
    await other.query(
      `insert into "PlanVersion" (id, "planId", number, status, snapshot, "submittedAt", "stateValidatedAt")
       values ($1, $2, $3, 'LOCALLY_VALIDATED', '[]'::jsonb, $4, null)`,
      [`freshness-${number}`, plan.id, number, submittedAt],
    );
    // Uncommitted: every instance still serves the committed figures.
    expect((await healthOf()).input.pendingDecisionSince).toEqual(before.input.pendingDecisionSince);
    expect((await dashboardRow()).pending?.number).toBe(rowBefore.pending?.number);
    await other.query('commit');
    const after = await healthOf();
    expect(after.input.pendingDecisionSince).toEqual(submittedAt);
    // Waiting since 2020: well over 60 days, so the territory is off track, and says why.
    expect(after.status).toBe('OFF_TRACK');
    expect((await dashboardRow()).pending?.number).toBe(number);
    const queue = await listReviewQueue(sgar, '76');
    expect(queue.length).toBe(queueBefore.length + 1);
    expect(queue.map((q) => q.number)).toContain(number);
  });

  it('an audit entry naming the territory moves its last update at once; one naming none does not bump the version', async () => {
    const v0 = await readDataVersion();
    await other.query(
      `insert into "AuditLog" ("entityType", "entityId", operation) values ('User', 'x', 'signin')`,
    );
    expect(await readDataVersion()).toBe(v0);
    const at = new Date(Date.now() + 60_000);
    await other.query(
      `insert into "AuditLog" ("entityType", "entityId", operation, "territoryId", at) values ('Territory', $1, 'update', $1, $2)`,
      [territoryId, at],
    );
    expect(await readDataVersion()).toBeGreaterThan(v0);
    expect((await healthOf()).input.lastUpdate).toEqual(at);
  });

  it('at an unchanged version the cached figures are served (a write that bypasses the triggers is not seen)', async () => {
    const before = await dashboardRow();
    // As the owner, with triggers off for this session only: the data changes but the
    // version does not, which no application write can do. The cache then keeps serving
    // the figures it computed at that version: proof that they come from the cache.
    const owner = new pg.Client({ connectionString: process.env.MIGRATION_DATABASE_URL });
    await owner.connect();
    try {
      await owner.query(`set session_replication_role = replica`);
      await owner.query(`update "Action" set "archivedAt" = now() where "territoryId" = $1 and "archivedAt" is null`, [territoryId]);
      expect((await dashboardRow()).actions).toBe(before.actions);
      await owner.query(`set session_replication_role = origin`);
      // Any application write bumps the version: the figures are then recomputed.
      await owner.query(`update "Territory" set name = name where id = $1`, [territoryId]);
      expect((await dashboardRow()).actions).toBe(0);
    } finally {
      await owner.end();
    }
  });
});
