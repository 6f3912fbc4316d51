// An attacker's journey against the production build (issue 9, ADR 0011): crafted
// redirects after a real sign-in, security headers, oversized bodies refused before
// they are read, malformed query strings that must never answer 500, and proof that
// the suite's CSP guard (e2e/fixtures.ts) does catch a violation.
import http from 'node:http';
import { expect, takeViolations, test } from './fixtures';
import type { Page } from '@playwright/test';
import { PASSWORD, signIn } from './helpers';

const CRAFTED_CALLBACKS = [
  '/%5Cevil.example/',
  '/%09/evil.example/',
  '//evil.example/',
  '/%2F%2Fevil.example/',
  '/.//evil.example/',
  'https://evil.example/',
  '%5C%5Cevil.example',
  'javascript:alert(document.domain)',
];

test('crafted callbackUrl values stay on the site after a real sign-in', async ({ browser, baseURL }) => {
  const origin = new URL(baseURL as string).origin;
  for (const callback of CRAFTED_CALLBACKS) {
    const context = await browser.newContext();
    const offsite: string[] = [];
    await context.route((url) => url.hostname.endsWith('evil.example'), async (route) => {
      offsite.push(route.request().url());
      await route.abort();
    });
    const page = await context.newPage();
    await page.goto(`/connexion?callbackUrl=${callback}`);
    await page.getByLabel('Adresse e-mail').fill('cdp.tarn-nord@demo.test');
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page).toHaveURL(/\/territoires\/tarn-nord$/);
    expect(new URL(page.url()).origin, callback).toBe(origin);
    expect(offsite, callback).toEqual([]);
    await context.close();
  }
});

test('a same-site callbackUrl is honoured', async ({ page }) => {
  await page.goto(`/connexion?callbackUrl=${encodeURIComponent('/territoires/tarn-nord/plan?status=IN_PROGRESS')}`);
  await page.getByLabel('Adresse e-mail').fill('cdp.tarn-nord@demo.test');
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(/\/territoires\/tarn-nord\/plan\?status=IN_PROGRESS$/);
});

test('pages carry a nonce CSP and the security headers; the API carries the static ones', async ({ page, request }) => {
  const response = await page.goto('/connexion');
  const headers = response?.headers() ?? {};
  const csp = headers['content-security-policy'] ?? '';
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toContain("'strict-dynamic'");
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp).not.toContain('unsafe-eval');
  for (const d of ["object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'"]) expect(csp).toContain(d);
  // Every script of the page is nonced with this response's nonce; the next response has another.
  const scripts = await page.locator('script').evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(new Set(scripts)).toEqual(new Set([nonce]));
  const again = (await request.get('/connexion')).headers()['content-security-policy'];
  expect(again).not.toContain(`'nonce-${nonce}'`);
  // Loopback http: no HSTS (it is sent in production on a real host, lib/security/headers.test.ts).
  expect(headers['strict-transport-security']).toBeUndefined();
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('same-origin');
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(headers['permissions-policy']).toContain('camera=()');
  expect(headers['x-powered-by']).toBeUndefined();
  const api = await request.get('/api/health');
  expect(api.headers()['x-content-type-options']).toBe('nosniff');
  expect(api.headers()['x-frame-options']).toBe('DENY');
  const report = await request.post('/api/csp-report', {
    headers: { 'content-type': 'application/csp-report' },
    data: JSON.stringify({ 'csp-report': { 'document-uri': 'http://x/', 'effective-directive': 'script-src-elem', 'blocked-uri': 'inline' } }),
  });
  expect(report.status()).toBe(204);
});

test('the CSP guard sees a violation (so it can fail a journey)', async ({ page }) => {
  await page.goto('/connexion');
  await page.evaluate(() => {
    const img = document.createElement('img');
    img.src = 'https://evil.example/pixel.png';
    document.body.append(img);
  });
  await expect.poll(() => takeViolations().join('\n'), { timeout: 5000 }).toContain('[csp-violation] img-src blocked https://evil.example');
});

interface RawResult {
  status: number;
  body: string;
  elapsedMs: number;
  bytesSent: number;
}

/**
 * Sends a body that is announced huge (or chunked) and keeps dribbling bytes without
 * ever finishing it; resolves with the first response the server gives.
 */
function endlessUpload(baseURL: string, path: string, options: { cookie: string; contentType: string; method?: string; declaredLength?: number }): Promise<RawResult> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, baseURL);
    const started = Date.now();
    let bytesSent = 0;
    const headers: Record<string, string> = { cookie: options.cookie, 'content-type': options.contentType };
    if (options.declaredLength) headers['content-length'] = String(options.declaredLength);
    const req = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: options.method ?? 'POST', headers }, (res) => {
      clearInterval(timer);
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body, elapsedMs: Date.now() - started, bytesSent });
      });
    });
    req.on('error', (e) => {
      clearInterval(timer);
      // The server may close the socket right after its answer: give the answer a moment.
      setTimeout(() => reject(e), 1000);
    });
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const timer = setInterval(() => {
      if (bytesSent > 50 * 1024 * 1024 || Date.now() - started > 20_000) {
        clearInterval(timer);
        req.destroy(new Error(`no response after ${bytesSent} bytes`));
        return;
      }
      req.write(chunk);
      bytesSent += chunk.length;
    }, 5);
  });
}

