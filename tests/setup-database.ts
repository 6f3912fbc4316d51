// Gives each test file its own database, copied from the template.
import crypto from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { disconnectDb } from '@/lib/db';

const TEMPLATE = 'ti_test_template';
const adminUrl = inject('adminUrl');
const name = `ti_test_${crypto.randomBytes(6).toString('hex')}`;

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`create database ${name} template ${TEMPLATE}`);
await admin.end();

const url = new URL(adminUrl);
url.pathname = `/${name}`;
process.env.DATABASE_URL = url.toString();
process.env.NEXTAUTH_SECRET ??= 'test-secret-test-secret-test-secret-0123';

afterAll(async () => {
  await disconnectDb();
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`drop database if exists ${name} with (force)`);
  await client.end();
});
