// Start-up guards for production (ADR 0011): no weak or missing signing secret, no
// plain-http public URL, no demo accounts unless explicitly asked for. Loopback hosts
// are the exception for the URL, so `npm run build && npm start` works on a laptop.
import { isLoopbackHost } from './headers';

/** The password printed in the README: never acceptable for demo accounts in production. */
export const DEFAULT_DEMO_PASSWORD = 'Demo-Territoires-2026';

type Env = Record<string, string | undefined>;

export function productionEnvProblems(env: Env): string[] {
  const problems: string[] = [];
  const secret = env.NEXTAUTH_SECRET;
  if (!secret) problems.push('NEXTAUTH_SECRET manquant : générez-le avec `openssl rand -base64 32`.');
  else if (secret.length < 32) problems.push('NEXTAUTH_SECRET trop court : 32 caractères au moins (`openssl rand -base64 32`).');
  const raw = env.NEXTAUTH_URL;
  if (!raw) {
    problems.push('NEXTAUTH_URL manquant : l’adresse publique https de l’application.');
  } else {
    let url: URL | undefined;
    try {
      url = new URL(raw);
    } catch {
      problems.push(`NEXTAUTH_URL invalide : « ${raw} ».`);
    }
    if (url && url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
      problems.push(`NEXTAUTH_URL doit être en https en production (reçu « ${url.origin} ») ; seule une adresse locale (localhost) peut être en http.`);
    }
  }
  return problems;
}

/**
 * Demo accounts in production only when asked (TI_SEED_DEMO=1) with a password
 * of one's own: never with the one published in the README.
 */
export function demoSeedDecision(env: Env, production: boolean, embedded: boolean): { seed: boolean; warning?: string } {
  if (!production) return { seed: (env.TI_SEED_DEMO ?? (embedded ? '1' : '0')) === '1' };
  if (env.TI_SEED_DEMO !== '1') return { seed: false };
  const password = env.DEMO_PASSWORD;
  if (!password || password === DEFAULT_DEMO_PASSWORD || password.length < 12) {
    return {
      seed: false,
      warning:
        'Comptes de démonstration NON créés : en production, TI_SEED_DEMO=1 exige un DEMO_PASSWORD de 12 caractères au moins, différent de celui de la documentation.',
    };
  }
  return { seed: true };
}
