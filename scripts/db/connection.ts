// Resolves the database to use: DATABASE_URL when set, otherwise the embedded
// development cluster in .data/postgres (started here, stopped by the caller).
import path from 'node:path';
import { ROOT } from './engine';
import { ensureDatabase, startEmbeddedPostgres } from './embedded';

export const EMBEDDED_DATABASE = 'territoires';

export interface ResolvedDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export async function resolveDatabase(options: { log?: (m: string) => void } = {}): Promise<ResolvedDatabase> {
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv) return { url: fromEnv, embedded: false, stop: async () => undefined };
  const port = Number(process.env.TI_DB_PORT ?? 54329);
  const dataDir = path.resolve(ROOT, process.env.TI_DB_DIR ?? '.data/postgres');
  const server = await startEmbeddedPostgres({
    dataDir,
    port,
    fresh: process.env.TI_DB_FRESH === '1',
    ephemeral: process.env.TI_DB_FRESH === '1',
    log: options.log,
  });
  await ensureDatabase(server.adminUrl, EMBEDDED_DATABASE);
  return { url: server.urlFor(EMBEDDED_DATABASE), embedded: true, stop: server.stop };
}
