// Issue 12 (charts) and issue 10 (page weight): every page with charts and the plan timeline,
// for each scope and view, is axe-clean and weighs under 100 kB of HTML on the demo data.
// The weights are printed so that a change in the charts' markup shows in the run's log.
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
