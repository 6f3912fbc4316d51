// Issue 12 journeys: health, evolution charts, plan timeline (keyboard), committee packs
// downloaded from each page, one fiche as PDF, dated indicator values through the API.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { type Browser, type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectNoAxeViolations, signIn } from './helpers';

const SLUG = 'tarn-nord';

async function as(browser: Browser, email: string) {
  const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await signIn(page, email);
  return page;
}

async function download(page: Page, name: RegExp, extension: string) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).first().click()]);
  expect(file.suggestedFilename()).toMatch(new RegExp(`\\.${extension}$`));
  const path = await file.path();
  const bytes = fs.readFileSync(path);
  expect(bytes.subarray(0, extension === 'pdf' ? 5 : 2).toString()).toBe(extension === 'pdf' ? '%PDF-' : 'PK');
  return bytes;
}

/** The downloaded pack, read back as a reader would (pdftotext, or the DOCX's XML as text). */
function expectPackText(bytes: Buffer, extension: string, expected = '') {
  if (extension === 'pdf') {
    if (!fs.existsSync('/usr/bin/pdftotext')) return;
    const text = execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: bytes, encoding: 'utf8' });
    expect(text.replace(/\s+/g, ' ')).toContain(expected);
  } else {
    // The document part is deflated inside the zip: its name is enough to know it is Word.
    expect(bytes.includes(Buffer.from('word/document.xml'))).toBe(true);
  }
}

test('project lead: health, evolution charts, timeline by keyboard, packs and fiche PDF', async ({ browser }) => {
  const page = await as(browser, `cdp.${SLUG}@demo.test`);
  await page.goto(`/territoires/${SLUG}`);
  await expect(page.getByTestId('territory-health')).toContainText(/En bonne voie|À surveiller|En difficulté/);
  expectPackText(await download(page, /Dossier du comité de projet \(PDF\)/, 'pdf'), 'pdf', 'Comité de projet — Tarn Nord');
  expectPackText(await download(page, /Dossier du comité de projet \(Word\)/, 'docx'), 'docx');

  await page.getByRole('link', { name: 'Évolution' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Évolution — Tarn Nord/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Actions par statut, mois par mois/ })).toBeVisible();
  await expect(page.locator('figure svg[role="img"]').first()).toBeVisible();
  await expectNoAxeViolations(page);

  // Timeline, keyboard only: tab to the zoom links and follow them with Enter.
  await page.goto(`/territoires/${SLUG}/plan/calendrier?periode=2026`);
  await expect(page.getByRole('heading', { level: 1, name: /Calendrier du plan/ })).toBeVisible();
  await expectNoAxeViolations(page);
  const quarter = page.getByRole('link', { name: '2e trimestre' });
  for (let i = 0; i < 60 && !(await quarter.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(quarter).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/periode=2026-T2/);
  await expect(page.getByText('2e trimestre 2026', { exact: true })).toBeVisible();
  const next = page.getByRole('link', { name: 'Période suivante' });
  await next.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/periode=2026-T3/);
  await expect(page.getByRole('table', { name: /équivalent en tableau/ })).toBeVisible();
  // Every action of the timeline is a link reachable with the keyboard.
  const firstAction = page.locator('section[aria-labelledby^="axe-"] a').first();
  await firstAction.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/actions\//);

  // The fiche: PDF download; a dated value recorded from the fiche.
  const pdf = await download(page, /Fiche \(PDF\)/, 'pdf');
  expect(pdf.length).toBeGreaterThan(1000);
  expectPackText(pdf, 'pdf', 'Fiche action du territoire Tarn Nord');
  await expectNoAxeViolations(page);
});

test('dated indicator values through the API', async ({ browser }) => {
  const page = await as(browser, `cdp.${SLUG}@demo.test`);
  const list = await page.request.get(`/api/v1/territories/${SLUG}/actions`);
  const items = ((await list.json()) as { items: { id: string; version: number; indicators: { id: string }[] }[] }).items;
  const action = items.find((a) => a.indicators.length > 0)!;
  const res = await page.request.post(`/api/v1/actions/${action.id}/progress`, {
    data: { version: action.version, indicators: [{ id: action.indicators[0]!.id, actual: 7, date: '2025-02-28', comment: 'Point e2e' }] },
  });
  expect(res.status()).toBe(200);
  const saved = (await res.json()) as { indicators: { id: string; values: { date: string; value: number; comment: string }[] }[] };
  expect(saved.indicators[0]!.values).toContainEqual({ date: '2025-02-28', value: 7, comment: 'Point e2e' });
  const stale = await page.request.post(`/api/v1/actions/${action.id}/progress`, {
    data: { version: action.version, indicators: [{ id: action.indicators[0]!.id, actual: 8, date: '2025-03-31' }] },
  });
  expect(stale.status()).toBe(409);
  const csv = await (await page.request.get('/api/v1/exports/actions.csv')).text();
  expect(csv).toContain('2025-02-28 = 7');
});

test('regional copilot and national staff download their packs; pages stay light', async ({ browser }) => {
  const sgar = await as(browser, 'sgar.occitanie@demo.test');
  await sgar.goto('/regions/76');
  await expect(sgar.getByTestId('region-health')).toContainText('en difficulté');
  expectPackText(await download(sgar, /Dossier de revue régionale \(PDF\)/, 'pdf'), 'pdf', 'Revue régionale — Occitanie');
  expectPackText(await download(sgar, /Dossier de revue régionale \(Word\)/, 'docx'), 'docx');
  await sgar.goto('/regions/76/evolution');
  await expectNoAxeViolations(sgar);
  expect((await sgar.request.get('/api/v1/programme/report.pdf')).status()).toBe(403);
  expect((await sgar.request.get('/api/v1/regions/44/report.pdf')).status()).toBe(404);

  const national = await as(browser, 'anct.national@demo.test');
  await national.goto('/programme');
  await expect(national.getByRole('heading', { name: 'État des territoires' })).toBeVisible();
  expectPackText(await download(national, /Dossier de gouvernance \(PDF\)/, 'pdf'), 'pdf', 'point de gouvernance');
  expectPackText(await download(national, /Dossier de gouvernance \(Word\)/, 'docx'), 'docx');
  for (const view of ['activite', 'indicateurs']) {
    await national.goto(`/programme/evolution?vue=${view}`);
    await expectNoAxeViolations(national);
    const html = await (await national.request.get(`/programme/evolution?vue=${view}`)).text();
    expect(html.length, view).toBeLessThan(100_000);
    expect(html).not.toMatch(/<svg[^>]*style=/);
  }
});
