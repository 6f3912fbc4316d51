import { describe, expect, it } from 'vitest';
import { DEFAULT_DEMO_PASSWORD, demoSeedDecision, productionEnvProblems } from '@/lib/security/production-env';

const SECRET = 'x'.repeat(32);

describe('productionEnvProblems', () => {
  it('accepts a long secret and an https URL, or http on loopback', () => {
    expect(productionEnvProblems({ NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: 'https://territoires.example.org' })).toEqual([]);
    for (const url of ['http://localhost:3000', 'http://127.0.0.1:3100', 'http://[::1]:3000']) {
      expect(productionEnvProblems({ NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: url })).toEqual([]);
    }
  });

  it('refuses a missing or short secret', () => {
    expect(productionEnvProblems({ NEXTAUTH_URL: 'https://a.example' })[0]).toMatch(/NEXTAUTH_SECRET manquant/);
    expect(productionEnvProblems({ NEXTAUTH_SECRET: 'x'.repeat(31), NEXTAUTH_URL: 'https://a.example' })[0]).toMatch(/trop court/);
  });

  it('refuses a plain-http public URL, a missing or an invalid one', () => {
    expect(productionEnvProblems({ NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: 'http://territoires.example.org' })[0]).toMatch(/https/);
    expect(productionEnvProblems({ NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: 'http://localhost.evil.example' })[0]).toMatch(/https/);
    expect(productionEnvProblems({ NEXTAUTH_SECRET: SECRET })[0]).toMatch(/NEXTAUTH_URL manquant/);
    expect(productionEnvProblems({ NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: 'pas une url' })[0]).toMatch(/invalide/);
  });
});

describe('demoSeedDecision', () => {
  it('seeds an embedded development database by default', () => {
    expect(demoSeedDecision({}, false, true).seed).toBe(true);
    expect(demoSeedDecision({}, false, false).seed).toBe(false);
  });

  it('never seeds in production unless asked with a password of ones own', () => {
    expect(demoSeedDecision({}, true, true).seed).toBe(false);
    expect(demoSeedDecision({ TI_SEED_DEMO: '1' }, true, true).seed).toBe(false);
    expect(demoSeedDecision({ TI_SEED_DEMO: '1', DEMO_PASSWORD: DEFAULT_DEMO_PASSWORD }, true, true)).toMatchObject({ seed: false, warning: expect.stringMatching(/NON créés/) });
    expect(demoSeedDecision({ TI_SEED_DEMO: '1', DEMO_PASSWORD: 'court' }, true, false).seed).toBe(false);
    expect(demoSeedDecision({ TI_SEED_DEMO: '1', DEMO_PASSWORD: 'Un-mot-de-passe-local-2026' }, true, false).seed).toBe(true);
  });
});
