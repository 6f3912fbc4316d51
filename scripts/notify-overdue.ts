// Overdue commitments → in-app notifications.
//
//   npx tsx scripts/notify-overdue.ts [--date=YYYY-MM-DD]
//
// Creates one COMMITMENT_OVERDUE notification per late commitment (due date passed, less
// than promised delivered, neither DELIVERED nor CANCELLED; see lib/commitments/rules.ts)
// for every active national staff member and every active staff member of the
// commitment's operator, linking to /engagements/{id}. Idempotent: whoever already has
// that notification gets no other, so it is safe to run every day (cron, systemd timer)
// and to re-run after a failure; overlapping runs queue on a database lock.
//
// Database: DATABASE_URL when set, otherwise the embedded development cluster in
// .data/postgres (reused if `npm run dev` is running, started and stopped otherwise).
// Migrations are not applied here: run `npm run db:migrate` first on a new database.
//
// --date evaluates "today" as that day (late morning, Paris time) instead of now: to catch up on
// a missed day or to check what a given day would send. Exit code 0 on success, 1 on error.
import { resolveDatabase } from './db/connection';
import { parisDay } from '../lib/commitments/rules';

const dateArg = process.argv.slice(2).find((a) => a.startsWith('--date='))?.slice('--date='.length);
const unknown = process.argv.slice(2).filter((a) => !a.startsWith('--date='));
if (unknown.length || (dateArg !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(dateArg))) {
  console.error('Usage : npx tsx scripts/notify-overdue.ts [--date=AAAA-MM-JJ]');
  process.exit(1);
}
const now = dateArg ? new Date(`${dateArg}T10:00:00Z`) : new Date();
if (Number.isNaN(now.getTime())) {
  console.error(`Date invalide : ${dateArg}`);
  process.exit(1);
}

const database = await resolveDatabase({ log: (m) => console.log(m) });
process.env.DATABASE_URL = database.url;
// Imported once DATABASE_URL is known (the client reads it on first use).
const { notifyOverdueCommitments } = await import('../lib/commitments/mutations');
const { disconnectDb } = await import('../lib/db');

let code = 0;
try {
  const { overdue, created } = await notifyOverdueCommitments(now);
  console.log(
    `${overdue} engagement${overdue > 1 ? 's' : ''} en retard au ${parisDay(now)} ; ` +
      `${created} notification${created > 1 ? 's' : ''} créée${created > 1 ? 's' : ''}.`,
  );
} catch (error) {
  console.error(error);
  code = 1;
} finally {
  await disconnectDb();
  await database.stop();
}
process.exit(code);
