// Excel round trip of a plan: the project lead downloads the plan workbook, edits it
// (built here with exceljs, as Excel would save it), previews the import, applies it.
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { expectNoAxeViolations, signIn } from './helpers';

const SLUG = 'hautes-terres-doc';
const NEW_TITLE = 'Action créée depuis le classeur Excel';

test('project lead downloads the plan workbook, edits it, previews and applies the import', async ({ page }, testInfo) => {
  await signIn(page, `cdp.${SLUG}@demo.test`);
  await page.goto(`/territoires/${SLUG}/plan`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Télécharger le classeur Excel' }).click()]);
  expect(download.suggestedFilename()).toBe(`plan-${SLUG}.xlsx`);

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Plan')!;
  const header = (sheet.getRow(1).values as unknown[]).map(String);
  const col = (name: string) => header.indexOf(name);
  expect(col('Référence')).toBe(1);
  const existing = sheet.actualRowCount - 1;
  if (existing > 0) sheet.getRow(2).getCell(col('Pilote')).value = 'Pilote modifié dans Excel';
  const row = sheet.addRow([]);
  row.getCell(col('Titre')).value = NEW_TITLE;
  row.getCell(col('Axes')).value = 'Compétences et recrutement';
  row.getCell(col('Statut')).value = 'À venir';
  const edited = testInfo.outputPath('plan-modifie.xlsx');
  await workbook.xlsx.writeFile(edited);

  await page.getByRole('link', { name: 'Importer le classeur' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Importer le classeur du plan' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Classeur du plan (.xlsx)').setInputFiles(edited);
  await page.getByRole('button', { name: 'Vérifier le classeur (aperçu)' }).click();

  const preview = page.getByRole('heading', { level: 2, name: 'Aperçu : ce que le classeur va faire' });
  await expect(preview).toBeFocused();
  await expect(page.getByRole('table', { name: 'Actions créées' })).toContainText(NEW_TITLE);
  if (existing > 0) await expect(page.getByRole('table', { name: 'Actions modifiées' })).toContainText('Pilote');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Confirmer l’import' }).click();
  const result = page.getByRole('heading', { level: 2, name: 'Import terminé' });
  await expect(result).toBeFocused();
  await expect(page.getByRole('region', { name: 'Résultat de l’import' })).toContainText(
    `1 action(s) créée(s), ${existing > 0 ? 1 : 0} modifiée(s)`,
  );
  await expect(page.getByRole('table', { name: 'Actions créées' })).toContainText(/FA-\d+/);
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Retour au plan d’actions' }).click();
  await expect(page.getByRole('link', { name: new RegExp(NEW_TITLE) })).toBeVisible();
});