async function cookieHeader(page: Page): Promise<string> {
  return (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
}

test('oversized bodies get 413 before they are read; authorization comes first', async ({ page, browser, baseURL }) => {
  const base = baseURL as string;
  await signIn(page, 'anct.national@demo.test');
  const national = await cookieHeader(page);

  // Announced 100 MB, never finished: 413 at once, long before 20 MB could be sent.
  const huge = await endlessUpload(base, '/api/v1/imports/territories', { cookie: national, contentType: 'text/csv', declaredLength: 100 * 1024 * 1024 });
  expect(huge.status).toBe(413);
  expect(JSON.parse(huge.body)).toEqual({ error: 'PAYLOAD_TOO_LARGE', message: 'Le corps de la requête dépasse la taille autorisée (20 Mo).' });
  expect(huge.bytesSent).toBeLessThan(20 * 1024 * 1024);

  // JSON: 1 MB, announced or streamed without Content-Length.
  const actions = (await (await page.request.get('/api/v1/territories/tarn-nord/actions')).json()) as { items: { id: string }[] };
  const id = actions.items[0]?.id as string;
  const announced = await endlessUpload(base, `/api/v1/actions/${id}`, { cookie: national, contentType: 'application/json', method: 'PATCH', declaredLength: 70 * 1024 * 1024 });
  expect(announced.status).toBe(413);
  expect(announced.bytesSent).toBeLessThan(5 * 1024 * 1024);
  const streamed = await endlessUpload(base, `/api/v1/actions/${id}`, { cookie: national, contentType: 'application/json', method: 'PATCH' });
  expect(streamed.status).toBe(413);
  expect(JSON.parse(streamed.body).message).toBe('Le corps de la requête dépasse la taille autorisée (1 Mo).');
  expect(streamed.bytesSent).toBeLessThan(10 * 1024 * 1024);

  // The import is refused to a project lead before any of its body is read.
  const lead = await (await browser.newContext()).newPage();
  await signIn(lead, 'cdp.tarn-nord@demo.test');
  const refused = await endlessUpload(base, '/api/v1/imports/territories', { cookie: await cookieHeader(lead), contentType: 'text/csv', declaredLength: 100 * 1024 * 1024 });
  expect(refused.status).toBe(403);
  // Signed out: 401, body unread.
  const anonymous = await endlessUpload(base, '/api/v1/imports/territories', { cookie: '', contentType: 'text/csv' });
  expect(anonymous.status).toBe(401);
});

test('the sign-in endpoint caps its body too (64 KB)', async ({ baseURL }) => {
  const base = baseURL as string;
  const announced = await endlessUpload(base, '/api/auth/callback/credentials', { cookie: '', contentType: 'application/x-www-form-urlencoded', declaredLength: 100 * 1024 * 1024 });
  expect(announced.status).toBe(413);
  const streamed = await endlessUpload(base, '/api/auth/callback/credentials', { cookie: '', contentType: 'application/x-www-form-urlencoded' });
  expect(streamed.status).toBe(413);
  expect(streamed.bytesSent).toBeLessThan(5 * 1024 * 1024);
});

const TARGETS = [
  '/programme',
  '/programme/actions',
  '/territoires',
  '/territoires/tarn-nord',
  '/territoires/tarn-nord/plan',
  '/territoires/tarn-nord/plan/nouvelle',
  '/territoires/tarn-nord/versions',
  '/territoires/tarn-nord/versions/comparer',
  '/territoires/tarn-nord/versions/1',
  '/regions/76',
  '/regions/76/comites',
  '/engagements',
  '/recherche',
  '/notifications',
  '/administration/utilisateurs',
  '/administration/territoires',
  '/administration/territoires/tarn-nord',
  '/administration/operateurs',
  '/administration/import',
  '/connexion',
  '/',
  '/api/v1/territories',
  '/api/v1/territories/tarn-nord',
  '/api/v1/territories/tarn-nord/actions',
  '/api/v1/territories/tarn-nord/plan',
  '/api/v1/territories/tarn-nord/plan/versions',
  '/api/v1/territories/tarn-nord/plan/diff',
  '/api/v1/exports/actions.csv',
  '/api/v1/search',
  '/api/v1/commitments',
  '/api/v1/commitments/overview',
  '/api/v1/regions/76/committees',
  '/api/v1/admin/users',
];
const PARAMS = ['page', 'q', 'axis', 'status', 'phase', 'region', 'territory', 'territoire', 'operator', 'late', 'sort', 'mesure', 'de', 'a', 'from', 'to', 'role', 'epci', 'enregistre', 'modifier', 'actions', 'callbackUrl', 'error', 'n'];
const VALUES = ['Infinity', '-Infinity', '1e400', 'NaN', '-1', '0', '1.5', '0x10', '9'.repeat(40), '', '__proto__', 'constructor', 'toString', "'--", '%00', '[]', '{}', '2026-13-45', 'é'.repeat(3000)];
const RAW_QUERIES = ['%', '%E0%A4%A', 'page=%FF', 'page', '=x', '&&&', 'page[]=1', 'page[a]=1', 'page=1&page=Infinity', 'q=%ZZ', `q=${'x'.repeat(7000)}`];

test('malformed query strings never answer 500', async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, 'admin@demo.test');
  const failures: string[] = [];
  let tried = 0;
  for (const target of TARGETS) {
    const queries = [
      ...VALUES.map((v) => PARAMS.map((p) => `${p}=${encodeURIComponent(v)}`).join('&')),
      PARAMS.map((p) => `${p}=Infinity&${p}=1e400`).join('&'),
      ...RAW_QUERIES,
    ];
    for (const query of queries) {
      tried++;
      const url = `${target}?${query}`;
      const response = await page.request.get(url, { maxRedirects: 0 });
      if (response.status() >= 500) failures.push(`${response.status()} ${url.slice(0, 160)}`);
    }
  }
  expect(tried).toBeGreaterThan(900);
  expect(failures).toEqual([]);
});
