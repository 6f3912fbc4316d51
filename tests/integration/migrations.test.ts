// The migrations folder must produce exactly the schema described by schema.prisma.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isEmptyMigration, pendingSchemaChange, SCHEMA_PATH } from '../../scripts/db/engine';

describe('migrations vs schema.prisma', () => {
  it('have no drift', async () => {
    const sql = await pendingSchemaChange(process.env.DATABASE_URL as string);
    expect(isEmptyMigration(sql), `Run npm run db:migration -- <name>. Pending SQL:\n${sql}`).toBe(true);
  });

  it('detects a schema change that has no migration', async () => {
    const changed = fs
      .readFileSync(SCHEMA_PATH, 'utf8')
      .replace('model Notification {', 'model Notification {\n  driftProbe String?');
    const sql = await pendingSchemaChange(process.env.DATABASE_URL as string, changed);
    expect(sql).toContain('driftProbe');
  });
});
