// Node.js-only part of instrumentation.ts (kept out of the Edge bundle).
import { productionEnvProblems } from './lib/security/production-env';

export function refuseWeakProductionConfig(): void {
  if (process.env.NODE_ENV !== 'production') return;
  const problems = productionEnvProblems(process.env);
  if (problems.length) {
    console.error(`[territoires] Démarrage refusé en production :\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
}
