// Two `next start` processes on one PostgreSQL: a write through instance A (the
// Playwright server) shows at once in the national overview served by instance B,
// although B caches the overview (docs/decisions/0010-page-weight-and-aggregates.md),
// in the territory health figures of the region page, cached too (ADR 0023), and in the
// project lead's home and plan, read once per data version and shared (ADR 0026).
import { spawn, type ChildProcess } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers';

const PORT_A = Number(process.env.E2E_PORT ?? 3100);
const PORT_B = Number(process.env.E2E_PORT_B ?? PORT_A + 1);
const B = `http://localhost:${PORT_B}`;
const DB_URL = `postgresql://postgres:embedded-postgres-local@127.0.0.1:${process.env.E2E_DB_PORT ?? '54331'}/territoires`;

let instanceB: ChildProcess | undefined;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  instanceB = spawn('npx', ['tsx', 'scripts/with-db.ts', 'next', 'start'], {
    // Same database and (through .data/auth-secret) the same session secret as A.
    env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL ?? DB_URL, PORT: String(PORT_B), NEXTAUTH_URL: B, TI_SEED_DEMO: '0' },
    stdio: 'ignore',
    detached: true,
  });
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${B}/api/health`)).ok) break;
    } catch {
      // not up yet
    }
    if (i > 200) throw new Error(`instance B (${B}) ne démarre pas`);
    await new Promise((r) => setTimeout(r, 500));
  }
});

test.afterAll(() => {
  if (instanceB?.pid) {
    try {
      process.kill(-instanceB.pid, 'SIGINT');
    } catch {
      // already gone
    }
  }
});

async function blockedOn(page: Page, base: string): Promise<number> {
  await page.goto(`${base}/programme?region=76`);
  const row = page.getByRole('table', { name: 'Actions par statut' }).getByRole('row', { name: /^Bloqué/ });
  return Number((await row.getByRole('cell').first().textContent())?.replace(/\s/g, ''));
}

test('a write through instance A is seen at once by instance B', async ({ browser }) => {
  // Cookies are per host, not per port: one sign-in serves both instances.
  const national = await browser.newPage();
  await signIn(national, 'anct.national@demo.test');
  const before = await blockedOn(national, B);
  expect(await blockedOn(national, B)).toBe(before); // B has it cached now

  const lead = await browser.newPage();
  await signIn(lead, 'cdp.tarn-nord@demo.test');
  const list = await lead.request.get('/api/v1/territories/tarn-nord/actions');
  const actions = (await list.json()) as { items: { id: string; version: number; status: string }[] };
  const target = actions.items.find((a) => a.status !== 'BLOCKED');
  expect(target).toBeDefined();
  const res = await lead.request.post(`/api/v1/actions/${target!.id}/progress`, {
    data: { version: target!.version, status: 'BLOCKED' },
    headers: { Origin: `http://localhost:${PORT_A}` },
  });
  expect(res.status()).toBe(200);

  expect(await blockedOn(national, B)).toBe(before + 1);
  expect(await blockedOn(national, `http://localhost:${PORT_A}`)).toBe(before + 1);
});

/** Blocked actions of Tarn Nord as its health reasons say on the region page (0 when none). */
async function tarnNordBlockedOn(page: Page, base: string): Promise<number> {
  await page.goto(`${base}/regions/76`);
  const row = page.getByRole('table', { name: 'Territoires de la région Occitanie' }).getByRole('row', { name: /Tarn Nord/ });
  const text = (await row.textContent()) ?? '';
  return Number(/(\d+) actions? bloquées?/.exec(text)?.[1] ?? 0);
}

test('a write through instance A changes the health figures served by instance B at once', async ({ browser }) => {
  const sgar = await browser.newPage();
  await signIn(sgar, 'sgar.occitanie@demo.test');
  const before = await tarnNordBlockedOn(sgar, B);
  expect(await tarnNordBlockedOn(sgar, B)).toBe(before); // cached on B now

  const lead = await browser.newPage();
  await signIn(lead, 'cdp.tarn-nord@demo.test');
  const list = await lead.request.get('/api/v1/territories/tarn-nord/actions');
  const actions = (await list.json()) as { items: { id: string; version: number; status: string }[] };
  const target = actions.items.find((a) => a.status !== 'BLOCKED' && a.status !== 'ABANDONED');
  expect(target).toBeDefined();
  const res = await lead.request.post(`/api/v1/actions/${target!.id}/progress`, {
    data: { version: target!.version, status: 'BLOCKED' },
    headers: { Origin: `http://localhost:${PORT_A}` },
  });
  expect(res.status()).toBe(200);

  expect(await tarnNordBlockedOn(sgar, B)).toBe(before + 1);
  expect(await tarnNordBlockedOn(sgar, `http://localhost:${PORT_A}`)).toBe(before + 1);
});

test('a write through instance A changes the project lead’s home and plan served by instance B at once', async ({ browser }) => {
  // Both pages are read once per data version and shared by their readers (ADR 0026).
  const lead = await browser.newPage();
  await signIn(lead, 'cdp.tarn-nord@demo.test');
  const list = await lead.request.get('/api/v1/territories/tarn-nord/actions');
  const actions = (await list.json()) as { items: { id: string; version: number; title: string; reference: string }[] };
  const target = actions.items[0]!;
  const title = `${target.title} (révisée)`;
  await lead.goto(`${B}/territoires/tarn-nord/plan`);
  await expect(lead.getByRole('link', { name: target.title, exact: true })).toBeVisible();
  await lead.goto(`${B}/territoires/tarn-nord`);
  const homeBefore = await lead.locator('main').textContent();

  const res = await lead.request.patch(`/api/v1/actions/${target.id}`, {
    data: { version: target.version, title },
    headers: { Origin: `http://localhost:${PORT_A}` },
  });
  expect(res.status()).toBe(200);

  await lead.goto(`${B}/territoires/tarn-nord/plan`);
  await expect(lead.getByRole('link', { name: title, exact: true })).toBeVisible();
  // The home's recent changes name the change (its title and field) at once too.
  await lead.goto(`${B}/territoires/tarn-nord`);
  await expect(lead.locator('main')).not.toHaveText(homeBefore ?? '');
  await expect(lead.locator('main')).toContainText(title);
});
