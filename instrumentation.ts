// Next.js calls register() once per server process. It starts the mail worker and the
// schedule (lib/jobs/background.ts) in the Node.js runtime of a running server only: never
// during `next build`, never without a database, and not when MAIL_WORKER=off.
export async function register(): Promise<void> {
  // The import stays inside this condition so that no other runtime bundles it.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startInProcess } = await import('./lib/jobs/background');
    startInProcess();
  }
}
