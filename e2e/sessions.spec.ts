// Sessions are revocable server-side (ADR 0012): a session cookie copied before
// sign-out is worthless afterwards, and "Se déconnecter partout" ends the other browsers.
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

test('"Se déconnecter partout" ends the sessions of the other browsers', async ({ page, browser, baseURL }) => {
  await signIn(page, 'elu.tarn-nord@demo.test');
  const other = await browser.newContext({ baseURL: baseURL as string });
  const otherPage = await other.newPage();
  await signIn(otherPage, 'elu.tarn-nord@demo.test');
  expect((await other.request.get(API)).status()).toBe(200);

  await page.getByRole('button', { name: 'Se déconnecter partout' }).click();
  await expect(page).toHaveURL(/\/connexion/);
  await expectNoAxeViolations(page);
  expect((await page.request.get(API)).status()).toBe(401);
  expect((await other.request.get(API)).status()).toBe(401);
  await other.close();
});
