// npm run db:seed [-- --scale=national [--factor=10]] [--reset] [--allow-production]
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../lib/generated/prisma/client';
import { isDatabaseEmpty, resetDomainData, seed } from '../../prisma/seed/index';
import { applyMigrations } from './engine';
import { resolveDatabase } from './connection';

const args = new Set(process.argv.slice(2));
const scale = args.has('--scale=national') ? 'national' : 'demo';
// --factor=N multiplies the generated territories' actions (10 → ≈ 45,000 actions).
const factorArg = [...args].find((a) => a.startsWith('--factor='));
const factor = factorArg ? Math.min(50, Math.max(1, Math.floor(Number(factorArg.slice('--factor='.length))) || 1)) : 1;

function looksLikeProduction(url: string): boolean {
  if (process.env.NODE_ENV === 'production' || process.env.TI_ENV === 'production') return true;
  const host = new URL(url).hostname;
  return !['localhost', '127.0.0.1', '::1', '[::1]'].includes(host);
}

const database = await resolveDatabase({ log: console.log });
const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
let code = 0;
try {
  if (looksLikeProduction(database.url) && !args.has('--allow-production')) {
    console.error(
      'Refus : cette base ressemble à une base de production (NODE_ENV/TI_ENV=production ou hôte distant). ' +
        'Relancez avec --allow-production si vous êtes certain de vouloir y écrire des données de démonstration.',
    );
    code = 1;
  } else {
    await applyMigrations(database.url);
    if (!(await isDatabaseEmpty(db))) {
      if (!args.has('--reset')) {
        console.error('Refus : la base contient déjà des territoires. Relancez avec --reset pour la vider avant de la remplir.');
        code = 1;
      } else {
        await resetDomainData(db);
      }
    }
    if (code === 0) {
      const started = Date.now();
      const result = await seed(db, { scale, factor, password: process.env.DEMO_PASSWORD ?? 'Demo-Territoires-2026' });
      console.log(
        `Jeu ${scale === 'national' ? 'national' : 'de démonstration'} chargé en ${((Date.now() - started) / 1000).toFixed(1)} s : ` +
          `${result.geography.regions} régions, ${result.geography.departements} départements, ${result.geography.epcis} EPCI, ` +
          `${result.territories} territoires, ${result.actions} actions.`,
      );
    }
  }
} finally {
  await db.$disconnect();
  await database.stop();
}
process.exit(code);
