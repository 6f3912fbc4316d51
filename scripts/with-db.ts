// Runs a command (next dev / next start) with a ready database:
// DATABASE_URL when set, otherwise the embedded PostgreSQL in .data/postgres.
// Applies pending migrations, seeds the demo data into an empty embedded
// database, provides a persistent local NEXTAUTH_SECRET, and stops the
// embedded cluster cleanly when the command ends (Ctrl-C included).
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { applyMigrations, ROOT } from './db/engine';
import { resolveDatabase } from './db/connection';
import { APP_ROLE, EMBEDDED_APP_PASSWORD, ensureAppRole, grantAppPrivileges, userOf, withCredentials } from './db/roles';
import { isLoopbackHost } from '../lib/security/headers';
import { demoSeedDecision, productionEnvProblems } from '../lib/security/production-env';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('Usage : tsx scripts/with-db.ts <commande> [arguments]');
  process.exit(1);
}
const log = (m: string) => console.log(`[territoires] ${m}`);

function localSecret(): string {
  const file = path.join(ROOT, '.data', 'auth-secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

// `next start` serves the production build: the production guards apply (ADR 0011).
const production = process.env.NODE_ENV === 'production' || (command === 'next' && args[0] === 'start');
const port = process.env.PORT ?? '3000';
const nextauthUrl = process.env.NEXTAUTH_URL ?? `http://localhost:${port}`;
// A local secret is generated only for a local (loopback) app; a public one must be given.
let nextauthSecret = process.env.NEXTAUTH_SECRET;
let localUrlHost: string | undefined;
try {
  localUrlHost = new URL(nextauthUrl).hostname;
} catch {
  localUrlHost = undefined;
}
if (!nextauthSecret && (!production || isLoopbackHost(localUrlHost))) nextauthSecret = localSecret();
if (production) {
  const problems = productionEnvProblems({ NEXTAUTH_SECRET: nextauthSecret, NEXTAUTH_URL: nextauthUrl });
  if (problems.length) {
    console.error(`[territoires] Démarrage refusé en production :\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
}

const db = await resolveDatabase({ log });
let exiting = false;
async function shutdown(code: number): Promise<never> {
  if (!exiting) {
    exiting = true;
    await db.stop().catch((e: unknown) => console.error(e));
    if (db.embedded) log('PostgreSQL embarqué arrêté.');
  }
  process.exit(code);
}

// Two roles (ADR 0011): migrations and seeds run as the owner; the app runs as a
// least-privilege role. Embedded: both are created here. A server: MIGRATION_DATABASE_URL
// (owner) + DATABASE_URL (app role); DATABASE_URL alone keeps working with one role.
const ownerUrl = process.env.MIGRATION_DATABASE_URL ?? db.url;
let appUrl = db.url;
try {
  const applied = await applyMigrations(ownerUrl);
  if (applied.length) log(`Migrations appliquées : ${applied.join(', ')}`);
  if (db.embedded) {
    await ensureAppRole(db.url, APP_ROLE, EMBEDDED_APP_PASSWORD);
    await grantAppPrivileges(ownerUrl, APP_ROLE);
    appUrl = withCredentials(db.url, APP_ROLE, EMBEDDED_APP_PASSWORD);
  } else if (process.env.MIGRATION_DATABASE_URL && userOf(ownerUrl) !== userOf(db.url)) {
    await grantAppPrivileges(ownerUrl, userOf(db.url));
  } else if (production) {
    log('Attention : l’application utilise le rôle propriétaire des tables (DATABASE_URL seul). Voir README, « Rôles PostgreSQL ».');
  }
  const demo = demoSeedDecision(process.env, production, db.embedded);
  if (demo.warning) log(demo.warning);
  if (demo.seed) {
    const { seedIfEmpty } = await import('./db/seed-if-empty');
    await seedIfEmpty(ownerUrl, log);
  }
} catch (error) {
  console.error(error);
  await shutdown(1);
}

const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: appUrl,
  PORT: port,
  NEXTAUTH_SECRET: nextauthSecret,
  NEXTAUTH_URL: nextauthUrl,
  NEXT_TELEMETRY_DISABLED: '1',
};
delete env.MIGRATION_DATABASE_URL; // the app itself never holds the owner's credentials
// Loopback only unless told otherwise (HOST=0.0.0.0 to expose the app on the network).
if (command === 'next' && !args.some((a) => a === '-H' || a === '--hostname')) {
  args.push('--hostname', process.env.HOST ?? '127.0.0.1');
}
const child = spawn(command, args, { stdio: 'inherit', env, shell: false });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    child.kill(signal);
  });
}
child.on('exit', (code, signal) => {
  void shutdown(code ?? (signal ? 0 : 1));
});
