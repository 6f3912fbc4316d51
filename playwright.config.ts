import { defineConfig, devices } from '@playwright/test';
import { findChromium } from './scripts/chromium';
import { OIDC_CLIENT } from './e2e/oidc/accounts';

const PORT = Number(process.env.E2E_PORT ?? 3100);
// The journeys run the production build, which never creates demo accounts with the
// published password (ADR 0011): they get a password of their own.
process.env.DEMO_PASSWORD ??= 'E2e-Territoires-local-2026';
const baseURL = `http://localhost:${PORT}`;
// The local ProConnect stand-in (e2e/oidc/server.ts), up before the app that points at it.
const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? 3169);
const OIDC_ISSUER = `http://127.0.0.1:${OIDC_PORT}`;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0, // journeys share one database: a retry would not start from the same state
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // A real SMTP server on loopback receives the app's mails (e2e/smtp-server.ts).
  globalSetup: ['./e2e/smtp-server.ts'],
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    trace: 'retain-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: {
      executablePath: findChromium() ?? undefined,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: [
    {
      command: 'tsx e2e/oidc/server.ts',
      url: `${OIDC_ISSUER}/.well-known/openid-configuration`,
      timeout: 30_000,
      reuseExistingServer: false,
      env: { E2E_OIDC_PORT: String(OIDC_PORT), E2E_APP_URL: baseURL },
    },
    {
      // The production build on a fresh embedded database seeded with the demo data.
      command: 'tsx scripts/with-db.ts next start',
      url: `${baseURL}/api/health`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      env: {
        PORT: String(PORT),
        TI_DB_DIR: process.env.E2E_DB_DIR ?? '.data/e2e-postgres',
        TI_DB_PORT: process.env.E2E_DB_PORT ?? '54331',
        TI_DB_FRESH: '1',
        TI_SEED_DEMO: '1',
        DEMO_PASSWORD: process.env.DEMO_PASSWORD,
        NEXTAUTH_URL: baseURL,
        NEXT_TELEMETRY_DISABLED: '1',
        PROCONNECT_ISSUER: OIDC_ISSUER,
        PROCONNECT_CLIENT_ID: OIDC_CLIENT.id,
        PROCONNECT_CLIENT_SECRET: OIDC_CLIENT.secret,
        SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT ?? 2525}`,
        MAIL_FROM: 'Territoires d’industrie <ne-pas-repondre@territoires.test>',
        MAIL_POLL_SECONDS: '1',
      },
    },
  ],
});
