// One journey per governance tier: sign in, land on the right home, and be
// refused an out-of-scope territory opened by URL.
import { expect, test } from './fixtures';
import { expectNoAxeViolations, signIn } from './helpers';

test('signed out: pages send to the sign-in page and the API answers 401', async ({ page, request }) => {
  await page.goto('/territoires/tarn-nord');
  await expect(page).toHaveURL(/\/connexion\?callbackUrl=%2Fterritoires%2Ftarn-nord/);
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  await expectNoAxeViolations(page);
  expect((await request.get('/api/v1/territories')).status()).toBe(401);
  const health = await request.get('/api/health');
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: 'ok', database: 'ok' });
});

test('a wrong password is refused with a French message', async ({ page }) => {
  await page.goto('/connexion');
  await page.getByLabel('Adresse e-mail').fill('cdp.tarn-nord@demo.test');
  await page.getByLabel('Mot de passe').fill('mauvais-mot-de-passe');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.locator('#erreur-connexion')).toHaveText('Adresse e-mail ou mot de passe incorrect.');
  await expect(page).toHaveURL(/\/connexion/);
});

test('local tier: the project lead lands on its territory and cannot open another', async ({ page }) => {
  await signIn(page, 'cdp.tarn-nord@demo.test');
  await expect(page).toHaveURL(/\/territoires\/tarn-nord$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Tarn Nord' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await expect(nav.getByRole('link', { name: 'Mon territoire' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Vue programme' })).toHaveCount(0);
  await expectNoAxeViolations(page);

  await page.goto('/territoires/hautes-terres-doc');
  await expect(page.getByRole('heading', { name: 'Page introuvable' })).toBeVisible();
  await page.goto('/programme');
  await expect(page.getByRole('heading', { name: 'Page introuvable' })).toBeVisible();

  const api = await page.request.get('/api/v1/territories');
  expect(api.status()).toBe(200);
  expect((await api.json()).items.map((t: { slug: string }) => t.slug)).toEqual(['tarn-nord']);
  expect((await page.request.get('/api/v1/territories/hautes-terres-doc')).status()).toBe(404);
});

test('regional tier: the SGAR lands on its region and cannot open another region’s territory', async ({ page }) => {
  await signIn(page, 'sgar.occitanie@demo.test');
  await expect(page).toHaveURL(/\/regions\/76$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Région Occitanie' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Castres - Revel - Castelnaudary' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Castres - Revel - Castelnaudary' })).toBeVisible();

  await page.goto('/territoires/ardennes');
  await expect(page.getByRole('heading', { name: 'Page introuvable' })).toBeVisible();
  expect((await page.request.get('/api/v1/territories/ardennes')).status()).toBe(404);
  const tarn = await page.request.get('/api/v1/territories/tarn-nord');
  expect(tarn.status()).toBe(200);
  const body = await tarn.json();
  expect(body.regions).toEqual([{ code: '76', name: 'Occitanie' }]);
  expect(body.epcis.length).toBeGreaterThan(0);
});

test('national tier: the programme team lands on the overview and sees every territory', async ({ page }) => {
  await signIn(page, 'anct.national@demo.test');
  await expect(page).toHaveURL(/\/programme$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Vue programme' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Territoires' }).click();
  // The overview links territories too (health panel, stale plans): wait for the list itself.
  await expect(page).toHaveURL(/\/territoires$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Territoires' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Ardennes' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Tarn Nord' })).toBeVisible();
  await page.goto('/territoires/ardennes');
  await expect(page.getByRole('heading', { level: 1, name: 'Ardennes' })).toBeVisible();

  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page).toHaveURL(/\/connexion/);
  expect((await page.request.get('/api/v1/territories')).status()).toBe(401);
});
