// National staff upload the real official list (../shared, read at test time), read the
// preview, confirm, and see the result. Named to run last: it renames the demo
// territories to their official spelling and adds the 167 others.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { expectNoAxeViolations, signIn } from './helpers';

const FILE = path.resolve(import.meta.dirname, '../../shared/data/territoires-industrie/liste-ti-communes-2023.csv');

test('national staff preview, then confirm, the import of the real official list', async ({ page }) => {
  test.skip(!fs.existsSync(FILE), `SKIPPED: the real official list is absent (${FILE}).`);
  await signIn(page, 'anct.national@demo.test');
  await page.goto('/administration/import');
  await page.getByLabel('Fichier CSV de la liste officielle').setInputFiles(FILE);
  await expect(page.getByLabel('Phase du programme')).toHaveValue('2');
  await page.getByRole('button', { name: 'Importer' }).click();

  const preview = page.getByRole('heading', { name: 'Aperçu : ce que le fichier va faire' });
  await expect(preview).toBeVisible({ timeout: 30_000 });
  await expect(preview).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Aperçu prêt' })).toBeVisible();
  await expect(page.getByText('Fichier par commune, phase II : 18 726 lignes, 183 territoires.')).toBeVisible();
  await expect(page.getByText(/^\d+ territoire\(s\) créé\(s\)$/)).toBeVisible();
  await expect(page.getByText('34 code(s) de commune rapproché(s) de la géographie actuelle')).toBeVisible();
  await page.getByText('Codes de commune rapprochés (34)').click();
  await expect(page.getByText(/95282 Gouzangrez → 95169 Commeny/)).toBeVisible();
  await page.getByText(/^Territoires renommés/).click();
  await expect(page.getByText('ti-7605 : « Castres - Revel - Castelnaudary » → « Castres Revel Castelnaudary »')).toBeVisible();
  await expectNoAxeViolations(page);

  // Nothing was written by the preview.
  await page.goto('/territoires/castres-revel-castelnaudary');
  await expect(page.getByRole('heading', { level: 1, name: 'Castres - Revel - Castelnaudary' })).toBeVisible();
  await page.goto('/administration/import');
  await page.getByLabel('Fichier CSV de la liste officielle').setInputFiles(FILE);
  await page.getByRole('button', { name: 'Importer' }).click();
  await expect(preview).toBeVisible({ timeout: 30_000 });

  // Keyboard only: Tab from the focused preview heading reaches the confirmation.
  const confirm = page.getByRole('button', { name: 'Confirmer l’import' });
  await confirm.focus();
  await page.keyboard.press('Enter');
  const result = page.getByRole('heading', { name: 'Import terminé' });
  await expect(result).toBeVisible({ timeout: 30_000 });
  await expect(result).toBeFocused();
  await expect(page.getByText(/18\s726 lignes lues, 183 territoires : \d+ créé\(s\), \d+ mis à jour, \d+ inchangé\(s\)\./)).toBeVisible();
  await expectNoAxeViolations(page);

  // The demo territory was updated in place: same page, official name and id.
  await page.goto('/territoires/castres-revel-castelnaudary');
  await expect(page.getByRole('heading', { level: 1, name: 'Castres Revel Castelnaudary' })).toBeVisible();
  await page.goto('/territoires/tarn-nord');
  await expect(page.getByText('Identifiant officiel ti-7614')).toBeVisible();

  // The API: ?dryRun=1 reports without writing; a stale If-Match is refused with the new preview.
  const body = fs.readFileSync(FILE, 'utf8');
  const dry = await page.request.post('/api/v1/imports/territories?dryRun=1', { headers: { 'Content-Type': 'text/csv' }, data: body });
  expect(dry.status()).toBe(200);
  const report = (await dry.json()) as { dryRun: boolean; unchanged: number; created: unknown[]; fingerprint: string };
  expect(report).toMatchObject({ dryRun: true, unchanged: 183, created: [] });
  expect(dry.headers().etag).toBe(`"${report.fingerprint}"`);
  const stale = await page.request.post('/api/v1/imports/territories', { headers: { 'Content-Type': 'text/csv', 'If-Match': '"0000"' }, data: body });
  expect(stale.status()).toBe(409);
  expect(((await stale.json()) as { current: { fingerprint: string } }).current.fingerprint).toBe(report.fingerprint);
  const confirmed = await page.request.post('/api/v1/imports/territories', { headers: { 'Content-Type': 'text/csv', 'If-Match': `"${report.fingerprint}"` }, data: body });
  expect(confirmed.status()).toBe(200);
  expect(((await confirmed.json()) as { dryRun: boolean; unchanged: number }).unchanged).toBe(183);
});
