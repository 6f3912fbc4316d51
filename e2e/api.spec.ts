// The JSON API's contract: statuses, French per-field errors, concurrency, origin checks.
import { expect, test } from './fixtures';
import { type APIRequestContext } from '@playwright/test';
import { signIn } from './helpers';

const ORIGIN = `http://localhost:${process.env.E2E_PORT ?? 3100}`;
const json = { 'Content-Type': 'application/json', Origin: ORIGIN };

async function createAction(request: APIRequestContext, slug: string, body: unknown) {
  return request.post(`/api/v1/territories/${slug}/actions`, { headers: json, data: JSON.stringify(body) });
}

test('signed out: 401 on every API route', async ({ request }) => {
  expect((await request.get('/api/v1/territories/tarn-nord/actions')).status()).toBe(401);
  expect((await createAction(request, 'tarn-nord', { title: 'x', axes: ['SKILLS'], status: 'NOT_STARTED' })).status()).toBe(401);
  expect((await request.get('/api/v1/actions/whatever/history')).status()).toBe(401);
});

test('project lead: create, read, update with versions, history, conflicts and bad input', async ({ page }) => {
  await signIn(page, 'cdp.tarn-nord@demo.test');
  const api = page.request;

  const created = await createAction(api, 'tarn-nord', {
    title: 'Centre de formation aux métiers de la maintenance industrielle',
    axes: ['SKILLS'],
    status: 'NOT_STARTED',
    phase: 'STUDY',
    budgetCents: 120_000_000,
    financing: [{ financer: 'Région Occitanie', amountCents: 40_000_000, status: 'REQUESTED' }],
    indicators: [{ name: 'Apprenants', kind: 'OTHER', unit: 'personnes', target: 200 }],
  });
  expect(created.status()).toBe(201);
  const action = await created.json();
  expect(action).toMatchObject({ version: 1, axes: ['SKILLS'], status: 'NOT_STARTED', phase: 'STUDY' });
  expect(typeof action.id).toBe('string');

  const list = await (await api.get('/api/v1/territories/tarn-nord/actions?axis=SKILLS')).json();
  expect(list.items.map((a: { id: string }) => a.id)).toContain(action.id);
  expect(list.items[0]).toHaveProperty('version');

  const patched = await api.patch(`/api/v1/actions/${action.id}`, { headers: json, data: { version: 1, status: 'IN_PROGRESS' } });
  expect(patched.status()).toBe(200);
  expect(await patched.json()).toMatchObject({ version: 2, status: 'IN_PROGRESS' });

  const stale = await api.patch(`/api/v1/actions/${action.id}`, { headers: json, data: { version: 1, title: 'Écrasé' } });
  expect(stale.status()).toBe(409);
  const staleBody = await stale.json();
  expect(staleBody.message).toContain('Statut');
  expect(staleBody.current.action.title).toBe('Centre de formation aux métiers de la maintenance industrielle');

  const bad = await createAction(api, 'tarn-nord', { title: '', axes: [], status: 'PERHAPS', budgetCents: -3, hacker: true });
  expect(bad.status()).toBe(400);
  const errors = (await bad.json()).errors;
  expect(Object.keys(errors)).toEqual(expect.arrayContaining(['title', 'axes', 'status', 'budgetCents']));
  expect(errors.title[0]).toMatch(/obligatoire/);

  const notJson = await api.post('/api/v1/territories/tarn-nord/actions', {
    headers: { 'Content-Type': 'text/plain', Origin: ORIGIN },
    data: 'title=x',
  });
  expect(notJson.status()).toBe(415);
  const brokenJson = await api.post('/api/v1/territories/tarn-nord/actions', { headers: json, data: '{"title": ' });
  expect(brokenJson.status()).toBe(400);

  const foreign = await api.post('/api/v1/territories/tarn-nord/actions', {
    headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
    data: { title: 'x', axes: ['SKILLS'], status: 'NOT_STARTED' },
  });
  expect(foreign.status()).toBe(403);

  expect((await createAction(api, 'hautes-terres-doc', { title: 'x', axes: ['SKILLS'], status: 'NOT_STARTED' })).status()).toBe(404);

  const history = await (await api.get(`/api/v1/actions/${action.id}/history`)).json();
  expect(history.items.map((h: { operation: string }) => h.operation)).toEqual(['create', 'update']);
  expect(history.items[1].before).toEqual({ status: 'NOT_STARTED' });
  expect(history.items[1].after).toEqual({ status: 'IN_PROGRESS' });
});

test('readers in scope cannot write; out of scope is not found', async ({ page }) => {
  await signIn(page, 'sgar.occitanie@demo.test');
  const list = await (await page.request.get('/api/v1/territories/tarn-nord/actions')).json();
  const target = list.items[0];
  const res = await page.request.patch(`/api/v1/actions/${target.id}`, { headers: json, data: { version: target.version, title: 'x' } });
  expect(res.status()).toBe(403);
  expect((await page.request.get('/api/v1/territories/ardennes/actions')).status()).toBe(404);
  const versions = await page.request.get('/api/v1/territories/tarn-nord/plan/versions');
  expect(versions.status()).toBe(200);
});
