// The one Prisma client of the application (STYLE §1). Created lazily so that
// builds and tests can choose the database before first use.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';

function ms(name: string, fallback: number): number {
  const n = Number(process.env[name]);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/**
 * Timeouts (ADR 0011): a request never hangs on the database. Getting a connection,
 * one statement and an idle open transaction are each bounded; past them the query
 * fails and the API answers 503 (lib/db-errors.ts).
 */
export function poolTimeouts() {
  return {
    connectionTimeoutMillis: ms('DATABASE_CONNECT_TIMEOUT_MS', 5_000),
    statement_timeout: ms('DATABASE_STATEMENT_TIMEOUT_MS', 15_000),
    idle_in_transaction_session_timeout: ms('DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS', 15_000),
    lock_timeout: ms('DATABASE_LOCK_TIMEOUT_MS', 10_000),
  };
}

function create(url: string): PrismaClient {
  const adapter = new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10), ...poolTimeouts() });
  return new PrismaClient({ adapter });
}

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export function getDb(): PrismaClient {
  if (!globalForPrisma.prisma) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL manquant : démarrez l’application avec `npm run dev` ou `npm start`.');
    globalForPrisma.prisma = create(url);
  }
  return globalForPrisma.prisma;
}

/** Lazily-connected client; importing this module never opens a connection. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getDb();
    const value = Reflect.get(client, property, client) as unknown;
    return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(client) : value;
  },
});

export async function disconnectDb(): Promise<void> {
  await globalForPrisma.prisma?.$disconnect();
  globalForPrisma.prisma = undefined;
}

export type { PrismaClient };
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
