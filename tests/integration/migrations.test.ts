// The migrations folder must produce exactly the schema described by schema.prisma.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isEmptyMigration, pendingSchemaChange, SCHEMA_PATH } from '../../scripts/db/engine';

// Migrations run as the owner (MIGRATION_DATABASE_URL), never as the app role.
const OWNER_URL = (process.env.MIGRATION_DATABASE_URL ?? process.env.DATABASE_URL) as string;

describe('migrations vs schema.prisma', () => {
  it('have no drift', async () => {
    const sql = await pendingSchemaChange(OWNER_URL);
    expect(isEmptyMigration(sql), `Run npm run db:migration -- <name>. Pending SQL:\n${sql}`).toBe(true);
  });

  it('detects a schema change that has no migration', async () => {
    const changed = fs
      .readFileSync(SCHEMA_PATH, 'utf8')
      .replace('model Notification {', 'model Notification {\n  driftProbe String?');
    const sql = await pendingSchemaChange(OWNER_URL, changed);
    expect(sql).toContain('driftProbe');
  });
});
