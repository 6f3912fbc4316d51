// E-mail journeys against a real SMTP server started by the tests (e2e/smtp-server.ts):
// an invitation arrives and activates the account; a forgotten password is reset from the
// mail and the old session is refused; a submission mails the binôme, except the member who
// chose "not by e-mail".
import { type Browser } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectNoAxeViolations, signIn } from './helpers';
import { linkIn, mailsTo, waitForMail } from './mail-helpers';

const SLUG = 'grand-narbonne';
const INVITEE = 'lea.fabre@demo.test';
const FIRST_PASSWORD = 'Une-phrase-de-passe-2026';
const NEW_PASSWORD = 'Autre-phrase-de-passe-2027';

async function as(browser: Browser, email: string, password?: string) {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, password);
  return page;
}

test('an invitation mail activates the account; a forgotten password is reset from the mail and old sessions end', async ({ browser }) => {
  const admin = await as(browser, 'admin@demo.test');
  await admin.goto('/administration/utilisateurs/inviter');
  await admin.getByLabel('Nom et prénom').fill('Léa Fabre');
  await admin.getByLabel('Adresse e-mail').fill(INVITEE);
  await admin.getByLabel('Rôle', { exact: true }).first().selectOption('PROJECT_LEAD');
  await admin.getByLabel('Territoire', { exact: true }).first().selectOption({ label: 'Grand Narbonne' });
  await admin.getByRole('button', { name: 'Créer l’invitation' }).click();
  const shown = await admin.getByLabel('Lien d’activation à transmettre').inputValue();

  const invitation = await waitForMail(INVITEE, /activ/i);
  expect(invitation.html).toContain('lang="fr"');
  const activation = linkIn(invitation, '/activation/');
  expect(activation).toBe(shown);
  expect(new URL(activation).origin).toBe(new URL(admin.url()).origin);

  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(new URL(activation).pathname);
  await invitee.getByLabel(/^Mot de passe/).fill(FIRST_PASSWORD);
  await invitee.getByLabel('Confirmation du mot de passe').fill(FIRST_PASSWORD);
  await invitee.getByRole('button', { name: 'Activer mon compte' }).click();
  await expect(invitee.getByText('Votre compte est activé')).toBeVisible();
  await signIn(invitee, INVITEE, FIRST_PASSWORD);
  await expect(invitee).toHaveURL(new RegExp(`/territoires/${SLUG}$`));

  // The mail queue shows it sent.
  await admin.goto('/administration/courriels?statut=SENT');
  await expect(admin.getByRole('cell', { name: INVITEE }).first()).toBeVisible();
  await expectNoAxeViolations(admin);

  // Forgotten password, from another browser.
  const other = await (await browser.newContext()).newPage();
  await other.goto('/connexion');
  await other.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
  await expect(other).toHaveURL(/\/mot-de-passe-oublie$/);
  await expectNoAxeViolations(other);
  await other.getByLabel('Adresse e-mail').fill(INVITEE);
  await other.getByRole('button', { name: 'Recevoir un lien de réinitialisation' }).click();
  await expect(other.getByText(/Si un compte actif correspond à cette adresse/)).toBeVisible();

  const reset = await waitForMail(INVITEE, /Réinitialisation/);
  const link = linkIn(reset, '/mot-de-passe/');
  expect(link).toMatch(new RegExp(`^${new URL(admin.url()).origin}/mot-de-passe/[\\w-]{43}$`));
  await other.goto(new URL(link).pathname);
  await expectNoAxeViolations(other);
  await other.getByLabel('Nouveau mot de passe').fill('qwerty123456');
  await other.getByLabel('Confirmation du mot de passe').fill('qwerty123456');
  await other.getByRole('button', { name: 'Enregistrer le nouveau mot de passe' }).click();
  await expect(other.getByText(/plus courants/)).toBeVisible();
  await other.getByLabel('Nouveau mot de passe').fill(NEW_PASSWORD);
  await other.getByLabel('Confirmation du mot de passe').fill(NEW_PASSWORD);
  await other.getByRole('button', { name: 'Enregistrer le nouveau mot de passe' }).click();
  await expect(other.getByText('Mot de passe changé')).toBeVisible();
  await waitForMail(INVITEE, /mot de passe a été modifié/);

  // The session opened before the reset is refused; the new password signs in.
  await invitee.goto(`/territoires/${SLUG}`);
  await expect(invitee).toHaveURL(/\/connexion/);
  await signIn(invitee, INVITEE, NEW_PASSWORD);
  await expect(invitee).toHaveURL(new RegExp(`/territoires/${SLUG}$`));
  // The link served once.
  const gone = await invitee.request.post(`/api/v1/auth/password-reset/${new URL(link).pathname.split('/').pop()}`, {
    data: { password: 'Encore-une-phrase-2028' },
  });
  expect(gone.status()).toBe(410);

  // Asking tells nothing about whether an account exists.
  const known = await invitee.request.post('/api/v1/auth/password-reset', { data: { email: INVITEE } });
  const unknown = await invitee.request.post('/api/v1/auth/password-reset', { data: { email: 'personne.inconnue@demo.test' } });
  expect([known.status(), unknown.status()]).toEqual([202, 202]);
  expect(await known.json()).toEqual(await unknown.json());
  const foreign = await invitee.request.post('/api/v1/auth/password-reset', {
    data: { email: INVITEE },
    headers: { Origin: 'https://attaquant.example' },
  });
  expect(foreign.status()).toBe(403);

  // "Se déconnecter partout" ends this session and the one in another browser.
  const second = await as(browser, INVITEE, NEW_PASSWORD);
  await invitee.goto('/compte');
  await invitee.getByRole('button', { name: 'Se déconnecter partout' }).click();
  await expect(invitee).toHaveURL(/\/connexion/);
  await second.goto(`/territoires/${SLUG}`);
  await expect(second).toHaveURL(/\/connexion/);
});

