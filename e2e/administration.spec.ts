// Administration journey: an administrator invites a project lead, who activates
// the account with the one-time link and lands on the territory; search stays in scope.
import { expect, test } from './fixtures';
import { expectNoAxeViolations, signIn } from './helpers';

test('an administrator invites a user who activates the account and signs in', async ({ browser }) => {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, 'admin@demo.test');
  await admin.goto('/administration/utilisateurs');
  await expectNoAxeViolations(admin);
  await admin.goto('/administration/utilisateurs/inviter');
  await expectNoAxeViolations(admin);
  await admin.getByLabel('Nom et prénom').fill('Inès Garnier');
  await admin.getByLabel('Adresse e-mail').fill('ines.garnier@demo.test');
  await admin.getByLabel('Rôle', { exact: true }).first().selectOption('PROJECT_LEAD');
  await admin.getByLabel('Territoire', { exact: true }).first().selectOption({ label: 'Ariège' });
  await admin.getByRole('button', { name: 'Créer l’invitation' }).click();
  const link = await admin.getByLabel('Lien d’activation à transmettre').inputValue();
  expect(link).toMatch(/\/activation\/[A-Za-z0-9_-]{20,}$/);

  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(new URL(link).pathname);
  await expectNoAxeViolations(invitee);
  await invitee.getByLabel(/^Mot de passe/).fill('Un-mot-de-passe-solide-2026');
  await invitee.getByLabel('Confirmation du mot de passe').fill('Un-mot-de-passe-solide-2026');
  await invitee.getByRole('button', { name: 'Activer mon compte' }).click();
  await invitee.getByRole('link', { name: /connexion|Se connecter/i }).first().click();
  await signIn(invitee, 'ines.garnier@demo.test', 'Un-mot-de-passe-solide-2026');
  await expect(invitee).toHaveURL(/\/territoires\/ariege$/);

  // The link works once.
  const again = await (await browser.newContext()).newPage();
  await again.goto(new URL(link).pathname);
  await expect(again.getByLabel(/^Mot de passe/)).toHaveCount(0);

  // Search stays within the caller's scope.
  await invitee.goto('/recherche?q=Tarn');
  await expect(invitee.getByRole('link', { name: 'Tarn Nord' })).toHaveCount(0);
  await admin.goto('/recherche?q=Tarn');
  await expect(admin.getByRole('link', { name: 'Tarn Nord' }).first()).toBeVisible();
  await expectNoAxeViolations(admin);
});

test('non-administrators cannot reach the administration', async ({ page }) => {
  await signIn(page, 'anct.national@demo.test');
  await page.goto('/administration/utilisateurs');
  await expect(page.getByRole('heading', { name: 'Page introuvable' })).toBeVisible();
  const res = await page.request.get('/api/v1/admin/users');
  expect(res.status()).toBe(403);
});
