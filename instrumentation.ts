// Runs once per server process. In production, a missing or short NEXTAUTH_SECRET
// or a plain-http public NEXTAUTH_URL stops the server (ADR 0011), whichever way it
// was started (scripts/with-db.ts checks the same before starting it). Then it starts the
// mail worker and the schedule (lib/jobs/background.ts, ADR 0013) in the Node.js runtime of a
// running server only: never during `next build`, never without a database, and not when
// MAIL_WORKER=off.
export async function register(): Promise<void> {
  // The imports stay inside this condition so that no other runtime bundles them.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { refuseWeakProductionConfig } = await import('./instrumentation-node');
    refuseWeakProductionConfig();
    const { startInProcess } = await import('./lib/jobs/background');
    startInProcess();
  }
}