test('a submission mails the binôme at once, except who chose "not by e-mail"', async ({ browser }) => {
  const industriel = await as(browser, `industriel.${SLUG}@demo.test`);
  await industriel.goto('/compte');
  await expect(industriel.getByRole('heading', { level: 1, name: 'Mon compte' })).toBeVisible();
  await expectNoAxeViolations(industriel);
  await industriel
    .getByRole('group', { name: /Une version de plan attend ma décision/ })
    .getByLabel('Pas par e-mail')
    .check();
  await industriel.getByRole('button', { name: 'Enregistrer mes préférences' }).click();
  await expect(industriel.getByText('Vos préférences de notification sont enregistrées.')).toBeVisible();

  const lead = await as(browser, `cdp.${SLUG}@demo.test`);
  await lead.goto(`/territoires/${SLUG}/versions`);
  await lead.getByRole('button', { name: 'Soumettre le plan' }).click();
  await expect(lead.getByRole('heading', { level: 1, name: /Version \d+ du plan/ })).toBeVisible();
  const number = /versions\/(\d+)/.exec(lead.url())?.[1];

  const mail = await waitForMail(`elu.${SLUG}@demo.test`, new RegExp(`Version ${number} du plan de Grand Narbonne à valider`));
  expect(linkIn(mail, `/territoires/${SLUG}/versions/${number}`)).toBeTruthy();
  const unsubscribe = mail.headerLines.find((h) => h.key === 'list-unsubscribe')?.line ?? '';
  expect(unsubscribe).toMatch(/<http:\/\/localhost:\d+\/api\/v1\/email\/unsubscribe\/[^>]+>/);
  expect(mail.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line).toContain('List-Unsubscribe=One-Click');
  expect(mail.html).toContain('lang="fr"');

  // Both rows were written in one transaction and sent by one worker pass: give it a moment more.
  await lead.waitForTimeout(2500);
  expect((await mailsTo(`industriel.${SLUG}@demo.test`)).filter((m) => /à valider/.test(m.subject ?? ''))).toHaveLength(0);
  // The notification is still in the app.
  await industriel.goto('/notifications');
  await expect(industriel.getByText(`Version ${number} du plan de Grand Narbonne à valider`).first()).toBeVisible();

  // One click from the mail client (RFC 8058), then the page link: both land on "not by e-mail".
  const oneClick = /<([^>]+)>/.exec(unsubscribe)?.[1] as string;
  const res = await lead.request.post(oneClick, { form: { 'List-Unsubscribe': 'One-Click' } });
  expect(res.status()).toBe(200);
  const elu = await as(browser, `elu.${SLUG}@demo.test`);
  await elu.goto('/compte');
  await expect(elu.getByRole('group', { name: /Une version de plan attend ma décision/ }).getByLabel('Pas par e-mail')).toBeChecked();
  await elu.goto(new URL(linkIn(mail, '/desabonnement/')).pathname);
  await expectNoAxeViolations(elu);
});
