// Least-privilege database roles (ADR 0011). The migration role owns the tables
// (DDL, migrations, seeds); the application role may only read and write rows:
// no DDL, and only SELECT/INSERT on the audit log. Both steps are idempotent.
import pg from 'pg';

/** The application role the embedded setup and the tests create. */
export const APP_ROLE = 'ti_app';
// Loopback-only clusters; the password only guards against other local users.
export const EMBEDDED_APP_PASSWORD = 'embedded-app-local';

const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;

function ident(name: string): string {
  if (!IDENT.test(name)) throw new Error(`Nom de rôle invalide : ${name}`);
  return `"${name}"`;
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates the application role (or resets its password). Needs CREATEROLE: embedded clusters and tests. */
export async function ensureAppRole(adminUrl: string, role: string, password: string): Promise<void> {
  await withClient(adminUrl, async (c) => {
    const { rowCount } = await c.query('select 1 from pg_roles where rolname = $1', [role]);
    const literal = (await c.query<{ q: string }>('select quote_literal($1) as q', [password])).rows[0]?.q;
    const verb = rowCount ? 'ALTER' : 'CREATE';
    try {
      await c.query(`${verb} ROLE ${ident(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${literal}`);
    } catch (error) {
      // Parallel test workers or two starts may race on CREATE ROLE.
      if (!String(error).includes('already exists')) throw error;
    }
  });
}

/**
 * Grants the application role what it needs on the tables that exist now, and on
 * those the owner creates later (default privileges). Run as the owner (migration
 * role) after every migration.
 */
export async function grantAppPrivileges(ownerUrl: string, role: string): Promise<void> {
  const r = ident(role);
  await withClient(ownerUrl, async (c) => {
    const db = (await c.query<{ d: string }>('select current_database() as d')).rows[0]?.d as string;
    try {
      await c.query(`GRANT CONNECT ON DATABASE "${db.replace(/"/g, '""')}" TO ${r}`);
    } catch {
      // The table owner need not own the database: CONNECT is then the DBA's grant (README).
    }
    await c.query(`
      GRANT USAGE ON SCHEMA public TO ${r};
      REVOKE CREATE ON SCHEMA public FROM ${r};
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r};
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r};
      ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r};
      ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${r};
      REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM ${r};
      REVOKE UPDATE, DELETE ON "AuditLog" FROM ${r};
    `);
    const migrations = await c.query(`select 1 from pg_tables where schemaname = 'public' and tablename = '_prisma_migrations'`);
    if (migrations.rowCount) await c.query(`REVOKE INSERT, UPDATE, DELETE ON "_prisma_migrations" FROM ${r}`);
  });
}

/** The same URL with other credentials. */
export function withCredentials(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  return u.toString();
}

export function userOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}
