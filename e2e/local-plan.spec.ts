// Local tier journey: the project lead builds the plan, the binôme validates,
// versions compare, and a concurrent edit is caught without losing anything.
import { expect, test } from './fixtures';
import { type Page } from '@playwright/test';
import { expectNoAxeViolations, signIn } from './helpers';

const TITLE = 'Mutualisation des achats d’énergie des PME du Carmausin';

async function createAction(page: Page) {
  await page.goto('/territoires/tarn-nord/plan');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Nouvelle action' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nouvelle action' })).toBeVisible();
  await expectNoAxeViolations(page);

  // A failed save keeps what was typed and says what is wrong, in French.
  await page.getByLabel('Titre').fill(TITLE);
  await page.getByRole('button', { name: "Créer l'action" }).click();
  const summary = page.getByRole('alert').first();
  await expect(summary).toContainText('erreur');
  await expect(page.getByLabel('Titre')).toHaveValue(TITLE);

  await page.getByRole('checkbox', { name: 'Accélérer la transition écologique et énergétique' }).check();
  await page.getByLabel('Phase').selectOption('STUDY');
  await page.getByLabel('Budget prévisionnel (€)').fill('180 000');
  await page.getByRole('button', { name: 'Ajouter un financement' }).click();
  await page.getByLabel('Financeur', { exact: false }).first().fill('Fonds vert');
  await page.getByLabel('Montant (€)', { exact: false }).first().fill('90 000');
  await page.getByRole('button', { name: 'Ajouter un indicateur' }).click();
  await page.getByLabel("Nom de l'indicateur", { exact: false }).first().fill('Économies d’énergie');
  await page.getByLabel('Unité', { exact: false }).first().fill('MWh/an');
  await page.getByLabel('Cible', { exact: false }).first().fill('1200');
  await page.getByRole('button', { name: 'Ajouter un jalon' }).click();
  await page.getByLabel('Intitulé du jalon', { exact: false }).first().fill('Groupement de commande constitué');
  await page.getByLabel('Échéance', { exact: false }).first().fill('2026-03-31');
  await page.getByRole('button', { name: "Créer l'action" }).click();

  await expect(page.getByRole('heading', { level: 1, name: new RegExp(TITLE) })).toBeVisible();
  await expect(page.getByText('Fonds vert')).toBeVisible();
  return page.url();
}

