// Next.js calls register() once per server process. It starts the mail worker and the
// schedule (lib/jobs/background.ts) in the Node.js runtime of a running server only: never
// during `next build`, never without a database, and not when MAIL_WORKER=off.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  if (!process.env.DATABASE_URL || process.env.MAIL_WORKER === 'off') return;
  const g = globalThis as unknown as { __tiBackgroundJobs?: unknown };
  if (g.__tiBackgroundJobs) return; // dev server reloads
  const { startBackgroundJobs } = await import('./lib/jobs/background');
  // Its timers are unref'd: they never keep the process alive, so Next's own shutdown stands.
  // `globalThis.__tiBackgroundJobs.stop()` stops it.
  g.__tiBackgroundJobs = startBackgroundJobs();
}
