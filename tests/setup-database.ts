// Gives each test file its own database, copied from the template.
import crypto from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { disconnectDb } from '@/lib/db';
import { EMBEDDED_APP_PASSWORD, withCredentials } from '../scripts/db/roles';

const TEMPLATE = 'ti_test_template';
const adminUrl = inject('adminUrl');
const appRole = inject('appRole');
const name = `ti_test_${crypto.randomBytes(6).toString('hex')}`;

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
// Copies from one template cannot run concurrently: serialise them across workers.
await admin.query('select pg_advisory_lock(727274)');
try {
  // A pool that was just closed can linger on the template for a moment.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`create database ${name} template ${TEMPLATE}`);
      break;
    } catch (error) {
      if (attempt >= 30 || !String(error).includes('being accessed by other users')) throw error;
      await admin.query(
        `select pg_terminate_backend(pid) from pg_stat_activity where datname = '${TEMPLATE}' and pid <> pg_backend_pid()`,
      );
      await new Promise((r) => setTimeout(r, 100));
    }
  }
} finally {
  await admin.query('select pg_advisory_unlock(727274)');
  await admin.end();
}

const url = new URL(adminUrl);
url.pathname = `/${name}`;
// The owner's URL for migrations and checks; the app's own queries run as the app role.
process.env.MIGRATION_DATABASE_URL = url.toString();
process.env.DATABASE_URL = appRole ? withCredentials(url.toString(), appRole, EMBEDDED_APP_PASSWORD) : url.toString();
process.env.NEXTAUTH_SECRET ??= 'test-secret-test-secret-test-secret-0123';
// The security log (lib/security-log.ts) stays quiet in tests unless a test captures it.
process.env.SECURITY_LOG_LEVEL ??= 'silent';

afterAll(async () => {
  await disconnectDb();
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`drop database if exists ${name} with (force)`);
  await client.end();
});
