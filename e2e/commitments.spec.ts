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
