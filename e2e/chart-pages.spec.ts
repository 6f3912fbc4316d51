// Issue 12 (charts) and issue 10 (page weight): every page with charts and the plan timeline,
// for each scope and view, is axe-clean and weighs under 100 kB of HTML on the demo data.
// The weights are printed so that a change in the charts' markup shows in the run's log.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectNoAxeViolations, signIn } from './helpers';

const PAGES: { account: string; paths: string[] }[] = [
  {
    account: 'cdp.tarn-nord@demo.test',
    paths: ['/territoires/tarn-nord/evolution?vue=activite', '/territoires/tarn-nord/evolution?vue=indicateurs', '/territoires/tarn-nord/plan/calendrier'],
  },
  { account: 'sgar.occitanie@demo.test', paths: ['/regions/76/evolution?vue=activite', '/regions/76/evolution?vue=indicateurs'] },
  { account: 'anct.national@demo.test', paths: ['/programme/evolution?vue=activite', '/programme/evolution?vue=indicateurs'] },
];

for (const { account, paths } of PAGES) {
  test(`chart pages of ${account}: axe-clean and under 100 kB`, async ({ page }) => {
    await signIn(page, account);
    for (const path of paths) {
      await page.goto(path);
      await expect(page.locator('h1')).toBeVisible();
      await expectNoAxeViolations(page);
      const html = await (await page.request.get(path)).text();
      const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
      console.log(`[poids] ${path}: ${html.length} octets de HTML, ${svgs.length} SVG (${svgs.reduce((n, s) => n + s.length, 0)} octets)`);
      expect(html.length, path).toBeLessThan(100_000);
    }
  });
}

/** Presses Tab until `target` has the focus (at most `max` times), as a keyboard user does. */
async function tabTo(page: Page, target: Locator, max = 80) {
  for (let i = 0; i < max && !(await target.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(target).toBeFocused();
  // Visible focus: an outline or a box shadow is drawn around the focused control.
  const ring = await target.evaluate((el) => {
    const s = getComputedStyle(el);
    return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
  });
  expect(ring, 'focus visible').toBe(true);
}

test('the plan timeline with the keyboard alone: zoom, periods, table equivalent, an action', async ({ page }) => {
  await signIn(page, 'cdp.tarn-nord@demo.test');
  await page.goto('/territoires/tarn-nord/plan/calendrier');
  await expect(page.getByRole('heading', { level: 1, name: /Calendrier du plan/ })).toBeVisible();
  // Zoom to the first quarter of the year shown, then back and forth between periods.
  await tabTo(page, page.getByRole('link', { name: '1er trimestre' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/periode=\d{4}-T1/);
  await tabTo(page, page.getByRole('link', { name: 'Période suivante' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/periode=\d{4}-T2/);
  await tabTo(page, page.getByRole('link', { name: 'Période précédente' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/periode=\d{4}-T1/);
  // The skip link moves the focus to the table equivalent.
  await tabTo(page, page.getByRole('link', { name: 'Aller au tableau équivalent' }));
  await page.keyboard.press('Enter');
  await expect(page.locator('#tableau-calendrier')).toBeFocused();
  await expect(page.getByRole('table', { name: /équivalent en tableau/ })).toBeVisible();
  // Back to the year view, then into an action of the timeline.
  await page.goto('/territoires/tarn-nord/plan/calendrier');
  const firstAction = page.locator('section[aria-labelledby^="axe-"] a').first();
  await tabTo(page, firstAction, 120);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/actions\//);
});
