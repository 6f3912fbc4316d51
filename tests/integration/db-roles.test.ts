// The app connects as a least-privilege role (ADR 0011): it cannot rewrite or erase
// the audit trail, nor change the schema; the audit log refuses TRUNCATE even from
// its owner; a stuck statement fails fast and maps to 503.
process.env.DATABASE_STATEMENT_TIMEOUT_MS = '800';

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { isDatabaseUnavailable } from '@/lib/db-errors';
import { errorResponse } from '@/lib/http';

const APP_URL = process.env.DATABASE_URL as string;
const OWNER_URL = process.env.MIGRATION_DATABASE_URL as string;

let app: pg.Client;
let owner: pg.Client;

beforeAll(async () => {
  app = new pg.Client({ connectionString: APP_URL });
  owner = new pg.Client({ connectionString: OWNER_URL });
  await app.connect();
  await owner.connect();
});

afterAll(async () => {
  await app.end();
  await owner.end();
});

async function refused(client: pg.Client, sql: string): Promise<string> {
  const error = await client.query(sql).then(
    () => null,
    (e: unknown) => e as Error,
  );
  expect(error, `should have been refused: ${sql}`).not.toBeNull();
  return (error as Error).message;
}

describe('the application role', () => {
  it('is a separate, unprivileged login role', async () => {
    expect(new URL(APP_URL).username).toBe('ti_app');
    expect(new URL(APP_URL).username).not.toBe(new URL(OWNER_URL).username);
    const { rows } = await app.query<{ rolsuper: boolean; rolcreatedb: boolean; rolcreaterole: boolean; rolbypassrls: boolean }>(
      'select rolsuper, rolcreatedb, rolcreaterole, rolbypassrls from pg_roles where rolname = current_user',
    );
    expect(rows[0]).toEqual({ rolsuper: false, rolcreatedb: false, rolcreaterole: false, rolbypassrls: false });
  });

  it('cannot drop or disable the audit trigger', async () => {
    expect(await refused(app, 'drop trigger audit_log_append_only on "AuditLog"')).toMatch(/must be owner/);
    expect(await refused(app, 'alter table "AuditLog" disable trigger all')).toMatch(/must be owner/);
    expect(await refused(app, 'drop function audit_log_append_only() cascade')).toMatch(/must be owner/);
  });

  it('cannot update, delete or truncate the audit log, but reads and appends to it', async () => {
    expect(await refused(app, `update "AuditLog" set "entityType" = 'x'`)).toMatch(/permission denied/);
    expect(await refused(app, 'delete from "AuditLog"')).toMatch(/permission denied/);
    expect(await refused(app, 'truncate "AuditLog"')).toMatch(/permission denied/);
    expect(await refused(app, 'truncate "User" cascade')).toMatch(/permission denied/);
    const before = await db.auditLog.count();
    expect(before).toBeGreaterThan(0);
    await app.query(`insert into "AuditLog" ("entityType", "entityId", "operation") values ('Test', 'x', 'probe')`);
    expect(await db.auditLog.count()).toBe(before + 1);
    const { rows: privileges } = await app.query<{ privilege_type: string }>(
      `select privilege_type from information_schema.role_table_grants where table_name = 'AuditLog' and grantee = current_user order by 1`,
    );
    expect(privileges.map((p) => p.privilege_type)).toEqual(['INSERT', 'SELECT']);
  });

  it('has no DDL', async () => {
    expect(await refused(app, 'create table intrus (id int)')).toMatch(/permission denied/);
    expect(await refused(app, 'alter table "User" add column intrus int')).toMatch(/must be owner/);
    expect(await refused(app, 'drop table "Notification"')).toMatch(/must be owner/);
    expect(await refused(app, `insert into "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) values ('x', 'x', 'x', now(), 0)`)).toMatch(/permission denied/);
  });
});

describe('the audit log owner', () => {
  it('cannot truncate the audit log either, directly or by cascade', async () => {
    expect(await refused(owner, 'truncate "AuditLog"')).toMatch(/append-only \(TRUNCATE refused\)/);
    expect(await refused(owner, 'truncate "User" cascade')).toMatch(/append-only \(TRUNCATE refused\)/);
    expect(await refused(owner, `update "AuditLog" set "entityType" = 'x'`)).toMatch(/append-only \(UPDATE refused\)/);
  });
});

describe('pool timeouts', () => {
  it('cancels a stuck statement quickly, reported as 503', async () => {
    const started = Date.now();
    const error = await db.$queryRaw`select pg_sleep(10)`.then(
      () => null,
      (e: unknown) => e,
    );
    expect(Date.now() - started).toBeLessThan(5000);
    expect(isDatabaseUnavailable(error)).toBe(true);
    const response = errorResponse(error);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect((await response.json()) as unknown).toEqual({
      error: 'UNAVAILABLE',
      message: 'Service momentanément indisponible. Réessayez dans quelques instants.',
    });
  });

  it('bounds idle transactions and lock waits on every connection', async () => {
    const rows = await db.$queryRaw<{ idle: string; lock: string }[]>`
      select current_setting('idle_in_transaction_session_timeout') as idle, current_setting('lock_timeout') as lock`;
    expect(rows[0]).toEqual({ idle: '15s', lock: '10s' });
  });
});
