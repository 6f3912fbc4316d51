// Regional and national journeys: co-piloted review, programme overview with map,
// drill-down and exports, and the official-list import (twice).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from './fixtures';
import { type Browser } from '@playwright/test';
import { expectNoAxeViolations, signIn } from './helpers';

const SLUG = 'castres-revel-castelnaudary';

async function as(browser: Browser, email: string) {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

test('regional review: changes requested, fixed, resubmitted, validated by both copilots', async ({ browser }) => {
  const lead = await as(browser, `cdp.${SLUG}@demo.test`);
  const elu = await as(browser, `elu.${SLUG}@demo.test`);
  const sgar = await as(browser, 'sgar.occitanie@demo.test');
  const region = await as(browser, 'region.occitanie@demo.test');

  const submitAndValidateLocally = async () => {
    await lead.goto(`/territoires/${SLUG}/versions`);
    await lead.getByRole('button', { name: 'Soumettre le plan' }).click();
    await expect(lead.getByRole('heading', { level: 1, name: /Version \d+ du plan/ })).toBeVisible();
    const number = Number(/versions\/(\d+)/.exec(lead.url())?.[1]);
    await elu.goto(`/territoires/${SLUG}/versions/${number}`);
    await elu.getByRole('button', { name: 'Valider la version' }).click();
    await expect(elu.getByText('Validée par le binôme').first()).toBeVisible();
    return number;
  };

  const first = await submitAndValidateLocally();
  await sgar.goto('/regions/76');
  await expectNoAxeViolations(sgar);
  await sgar.getByRole('link', { name: `Castres - Revel - Castelnaudary — version ${first}` }).click();
  await expect(sgar.getByRole('heading', { name: 'Décision régionale' })).toBeVisible();
  await sgar.getByLabel('Motif ou commentaire de la décision').fill('Préciser le calendrier de la friche.');
  await sgar.getByRole('button', { name: 'Demander des modifications' }).click();
  await expect(sgar.getByText('Préciser le calendrier de la friche.')).toBeVisible();

  // The territory sees the decision trail and fixes the plan.
  await lead.goto(`/territoires/${SLUG}/versions/${first}`);
  await expect(lead.getByText('Préciser le calendrier de la friche.')).toBeVisible();
  await lead.goto(`/territoires/${SLUG}/plan`);
  await lead.getByRole('table').getByRole('link').first().click();
  await lead.getByRole('link', { name: 'Modifier' }).click();
  await lead.getByLabel('Date de fin prévue').fill('2027-06-30');
  await lead.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await expect(lead.getByRole('link', { name: 'Historique' })).toBeVisible();

  const second = await submitAndValidateLocally();
  await sgar.goto(`/territoires/${SLUG}/versions/${second}`);
  await sgar.getByRole('button', { name: 'Valider la version' }).click();
  await expect(sgar.getByText(/Validée par l'État le/)).toBeVisible();
  await expect(sgar.getByText('En attente de la Région.')).toBeVisible();

  await region.goto(`/territoires/${SLUG}/versions/${second}`);
  await expectNoAxeViolations(region);
  await region.getByRole('link', { name: `Comparer avec la version ${first}` }).click();
  await expect(region.getByText('Date de fin prévue').first()).toBeVisible();
  await region.goto(`/territoires/${SLUG}/versions/${second}`);
  await region.getByRole('button', { name: 'Valider la version' }).click();
  await expect(region.getByText('Validée par la région').first()).toBeVisible();

  await lead.goto(`/territoires/${SLUG}`);
  await expect(lead.getByText(`dernière version validée : n° ${second}`)).toBeVisible();
});

test('national: filter the overview, read the map, drill down, export and open the files', async ({ browser }) => {
  const page = await as(browser, 'anct.national@demo.test');
  await page.goto('/programme');
  await page.getByLabel('Région', { exact: true }).selectOption('76');
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page).toHaveURL(/region=76/);
  await expectNoAxeViolations(page);

  // The map and its table equivalent.
  await page.getByLabel('Mesure représentée').selectOption('budget');
  await page.getByRole('button', { name: 'Afficher' }).click();
  await expect(page.getByRole('img', { name: /Carte des départements, métropole et outre-mer : Budget prévisionnel/ })).toBeVisible();
  // The shapes come from one static, immutable file (overseas insets included), not from the page.
  const mapHref = await page.locator('figure.fr-map use').first().getAttribute('href');
  expect(mapHref).toMatch(/^\/maps\/departements-[0-9a-f]{12}\.svg#all$/);
  const mapFile = await page.request.get(mapHref!.replace(/#.*/, ''));
  expect(mapFile.headers()['cache-control']).toContain('immutable');
  const mapSvg = await mapFile.text();
  for (const code of ['971', '972', '973', '974', '976']) expect(mapSvg).toContain(`id="d${code}"`);
  expect(await page.content()).not.toContain(mapSvg.slice(200, 400));
  await expect(page.locator('figure.fr-map use[href$="#d81"]')).toHaveCount(1);
  // The table equivalent is one click away (a page of its own, same filters and measure),
  // with the drill-down links of the map.
  await page.getByRole('link', { name: /^Tableau des données de la carte \(\d+ départements?\)$/ }).click();
  await expect(page).toHaveURL(/\/programme\/departements\?.*region=76/);
  await expect(page).toHaveURL(/mesure=budget/);
  const depTable = page.getByRole('table', { name: /Budget prévisionnel par département/ });
  await expect(depTable).toContainText('Tarn (81)');
  await expectNoAxeViolations(page);
  const tarnHref = await depTable.getByRole('row', { name: /Tarn \(81\)/ }).getByRole('link').getAttribute('href');
  expect(tarnHref).toMatch(/departement=81/);
  expect(tarnHref).toMatch(/region=76/);
  // Territory health is a measure of the map too (share of territories to watch or off track).
  await page.getByLabel('Mesure').selectOption('health');
  await page.getByRole('button', { name: 'Afficher' }).click();
  await expect(page.getByRole('table', { name: /Territoires à surveiller ou en difficulté par département/ })).toContainText(/\d+ % des territoires en alerte/);
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Revenir à la carte' }).click();
  await expect(page).toHaveURL(/\/programme\?.*mesure=health/);
  await expect(page.getByRole('img', { name: /Carte des départements, métropole et outre-mer : Territoires à surveiller ou en difficulté/ })).toBeVisible();
  await expectNoAxeViolations(page);

  // Drill down from a figure to the list behind it.
  // The table's links navigate inside the app (one click handler per table): the page's
  // scripts are not loaded again, so a mark left on the window survives the navigation.
  await page.evaluate(() => Object.assign(window, { tiSameDocument: true }));
  const skills = page.getByRole('table', { name: 'Actions par axe du programme' }).getByRole('link', { name: 'Compétences et recrutement' });
  await skills.click();
  await expect(page).toHaveURL(/\/programme\/actions\?.*axis=SKILLS/);
  expect(await page.evaluate(() => (window as { tiSameDocument?: boolean }).tiSameDocument)).toBe(true);
  await expect(page).toHaveURL(/region=76/);
  const description = (await page.getByText(/^\d+ actions? — /).textContent()) ?? '';
  const total = Number(/^(\d+)/.exec(description)?.[1]);
  const rows = await page.getByRole('table').locator('tbody tr').count();
  expect(total).toBeGreaterThan(0);
  expect(rows).toBe(Math.min(total, 40));

  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Exporter (CSV)' }).click()]);
  const csv = fs.readFileSync(await csvDownload.path(), 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.trim().split('\r\n');
  expect(lines[0]).toContain('Territoire;Régions;Départements;Référence;Titre');
  expect(lines.length - 1).toBe(total);
  for (const l of lines.slice(1)) expect(l).toContain('Occitanie');

  const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Exporter (XLSX)' }).click()]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await xlsxDownload.path());
  expect(workbook.getWorksheet('Actions')?.rowCount).toBe(lines.length);
});

test('national: import the official list, then re-import it without changes', async ({ browser }) => {
  const page = await as(browser, 'anct.national@demo.test');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ti-')), 'territoires-industrie.csv');
  fs.writeFileSync(
    file,
    '\uFEFFinsee_com;lib_com;id_ti;lib_ti\n08105;Charleville-Mézières;ti-8801;Ardenne Métropole\n81060;Carmaux;ti-8802;Carmausin\n',
  );
  await page.goto('/administration/import');
  await expectNoAxeViolations(page);
  await page.getByLabel('Fichier CSV de la liste officielle').setInputFiles(file);
  await page.getByRole('button', { name: 'Importer' }).click();
  // The page previews first; nothing is written before the confirmation.
  await expect(page.getByRole('heading', { name: 'Aperçu : ce que le fichier va faire' })).toBeVisible();
  await page.getByRole('button', { name: 'Confirmer l’import' }).click();
  await expect(page.getByText('Import terminé')).toBeVisible();
  await expect(page.getByText(/2 territoires : 2 créé\(s\), 0 mis à jour, 0 inchangé\(s\)/)).toBeVisible();

  await page.goto('/administration/import');
  await page.getByLabel('Fichier CSV de la liste officielle').setInputFiles(file);
  await page.getByRole('button', { name: 'Importer' }).click();
  await page.getByRole('button', { name: 'Confirmer l’import' }).click();
  await expect(page.getByText(/2 territoires : 0 créé\(s\), 0 mis à jour, 2 inchangé\(s\)/)).toBeVisible();

  const bad = path.join(path.dirname(file), 'mauvais.csv');
  fs.writeFileSync(bad, 'commune,nom\n81060,Carmaux\n');
  await page.goto('/administration/import');
  await page.getByLabel('Fichier CSV de la liste officielle').setInputFiles(bad);
  await page.getByRole('button', { name: 'Importer' }).click();
  await expect(page.getByText('Import refusé')).toBeVisible();
  await expect(page.getByText(/Colonnes manquantes/)).toBeVisible();

  // The API does the same for scripts, and refuses non-national callers.
  const api = await page.request.post('/api/v1/imports/territories', { headers: { 'Content-Type': 'text/csv' }, data: fs.readFileSync(file, 'utf8') });
  expect(api.status()).toBe(200);
  expect((await api.json()).unchanged).toBe(2);
  const wrongType = await page.request.post('/api/v1/imports/territories', { headers: { 'Content-Type': 'application/json' }, data: '{}' });
  expect(wrongType.status()).toBe(415);
});
