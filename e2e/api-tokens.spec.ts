// A script's token, end to end: created in /compte/jetons (shown once), used with
// `Authorization: Bearer` without any cookie, listed with its last use, revoked.
import { expect, test } from './fixtures';
import { expectNoAxeViolations, signIn } from './helpers';

test('a project lead creates a read-only token, a script uses it, then it is revoked', async ({ page, playwright, baseURL }) => {
  await signIn(page, 'cdp.tarn-nord@demo.test');
  await page.getByRole('link', { name: 'Jetons d’API' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Jetons d’API' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('Nom du jeton').fill('Tableau de bord régional');
  await page.getByLabel('Lecture seule').check();
  await page.getByLabel('Durée de validité').selectOption('30');
  await page.getByRole('button', { name: 'Créer le jeton' }).click();
  const token = await page.getByLabel('Votre jeton').inputValue();
  expect(token).toMatch(/^ti_pat_/);
  await expectNoAxeViolations(page);

  const script = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
  expect((await script.get('/api/v1/territories/tarn-nord/actions')).status()).toBe(200);
  const write = await script.post('/api/v1/territories/tarn-nord/actions', {
    data: { title: 'Écrite par un script', axes: ['SKILLS'], status: 'NOT_STARTED' },
  });
  expect(write.status()).toBe(403);

  await page.reload();
  const row = page.getByRole('row', { name: /Tableau de bord régional/ });
  await expect(row).toContainText('Lecture seule');
  await expect(row).not.toContainText('Jamais');
  await expect(page.getByText(token)).toHaveCount(0);
  await row.getByRole('button', { name: 'Révoquer le jeton « Tableau de bord régional »' }).click();
  await expect(page.getByRole('row', { name: /Tableau de bord régional/ })).toHaveCount(0);

  expect((await script.get('/api/v1/territories/tarn-nord/actions')).status()).toBe(401);
  await script.dispose();
});
