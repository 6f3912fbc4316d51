// Sessions are revocable server-side (ADR 0012): a session cookie copied before
// sign-out is worthless afterwards, and "Déconnecter tous mes appareils" ends the other browsers.
import { type Browser, type Cookie } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectNoAxeViolations, signIn } from './helpers';

const API = '/api/v1/territories/tarn-nord/actions';

async function replay(browser: Browser, baseURL: string, cookies: Cookie[]) {
  const context = await browser.newContext({ baseURL });
  await context.addCookies(cookies);
  return context;
}

test('a session cookie kept after sign-out gets 401 on the API and the sign-in page on pages', async ({ page, browser, baseURL }) => {
  await signIn(page, 'cdp.tarn-nord@demo.test');
  const kept = await page.context().cookies();
  expect(kept.some((c) => c.name.endsWith('next-auth.session-token'))).toBe(true);
  expect((await page.request.get(API)).status()).toBe(200);
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Se déconnecter', exact: true }).click();
  await expect(page).toHaveURL(/\/connexion/);

  const attacker = await replay(browser, baseURL as string, kept);
  const api = await attacker.request.get(API);
  expect(api.status()).toBe(401);
  expect(await api.json()).toMatchObject({ error: 'UNAUTHENTICATED' });
  // The sliding /api/auth/session neither revives it: it answers an empty session.
  expect(await (await attacker.request.get('/api/auth/session')).json()).toEqual({});
  const replayed = await attacker.newPage();
  await replayed.goto('/territoires/tarn-nord');
  await expect(replayed).toHaveURL(/\/connexion/);
  await attacker.close();
});

test('"Déconnecter tous mes appareils" ends the sessions of the other browsers', async ({ page, browser, baseURL }) => {
  await signIn(page, 'elu.tarn-nord@demo.test');
  const other = await browser.newContext({ baseURL: baseURL as string });
  const otherPage = await other.newPage();
  await signIn(otherPage, 'elu.tarn-nord@demo.test');
  expect((await other.request.get(API)).status()).toBe(200);

  await page.getByRole('button', { name: 'Déconnecter tous mes appareils' }).click();
  await expect(page).toHaveURL(/\/connexion/);
  await expectNoAxeViolations(page);
  expect((await page.request.get(API)).status()).toBe(401);
  expect((await other.request.get(API)).status()).toBe(401);
  await other.close();
});

test('throttled sign-in: 429 with Retry-After and a French message, in the form too', async ({ page, request }) => {
  const email = 'inconnu.e2e@demo.test';
  const attempt = async () => {
    const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
    return request.post('/api/auth/callback/credentials', {
      form: { csrfToken, email, password: 'pas-le-bon', json: 'true' },
    });
  };
  // No trusted proxy here: the per-account limit (10 free attempts) applies.
  for (let i = 0; i < 10; i++) expect((await attempt()).status()).toBe(401);
  const refused = await attempt();
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(0);
  expect(await refused.json()).toMatchObject({ error: 'TOO_MANY_ATTEMPTS', message: expect.stringMatching(/^Trop de tentatives de connexion/) });

  await page.goto('/connexion');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill('pas-le-bon');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.locator('#erreur-connexion')).toContainText(/Trop de tentatives de connexion\. Pour protéger le compte, réessayez dans \d+ secondes\./);
  await expectNoAxeViolations(page);
});
