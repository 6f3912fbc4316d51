// A second "app instance" for tests/integration/throttle.test.ts: its own process,
// its own Prisma client and pool, on the same database (DATABASE_URL). Sends N
// parallel wrong-password sign-ins and prints how many were refused by the throttle.
import { signInWithPassword } from '@/lib/auth/sign-in';
import { disconnectDb } from '@/lib/db';

const [email, ip, count] = [process.argv[2] ?? '', process.argv[3] ?? '', Number(process.argv[4] ?? 25)];
const results = await Promise.all(
  Array.from({ length: count }, () => signInWithPassword(email, 'not-the-password', ip || null)),
);
await disconnectDb();
const throttled = results.filter((r) => !r.ok && r.reason === 'throttled').length;
process.stdout.write(`${JSON.stringify({ throttled, verified: count - throttled })}\n`);
