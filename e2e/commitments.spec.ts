// Operators' commitments: an operator's staff member updates the delivery of its
// own commitment, sees the late / under-delivered views, and cannot touch another's.
import { expect, test } from './fixtures';
import { expectNoAxeViolations, signIn } from './helpers';

test('operator staff update their commitment’s delivery; late views are visible', async ({ page }) => {
  await signIn(page, 'operateur.ademe@demo.test');
  await page.goto('/engagements');
  await expect(page.getByRole('heading', { level: 1, name: 'Engagements des opérateurs' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: /Fonds vert/ }).first().click();
  // The link navigates in place: check the commitment's page once it is there, title
  // included (Next.js streams a page's metadata after its body on in-app navigation).
  await expect(page).toHaveURL(/\/engagements\/[^/]+$/);
  await expect(page).toHaveTitle(/^Engagement — /);
  await expectNoAxeViolations(page);
  await page.getByLabel(/Réalisé à ce jour/).fill('80000000');
  await page.getByRole('button', { name: 'Enregistrer la réalisation' }).click();
  await expect(page.getByText(/80/).first()).toBeVisible();

  const list = await (await page.request.get('/api/v1/commitments')).json();
  const other = list.items.find((c: { operator: { slug: string } }) => c.operator.slug !== 'ademe');
  const res = await page.request.post(`/api/v1/commitments/${other.id}/delivery`, {
    headers: { 'Content-Type': 'application/json' },
    data: { version: other.version, delivered: 1 },
  });
  expect(res.status()).toBe(403);
});

test('national staff record a commitment: the error summary leads to each field', async ({ page }) => {
  await signIn(page, 'anct.national@demo.test');
  await page.goto('/engagements/nouveau');
  await page.getByLabel('Promis').fill('beaucoup');
  await page.getByRole('button', { name: 'Enregistrer l’engagement' }).click();
  await expect(page.getByRole('heading', { name: /Le formulaire contient \d+ erreurs/ })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Promis : Saisissez un nombre, par exemple 1 500 000 ou 12,5.' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: /^Opérateur : / }).click();
  await expect(page.getByLabel('Opérateur')).toBeFocused();

  await page.getByLabel('Opérateur').selectOption({ label: 'ADEME' });
  await page.getByLabel('Intitulé').fill('Diagnostics énergie — e2e');
  await page.getByLabel('Portée').selectOption('NATIONAL');
  await page.getByLabel('Unité').fill('diagnostics');
  await page.getByLabel('Promis').fill('120');
  await page.getByRole('button', { name: 'Enregistrer l’engagement' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Diagnostics énergie — e2e', exact: true })).toBeVisible();
});
