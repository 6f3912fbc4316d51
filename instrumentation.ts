// Runs once when the server starts. In production, a missing or short NEXTAUTH_SECRET
// or a plain-http public NEXTAUTH_URL stops the server (ADR 0011), whichever way it
// was started (scripts/with-db.ts checks the same before starting it).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NODE_ENV !== 'production') return;
  const { productionEnvProblems } = await import('./lib/security/production-env');
  const problems = productionEnvProblems(process.env);
  if (problems.length) {
    console.error(`[territoires] Démarrage refusé en production :\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
}
