// Starts the test PostgreSQL (embedded, or the server in DATABASE_URL) and
// builds a template database: migrations + official geography + demo data.
// Each test file then gets its own copy (tests/setup-database.ts).
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { PrismaPg } from '@prisma/adapter-pg';
import { applyMigrations, ROOT } from '../scripts/db/engine';
import { ensureDatabase, startEmbeddedPostgres } from '../scripts/db/embedded';
import { APP_ROLE, EMBEDDED_APP_PASSWORD, ensureAppRole, grantAppPrivileges } from '../scripts/db/roles';
import { PrismaClient } from '../lib/generated/prisma/client';
import { seed } from '../prisma/seed/index';

export const TEMPLATE = 'ti_test_template';
export const DEMO_PASSWORD = 'Demo-Territoires-2026';

declare module 'vitest' {
  export interface ProvidedContext {
    adminUrl: string;
    /** The least-privilege role the app connects with (ADR 0011); '' when it could not be created. */
    appRole: string;
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export default async function setup(project: TestProject) {
  let adminUrl: string;
  let stop = async () => undefined as void;
  if (process.env.DATABASE_URL) {
    adminUrl = withDatabase(process.env.DATABASE_URL, 'postgres');
  } else {
    const server = await startEmbeddedPostgres({
      dataDir: path.join(ROOT, process.env.TI_TEST_DB_DIR ?? '.data/test-postgres'),
      port: Number(process.env.TI_TEST_DB_PORT ?? 54330),
      fresh: true,
      ephemeral: true,
    });
    adminUrl = server.adminUrl;
    stop = server.stop;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${TEMPLATE} with (force)`);
  await admin.end();
  await ensureDatabase(adminUrl, TEMPLATE);
  const templateUrl = withDatabase(adminUrl, TEMPLATE);
  await applyMigrations(templateUrl);
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: templateUrl }) });
  await seed(prisma, { scale: 'demo', password: DEMO_PASSWORD });
  await prisma.$disconnect();
  // The app connects as the least-privilege role, as in production; the grants live
  // in the template and are copied with each test database.
  let appRole = APP_ROLE;
  try {
    await ensureAppRole(adminUrl, APP_ROLE, EMBEDDED_APP_PASSWORD);
    await grantAppPrivileges(templateUrl, APP_ROLE);
  } catch (error) {
    if (!process.env.DATABASE_URL) throw error;
    console.warn(`Rôle applicatif non créé (droit CREATEROLE absent ?), tests avec le rôle propriétaire : ${String(error)}`);
    appRole = '';
  }
  project.provide('adminUrl', adminUrl);
  project.provide('appRole', appRole);
  return async () => {
    await stop();
  };
}
