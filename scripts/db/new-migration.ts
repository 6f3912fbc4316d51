// npm run db:migration -- <name> — writes the migration that brings the
// migrations folder to prisma/schema.prisma (offline, through a shadow database).
import path from 'node:path';
import { createMigration, ROOT } from './engine';
import { resolveDatabase } from './connection';

const name = process.argv.slice(2).join('_').trim();
if (!name) {
  console.error('Usage : npm run db:migration -- <nom_de_la_migration>');
  process.exit(1);
}
const db = await resolveDatabase({ log: console.log });
try {
  const dir = await createMigration(db.url, name);
  console.log(dir ? `Migration créée : ${path.relative(ROOT, dir)}/migration.sql` : 'Aucun changement de schéma : pas de migration créée.');
} finally {
  await db.stop();
}
