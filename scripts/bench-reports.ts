// Generation times of the committee packs at national scale (issue 12).
// `benchReports()` seeds the national dataset (183 territories) into its own embedded
// cluster when needed, then builds and renders each pack in-process, as the API routes
// do, and returns one row per pack (median of BENCH_RUNS runs). The lead wires it into
// `npm run bench`; run alone with `npx tsx scripts/bench-reports.ts`.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../lib/generated/prisma/client';
import { resetDomainData, seed } from '../prisma/seed/index';
import { applyMigrations } from './db/engine';
import { resolveDatabase } from './db/connection';

export interface ReportBenchRow {
  name: string;
  medianMs: number;
  maxMs: number;
  bytes: number;
}

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

export async function benchReports(): Promise<ReportBenchRow[]> {
  process.env.TI_DB_DIR ??= '.data/bench-reports-postgres';
  process.env.TI_DB_PORT ??= process.env.BENCH_DB_PORT ?? '54333';
  const database = await resolveDatabase({ log: console.log });
  const admin = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
  try {
    await applyMigrations(database.url);
    if ((await admin.territory.count()) < 150) {
      console.log('Chargement du jeu national…');
      await resetDomainData(admin);
      await seed(admin, { scale: 'national', password: process.env.DEMO_PASSWORD ?? 'Demo-Territoires-2026' });
    }
    process.env.DATABASE_URL = database.url;
    // Imported once DATABASE_URL is set: lib/db reads it on first use.
    const { findActiveActor } = await import('../lib/users/queries');
    const { programmePack, regionPack, territoryPack, actionPack } = await import('../lib/reports/pack');
    const { renderPdf } = await import('../lib/reports/render-pdf');
    const { renderDocx } = await import('../lib/reports/render-docx');
    const actorOf = async (email: string) => {
      const u = await admin.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
      const a = await findActiveActor(u.id);
      if (!a) throw new Error(`inactive ${email}`);
      return a;
    };
    const national = await actorOf('anct.national@demo.test');
    // The largest region and territory (most actions) are the worst cases.
    const [biggest] = await admin.$queryRaw<{ slug: string; regionCode: string }[]>`
      select t.slug, t."regionCodes"[1] as "regionCode" from "Territory" t join "Action" a on a."territoryId" = t.id
      group by t.id order by count(*) desc limit 1`;
    const [region] = await admin.$queryRaw<{ code: string }[]>`
      select r as code from "Territory" t, unnest(t."regionCodes") r group by r order by count(*) desc limit 1`;
    const action = await admin.action.findFirstOrThrow({ where: { territory: { slug: biggest!.slug } }, select: { id: true } });
    const cases: [string, () => Promise<Buffer>][] = [
      ['Programme pack PDF (national, 183 territories)', async () => renderPdf(await programmePack(national))],
      ['Programme pack DOCX (national, 183 territories)', async () => renderDocx(await programmePack(national))],
      [`Region pack PDF (largest region, ${region!.code})`, async () => renderPdf(await regionPack(national, region!.code))],
      [`Region pack DOCX (largest region, ${region!.code})`, async () => renderDocx(await regionPack(national, region!.code))],
      [`Territory pack PDF (largest plan, ${biggest!.slug})`, async () => renderPdf(await territoryPack(national, biggest!.slug))],
      [`Territory pack DOCX (largest plan, ${biggest!.slug})`, async () => renderDocx(await territoryPack(national, biggest!.slug))],
      ['Action fiche PDF', async () => renderPdf(await actionPack(national, action.id))],
    ];
    const rows: ReportBenchRow[] = [];
    for (const [name, run] of cases) {
      await run(); // warm-up
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        bytes = (await run()).length;
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      rows.push({ name, medianMs: Math.round(times[Math.floor(times.length / 2)] ?? 0), maxMs: Math.round(times.at(-1) ?? 0), bytes });
    }
    return rows;
  } finally {
    await admin.$disconnect();
    const { db } = await import('../lib/db');
    await db.$disconnect().catch(() => undefined);
    await database.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await benchReports();
  console.log('\n| Pack | median (ms) | max (ms) | size (kB) |\n|---|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.name} | ${r.medianMs} | ${r.maxMs} | ${Math.round(r.bytes / 1024)} |`);
  process.exit(0);
}
