// Regional committees on the form toolkit: a copilot records a committee (error summary,
// action picker), then two browsers edit it at once: the second gets the conflict panel,
// keeps its own entry and takes the other's, and saves on the current version.
import { expect, test } from './fixtures';
import { expectNoAxeViolations, signIn } from './helpers';

test('a regional copilot records a committee; a concurrent edit is merged field by field', async ({ browser }) => {
  const first = await (await browser.newContext()).newPage();
  await signIn(first, 'sgar.occitanie@demo.test');
  await first.goto('/regions/76/comites/nouveau');
  await first.getByRole('button', { name: 'Enregistrer le comité' }).click();
  await expect(first.getByRole('heading', { name: /Le formulaire contient \d+ erreurs?/ })).toBeVisible();
  await expectNoAxeViolations(first);
  await first.getByRole('link', { name: /Titre : / }).click();
  await expect(first.getByLabel('Titre')).toBeFocused();

  await first.getByLabel('Titre').fill('Revue régionale — e2e');
  await first.getByLabel('Date').fill('2026-11-20');
  await first.getByLabel('Participants').fill('Préfète de région\nPrésidente du conseil régional');
  // The picker asks the server for the actions matching the filter (ADR 0026): only
  // matching ones are offered, and it says how many match.
  await first.getByLabel('Filtrer les actions').fill('FA-1');
  await expect(first.getByText(/^\d+ actions? correspond/)).toBeVisible();
  for (const label of await first.getByRole('group', { name: 'Actions examinées' }).getByRole('checkbox').evaluateAll((els) => els.map((el) => el.closest('li')?.textContent ?? '')))
    expect(label).toContain('FA-1');
  await first.getByRole('checkbox').first().check();
  await expect(first.getByRole('button', { name: /^Retirer FA-1/ })).toBeVisible();
  await first.getByRole('button', { name: 'Enregistrer le comité' }).click();
  await expect(first.getByRole('heading', { level: 1, name: 'Revue régionale — e2e', exact: true })).toBeVisible();
  const url = first.url();

  const second = await (await browser.newContext()).newPage();
  await signIn(second, 'sgar.occitanie@demo.test');
  await first.goto(`${url}?modifier=1`);
  await second.goto(`${url}?modifier=1`);
  await first.getByLabel('Décisions').fill('Décision prise dans le premier navigateur.');
  await first.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await expect(first.getByRole('heading', { level: 1, name: 'Revue régionale — e2e', exact: true })).toBeVisible();

  await second.getByLabel('Participants').fill('Préfète de région\nPrésidente du conseil régional\nDirecteur régional de la Banque des territoires');
  await second.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await expect(second.getByText('Conflit de modification')).toBeVisible();
  const decisions = second.getByRole('group', { name: 'Décisions' });
  await expect(decisions.getByLabel('Prendre la leur')).toBeChecked();
  await expectNoAxeViolations(second);
  await second.getByRole('button', { name: 'Reprendre sur la version à jour' }).click();
  await expect(second.getByLabel('Décisions')).toHaveValue('Décision prise dans le premier navigateur.');
  await expect(second.getByLabel('Participants')).toHaveValue(/Banque des territoires/);
  await second.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await expect(second.getByRole('heading', { level: 1, name: 'Revue régionale — e2e', exact: true })).toBeVisible();
  await expect(second.getByText('Directeur régional de la Banque des territoires')).toBeVisible();
  await expect(second.getByText('Décision prise dans le premier navigateur.')).toBeVisible();
});