test('project lead builds the plan, the élu validates, versions compare', async ({ browser }) => {
  const lead = await (await browser.newContext()).newPage();
  await signIn(lead, 'cdp.tarn-nord@demo.test');

  // Submit a first version so that the new action shows up in a comparison.
  await lead.goto('/territoires/tarn-nord/versions');
  await lead.getByRole('button', { name: 'Soumettre le plan' }).click();
  await expect(lead.getByRole('heading', { level: 1, name: /Version 1 du plan/ })).toBeVisible();

  const elu = await (await browser.newContext()).newPage();
  await signIn(elu, 'elu.tarn-nord@demo.test');
  await elu.goto('/territoires/tarn-nord/versions/1');
  // Sending back without a reason is refused; with one, the plan returns to the project lead.
  await elu.getByRole('button', { name: 'Demander des modifications' }).click();
  await expect(elu.getByText('Indiquez ce qui doit être modifié.')).toBeVisible();
  await elu.getByLabel('Motif ou commentaire de la décision').fill('Ajouter une action sur les achats d’énergie des PME.');
  await elu.getByRole('button', { name: 'Demander des modifications' }).click();
  await expect(elu.getByText('Modifications demandées').first()).toBeVisible();

  const actionUrl = await createAction(lead);
  await expectNoAxeViolations(lead);

  // Quick progress update without opening the whole form.
  await lead.getByLabel('Statut').selectOption('IN_PROGRESS');
  await lead.getByLabel(/Valeur réalisée — Économies d’énergie/).fill('300');
  await lead.getByRole('button', { name: "Enregistrer l'avancement" }).click();
  await expect(lead.getByText('En cours').first()).toBeVisible();
  await expect(lead.getByText('300 / 1 200 MWh/an')).toBeVisible();

  await lead.goto(`${actionUrl}/historique`);
  await expect(lead.getByRole('heading', { name: /Création/ })).toBeVisible();
  await expect(lead.getByRole('heading', { name: /Mise à jour de l'avancement/ })).toBeVisible();

  // Second submission, validated by the élu; the comparison shows the new action.
  await lead.goto('/territoires/tarn-nord/versions');
  await lead.getByLabel('Note pour le binôme (facultatif)').fill('Ajout de la mutualisation des achats d’énergie.');
  await lead.getByRole('button', { name: 'Soumettre le plan' }).click();
  await expect(lead.getByRole('heading', { level: 1, name: /Version 2 du plan/ })).toBeVisible();

  await elu.goto('/territoires/tarn-nord/versions/2');
  await expectNoAxeViolations(elu);
  await elu.getByLabel('Motif ou commentaire de la décision').fill('Validé en comité local du binôme.');
  await elu.getByRole('button', { name: 'Valider la version' }).click();
  await expect(elu.getByText('Validé en comité local du binôme.')).toBeVisible();
  await elu.getByRole('link', { name: 'Comparer avec la version 1' }).click();
  await expect(elu.getByRole('heading', { name: /Actions ajoutées \(1\)/ })).toBeVisible();
  await expect(elu.getByText(TITLE)).toBeVisible();
  await expectNoAxeViolations(elu);

  // The élu reads but does not edit.
  await elu.goto(actionUrl);
  await expect(elu.getByRole('link', { name: 'Modifier' })).toHaveCount(0);
});

test('a second browser editing the same action gets the conflict and loses nothing', async ({ browser }) => {
  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext()).newPage();
  await signIn(first, 'cdp.castres-revel-castelnaudary@demo.test');
  await signIn(second, 'cdp.castres-revel-castelnaudary@demo.test');
  await first.goto('/territoires/castres-revel-castelnaudary/plan');
  const link = first.getByRole('table').getByRole('link').first();
  const href = (await link.getAttribute('href')) as string;

  await first.goto(`${href}/modifier`);
  await second.goto(`${href}/modifier`);
  await first.getByLabel('Pilote').fill('Communauté d’agglomération Castres-Mazamet');
  await first.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await expect(first.getByRole('heading', { level: 1 })).not.toHaveText(/Modifier/);

  const typed = 'Objectif révisé par le second navigateur : 40 entreprises accompagnées.';
  await second.getByLabel('Objectifs').fill(typed);
  await second.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await expect(second.getByText('Conflit de modification')).toBeVisible();
  await expect(second.getByText(/Pilote/).first()).toBeVisible();
  await expect(second.getByLabel('Objectifs')).toHaveValue(typed);

  // Continue on the saved version: the typed text is kept and now saved.
  await second.getByRole('button', { name: 'Reprendre sur la version à jour' }).click();
  await second.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await expect(second.getByText(typed)).toBeVisible();
});

test('keyboard only: the action form can be filled and submitted', async ({ page }) => {
  await signIn(page, 'cdp.hautes-terres-doc@demo.test');
  await page.goto('/territoires/hautes-terres-doc/plan/nouvelle');
  await page.getByLabel('Titre').focus();
  await page.keyboard.type('Formation des tuteurs en entreprise');
  // Tab to the first axis checkbox and tick it with the space bar.
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type);
    if (name === 'checkbox') break;
  }
  await page.keyboard.press('Space');
  const focused = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    return getComputedStyle(el).outlineStyle !== 'none' || getComputedStyle(el).boxShadow !== 'none';
  });
  expect(focused).toBe(true);
  await page.getByRole('button', { name: "Créer l'action" }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /Formation des tuteurs en entreprise/ })).toBeVisible();
});

test('project lead reorders the plan with the keyboard, and without JavaScript', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, 'cdp.castres-revel-castelnaudary@demo.test');
  await page.goto('/territoires/castres-revel-castelnaudary/plan');
  const references = () => page.getByRole('table').locator('tbody tr td:first-child').allTextContents();
  const [first, second] = await references();
  // One form for the whole table: each arrow says which action it moves.
  await page.getByRole('button', { name: `Descendre ${first}` }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Action descendue.' })).toBeVisible();
  await expect.poll(async () => (await references()).slice(0, 2)).toEqual([second, first]);
  await expectNoAxeViolations(page);

  // Without JavaScript (same session) the same form posts the move.
  const plain = await (await browser.newContext({ javaScriptEnabled: false, storageState: await context.storageState() })).newPage();
  await plain.goto('/territoires/castres-revel-castelnaudary/plan');
  await plain.getByRole('button', { name: `Monter ${first}` }).click();
  await expect(plain.getByRole('table').locator('tbody tr td:first-child').first()).toHaveText(first!);
});
