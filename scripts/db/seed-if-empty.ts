// Seeds the demo dataset when the database holds no territory yet.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../lib/generated/prisma/client';
import { isDatabaseEmpty, seed } from '../../prisma/seed/index';

export async function seedIfEmpty(url: string, log: (m: string) => void): Promise<void> {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    if (!(await isDatabaseEmpty(db))) return;
    log('Base vide : chargement de la géographie officielle et des données de démonstration…');
    const started = Date.now();
    await seed(db, { scale: 'demo', password: process.env.DEMO_PASSWORD ?? 'Demo-Territoires-2026' });
    log(`Données de démonstration chargées en ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await db.$disconnect();
  }
}
