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

try {
  const applied = await applyMigrations(db.url);
  if (applied.length) log(`Migrations appliquées : ${applied.join(', ')}`);
  const seedWanted = process.env.TI_SEED_DEMO ?? (db.embedded ? '1' : '0');
  if (seedWanted === '1') {
    const { seedIfEmpty } = await import('./db/seed-if-empty');
    await seedIfEmpty(db.url, log);
  }
} catch (error) {
  console.error(error);
  await shutdown(1);
}

const port = process.env.PORT ?? '3000';
const env = {
  ...process.env,
  DATABASE_URL: db.url,
  PORT: port,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? localSecret(),
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  NEXT_TELEMETRY_DISABLED: '1',
};
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
