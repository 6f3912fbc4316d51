// Runs once when the server starts. In production, a missing or short NEXTAUTH_SECRET
// or a plain-http public NEXTAUTH_URL stops the server (ADR 0011), whichever way it
// was started (scripts/with-db.ts checks the same before starting it).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { refuseWeakProductionConfig } = await import('./instrumentation-node');
    refuseWeakProductionConfig();
  }
}
