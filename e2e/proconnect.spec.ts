// ProConnect journeys against the local OIDC provider (e2e/oidc/server.ts, configured like
// ProConnect): sign in and out (ending the provider's session too), the link that survives
// a change of e-mail, an invitation activated through ProConnect, and refused identities.
import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectNoAxeViolations, signIn } from './helpers';

const ORIGIN = `http://localhost:${process.env.E2E_PORT ?? 3100}`;
const OIDC = `http://127.0.0.1:${process.env.E2E_OIDC_PORT ?? 3169}`;
const json = { 'Content-Type': 'application/json', Origin: ORIGIN };
const REFUSED = /Aucun compte actif ne correspond à cette identité/;

/** From /connexion through the provider's login form; returns the authorization request's URL. */
async function proconnect(page: Page, login: string): Promise<URL> {
  await page.goto('/connexion');
  const authorization = page.waitForRequest((r) => r.url().startsWith(`${OIDC}/auth?`));
  await page.getByRole('button', { name: 'S’identifier avec ProConnect' }).click();
  const url = new URL((await authorization).url());
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('peu-importe');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  return url;
}

async function signOutEverywhere(page: Page): Promise<URL> {
  const endSession = page.waitForRequest((r) => r.url().startsWith(`${OIDC}/session/end?`));
  await page.getByRole('button', { name: 'Se déconnecter', exact: true }).click();
  const url = new URL((await endSession).url());
  await page.getByRole('button', { name: 'Yes, sign me out' }).click();
  await expect(page).toHaveURL(/\/connexion\?deconnexion=proconnect$/);
  return url;
}

async function invite(page: Page, email: string): Promise<{ id: string; activationPath: string }> {
  const response = await page.request.post('/api/v1/admin/users', {
    headers: json,
    data: { email, name: 'Agent invité', memberships: [{ role: 'PROJECT_LEAD', territory: 'tarn-nord' }] },
  });
  expect(response.status()).toBe(201);
  const body = (await response.json()) as { user: { id: string }; activationPath: string };
  return { id: body.user.id, activationPath: body.activationPath };
}

test('an agent signs in with ProConnect and out of both; the link survives a change of e-mail', async ({ page }) => {
  await page.goto('/connexion');
  await expectNoAxeViolations(page);

  const authorization = await proconnect(page, 'camille.durand');
  // Exactly ProConnect's parameters: nothing it would refuse, no PKCE unless configured.
  expect([...authorization.searchParams.keys()].sort()).toEqual(
    ['acr_values', 'client_id', 'nonce', 'redirect_uri', 'response_type', 'scope', 'state'],
  );
  expect(authorization.searchParams.get('scope')).toBe('openid email given_name usual_name uid siret idp_id');
  expect(authorization.searchParams.get('acr_values')).toBe('eidas1');
  expect(authorization.searchParams.get('redirect_uri')).toBe(`${ORIGIN}/api/auth/callback/proconnect`);

  await expect(page).toHaveURL(/\/territoires\/tarn-nord$/);
  expect((await page.request.get('/api/v1/territories/tarn-nord')).status()).toBe(200);

  const endSession = await signOutEverywhere(page);
  expect(endSession.searchParams.get('id_token_hint')).toBeTruthy();
  expect(endSession.searchParams.get('state')).toBeTruthy();
  expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(`${ORIGIN}/api/proconnect/logout/callback`);
  await expect(page.getByRole('status')).toHaveText(/déconnecté de l'application et de ProConnect/);
  expect((await page.request.get('/api/v1/territories/tarn-nord')).status()).toBe(401);

  // The provider's session ended too: it asks for the login again. Her e-mail has changed
  // meanwhile (same sub): the recorded link still finds her account.
  const moved = await page.request.post(`${OIDC}/test/email?login=camille.durand&email=camille.durand%40nouveau-ministere.gouv.fr`);
  expect(moved.status()).toBe(204);
  await proconnect(page, 'camille.durand');
  await expect(page).toHaveURL(/\/territoires\/tarn-nord$/);
  await signOutEverywhere(page);
});

test('an invited agent activates the invitation by signing in with ProConnect', async ({ page, browser }) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, 'admin@demo.test');
  const email = `agent.invite.${Date.now()}@exemple.gouv.fr`;
  const { id, activationPath } = await invite(admin, email);

  await proconnect(page, email);
  await expect(page).toHaveURL(/\/territoires\/tarn-nord$/);
  const user = await (await admin.request.get(`/api/v1/admin/users/${id}`)).json();
  expect(user.status).toBe('active');

  // The activation link is spent.
  await admin.goto(activationPath);
  await expect(admin.getByText(/n’est pas valable ou a déjà été utilisé/)).toBeVisible();
  await adminContext.close();
});

test('an identity without an account is refused', async ({ page }) => {
  await proconnect(page, 'personne.inconnue@exemple.gouv.fr');
  await expect(page).toHaveURL(/\/connexion\?error=AccessDenied/);
  await expect(page.getByText(REFUSED)).toBeVisible();
  expect((await page.request.get('/api/v1/territories')).status()).toBe(401);
});

test('a deactivated account is refused, even once linked', async ({ page, browser }) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, 'admin@demo.test');
  const email = `agent.parti.${Date.now()}@exemple.gouv.fr`;
  const { id } = await invite(admin, email);

  // Signs in once (activation + link), leaves, is deactivated.
  await proconnect(page, email);
  await expect(page).toHaveURL(/\/territoires\/tarn-nord$/);
  await signOutEverywhere(page);
  const patch = await admin.request.patch(`/api/v1/admin/users/${id}`, { headers: json, data: { active: false } });
  expect(patch.status()).toBe(200);

  await proconnect(page, email);
  await expect(page).toHaveURL(/\/connexion\?error=AccessDenied/);
  await expect(page.getByText(REFUSED)).toBeVisible();
  expect((await page.request.get('/api/v1/territories')).status()).toBe(401);
  await adminContext.close();
});

test('"Se déconnecter partout" also ends the ProConnect session of this browser', async ({ page, browser }) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, 'admin@demo.test');
  const email = `agent.partout.${Date.now()}@exemple.gouv.fr`;
  await invite(admin, email);
  await adminContext.close();

  await proconnect(page, email);
  await expect(page).toHaveURL(/\/territoires\/tarn-nord$/);
  await page.goto('/compte');
  const endSession = page.waitForRequest((r) => r.url().startsWith(`${OIDC}/session/end?`));
  await page.getByRole('button', { name: 'Se déconnecter partout' }).click();
  const url = new URL((await endSession).url());
  expect(url.searchParams.get('id_token_hint')).toBeTruthy();
  expect(url.searchParams.get('post_logout_redirect_uri')).toBe(`${ORIGIN}/api/proconnect/logout/callback`);
  await page.getByRole('button', { name: 'Yes, sign me out' }).click();
  await expect(page).toHaveURL(/\/connexion\?deconnexion=proconnect$/);
  expect((await page.request.get('/api/v1/territories/tarn-nord')).status()).toBe(401);

  // The provider asks for the login again: its session is over too.
  await page.getByRole('button', { name: 'S’identifier avec ProConnect' }).click();
  await expect(page.locator('input[name="login"]')).toBeVisible();
});
