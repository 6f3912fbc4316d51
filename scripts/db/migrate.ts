// npm run db:migrate — applies pending migrations (offline, Wasm schema engine).
import { applyMigrations } from './engine';
import { resolveDatabase } from './connection';

const db = await resolveDatabase({ log: console.log });
try {
  const applied = await applyMigrations(db.url);
  console.log(applied.length ? `Migrations appliquées : ${applied.join(', ')}` : 'Base à jour : aucune migration en attente.');
} finally {
  await db.stop();
}
