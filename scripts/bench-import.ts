// Times the import of the real official list (../shared/data/territoires-industrie/
// liste-ti-communes-2023.csv: 18,726 communes, 183 territories) into the demo
// database, as national staff do it: preview, then apply the previewed fingerprint.
// The preview runs in a fresh process, so it includes loading the official geography
// (a server does that once). Runnable alone: `npx tsx scripts/bench-import.ts`;
// `benchImport()` is what `npm run bench` calls.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../lib/generated/prisma/client';
import { seed } from '../prisma/seed/index';
import { applyMigrations, ROOT } from './db/engine';
import { ensureDatabase, startEmbeddedPostgres } from './db/embedded';

export const OFFICIAL_COMMUNE_FILE = path.resolve(ROOT, process.env.BENCH_IMPORT_FILE ?? '../shared/data/territoires-industrie/liste-ti-communes-2023.csv');

export async function benchImport(): Promise<{ previewMs: number; applyMs: number }> {
  if (!fs.existsSync(OFFICIAL_COMMUNE_FILE)) {
    throw new Error(`Fichier de la liste officielle absent : ${OFFICIAL_COMMUNE_FILE} (BENCH_IMPORT_FILE pour en indiquer un autre).`);
  }
  const server = await startEmbeddedPostgres({
    dataDir: path.join(ROOT, '.data/bench-import-postgres'),
    port: Number(process.env.BENCH_IMPORT_DB_PORT ?? 54333),
    fresh: true,
    ephemeral: true,
  });
  try {
    await ensureDatabase(server.adminUrl, 'bench_import');
    const url = server.urlFor('bench_import');
    await applyMigrations(url);
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
    await seed(prisma, { scale: 'demo', password: process.env.DEMO_PASSWORD ?? 'Demo-Territoires-2026' });
    await prisma.$disconnect();

    process.env.DATABASE_URL = url;
    const { importTerritories, previewTerritoryImport } = await import('../lib/imports/territories');
    const { findActiveActor } = await import('../lib/users/queries');
    const { db, disconnectDb } = await import('../lib/db');
    try {
      const user = await db.user.findUniqueOrThrow({ where: { email: 'anct.national@demo.test' }, select: { id: true } });
      const actor = await findActiveActor(user.id);
      if (!actor) throw new Error('compte national de démonstration inactif');
      const text = fs.readFileSync(OFFICIAL_COMMUNE_FILE, 'utf8');

      let start = performance.now();
      const preview = await previewTerritoryImport(actor, text, { filename: path.basename(OFFICIAL_COMMUNE_FILE) });
      const previewMs = performance.now() - start;

      start = performance.now();
      const report = await importTerritories(actor, text, { filename: path.basename(OFFICIAL_COMMUNE_FILE), expectedFingerprint: preview.fingerprint });
      const applyMs = performance.now() - start;
      if (report.territories !== 183) throw new Error(`183 territoires attendus, ${report.territories} importés`);
      return { previewMs: Math.round(previewMs), applyMs: Math.round(applyMs) };
    } finally {
      await disconnectDb();
    }
  } finally {
    await server.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { previewMs, applyMs } = await benchImport();
  console.log(`| import de la liste officielle (18 726 communes, 183 territoires) | aperçu ${previewMs} ms | application ${applyMs} ms |`);
  if (previewMs > 10_000 || applyMs > 10_000) {
    console.error('Au-delà de 10 s : objectif manqué.');
    process.exitCode = 1;
  }
}
