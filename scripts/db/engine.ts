// Offline migrations through Prisma's WebAssembly schema engine.
// The native engine cannot be downloaded on our machines (see docs/decisions/0003).
// Everything stays in Prisma's standard layout, so `prisma migrate deploy`
// works on the same folder wherever the native engine exists.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from '@prisma/driver-adapter-utils';
import type {
  MigrationList,
  SchemaEngine as SchemaEngineType,
} from '@prisma/schema-engine-wasm';
import * as bindings from '@prisma/schema-engine-wasm/schema_engine_bg';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const SCHEMA_PATH = path.join(ROOT, 'prisma', 'schema.prisma');
export const MIGRATIONS_DIR = path.join(ROOT, 'prisma', 'migrations');
const FILTERS = { externalTables: [], externalEnums: [] };

let wasmReady = false;
function loadWasm(): void {
  if (wasmReady) return;
  // The engine reports Rust panics through this global before throwing.
  (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
    set_message(message: string) {
      console.error(`Schema engine panic: ${message}`);
    },
  };
  const require = createRequire(import.meta.url);
  const wasmPath = path.join(
    path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')),
    'schema_engine_bg.wasm',
  );
  const wasmModule = new WebAssembly.Module(fs.readFileSync(wasmPath));
  const instance = new WebAssembly.Instance(wasmModule, {
    './schema_engine_bg.js': bindings as unknown as WebAssembly.ModuleImports,
  });
  (bindings as unknown as { __wbg_set_wasm(w: unknown): void }).__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  wasmReady = true;
}

type RawQuery = { charColumns?: number[] };
type Queryable = {
  performIO(query: RawQuery): Promise<{ fields: { dataTypeID: number }[] }>;
  queryRaw(query: RawQuery): Promise<{ columnTypes: number[] }>;
  executeScript(script: string): Promise<void>;
  startTransaction(isolationLevel?: string): Promise<Queryable>;
  underlyingDriver?(): pg.Pool;
  dispose?(): Promise<void>;
};

const PG_INTERNAL_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/**
 * Works around two gaps of adapter-pg when driving the schema engine:
 * - PostgreSQL's internal "char" type (OID 18, e.g. pg_constraint.contype) is
 *   unknown to adapter-pg; it is read as text and reported to the engine as a
 *   character column, which is what the engine's catalog queries expect.
 * - scripts run whole (adapter-pg splits them on ";", which breaks function bodies).
 */
function patchConnection<T extends Queryable>(conn: T, pool?: pg.Pool): T {
  const performIO = conn.performIO.bind(conn);
  conn.performIO = async (query) => {
    const result = await performIO(query);
    result.fields.forEach((field, i) => {
      if (field.dataTypeID !== PG_INTERNAL_CHAR_OID) return;
      field.dataTypeID = PG_TEXT_OID;
      (query.charColumns ??= []).push(i);
    });
    return result;
  };
  const queryRaw = conn.queryRaw.bind(conn);
  conn.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const i of query.charColumns ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
  if (pool) {
    conn.executeScript = async (script) => {
      await pool.query(script);
    };
  }
  if (typeof conn.startTransaction === 'function') {
    const start = conn.startTransaction.bind(conn);
    conn.startTransaction = async (level) => patchConnection(await start(level));
  }
  return conn;
}

function databaseUrl(base: string, database: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

function adapterFactory(connectionString: string) {
  const factory = new PrismaPg({ connectionString });
  const connect = async () => {
    const conn = (await factory.connect()) as unknown as Queryable;
    return patchConnection(conn, conn.underlyingDriver?.());
  };
  const connectToShadowDb = async () => {
    const name = `prisma_shadow_${crypto.randomUUID().replaceAll('-', '')}`;
    const admin = new pg.Client({ connectionString });
    await admin.connect();
    await admin.query(`create database "${name}"`);
    const shadow = new PrismaPg({ connectionString: databaseUrl(connectionString, name) });
    const conn = (await shadow.connect()) as unknown as Queryable;
    const dispose = conn.dispose?.bind(conn);
    conn.dispose = async () => {
      await dispose?.();
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.end();
    };
    return patchConnection(conn, conn.underlyingDriver?.());
  };
  return bindMigrationAwareSqlAdapterFactory({
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect,
    connectToShadowDb,
  } as unknown as Parameters<typeof bindMigrationAwareSqlAdapterFactory>[0]);
}

function schemaFiles(content = fs.readFileSync(SCHEMA_PATH, 'utf8')) {
  return [{ path: SCHEMA_PATH, content }];
}

export function readMigrations(dir = MIGRATIONS_DIR): MigrationList {
  const lockPath = path.join(dir, 'migration_lock.toml');
  const migrationDirectories = fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
        .map((name) => {
          const file = path.join(dir, name, 'migration.sql');
          return {
            path: name,
            migrationFile: {
              path: 'migration.sql',
              content: fs.existsSync(file)
                ? { tag: 'ok' as const, value: fs.readFileSync(file, 'utf8') }
                : { tag: 'error' as const, value: `missing ${file}` },
            },
          };
        })
    : [];
  return {
    baseDir: dir,
    lockfile: {
      path: 'migration_lock.toml',
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, 'utf8') : null,
    },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}

async function withEngine<T>(url: string, fn: (engine: SchemaEngineType) => Promise<T>): Promise<T> {
  loadWasm();
  const { SchemaEngine } = bindings as unknown as { SchemaEngine: typeof SchemaEngineType };
  const files = schemaFiles();
  const engine = await SchemaEngine.new(
    { datamodels: files.map((f) => [f.path, f.content] as [string, string]) },
    () => undefined,
    adapterFactory(url),
  );
  try {
    return await fn(engine);
  } finally {
    engine.free();
  }
}

/** Applies pending migrations, recording them in `_prisma_migrations`. */
export async function applyMigrations(url: string): Promise<string[]> {
  return withEngine(url, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList: readMigrations(), filters: FILTERS });
    return out.appliedMigrationNames;
  });
}

/**
 * SQL that would bring a database built from the migrations folder to the
 * schema in schema.prisma (empty when they agree). Uses a shadow database.
 */
export async function pendingSchemaChange(url: string, schemaText?: string): Promise<string> {
  return withEngine(url, async (engine) => {
    const result = await engine.diff({
      from: { tag: 'migrations', ...readMigrations() },
      to: { tag: 'schemaDatamodel', files: schemaFiles(schemaText) },
      script: true,
      exitCode: null,
      filters: FILTERS,
    } as Parameters<SchemaEngineType['diff']>[0]);
    return result.stdout ?? '';
  });
}

export function isEmptyMigration(sql: string): boolean {
  return sql
    .split('\n')
    .map((l) => l.trim())
    .every((l) => l === '' || l.startsWith('--'));
}

/** Writes prisma/migrations/<stamp>_<name>/migration.sql; returns its folder or null. */
export async function createMigration(url: string, name: string): Promise<string | null> {
  fs.mkdirSync(MIGRATIONS_DIR, { recursive: true });
  const lock = path.join(MIGRATIONS_DIR, 'migration_lock.toml');
  if (!fs.existsSync(lock)) {
    fs.writeFileSync(
      lock,
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    );
  }
  const sql = await pendingSchemaChange(url);
  if (isEmptyMigration(sql)) return null;
  const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '') || 'migration';
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${slug}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'migration.sql'), sql);
  return dir;
}
