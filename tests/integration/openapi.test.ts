// Real responses of the real route handlers (real PostgreSQL, personal access tokens) validate
// against the OpenAPI document served at /api/v1/openapi.json: the main reads, some writes,
// and the error bodies (400, 401, 403, 404, 409, 415). A response that drifts from its
// declared schema (a new key, a missing one, a wrong type) fails here (ADR 0022).
import { beforeAll, describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { createToken } from '@/lib/tokens/tokens';
import { db } from '@/lib/db';
import * as openapiRoute from '@/app/api/v1/openapi.json/route';
import * as territoriesRoute from '@/app/api/v1/territories/route';
import * as territoryRoute from '@/app/api/v1/territories/[slug]/route';
import * as actionsRoute from '@/app/api/v1/territories/[slug]/actions/route';
import * as actionRoute from '@/app/api/v1/actions/[id]/route';
import * as historyRoute from '@/app/api/v1/actions/[id]/history/route';
import * as planRoute from '@/app/api/v1/territories/[slug]/plan/route';
import * as submitRoute from '@/app/api/v1/territories/[slug]/plan/submit/route';
import * as versionsRoute from '@/app/api/v1/territories/[slug]/plan/versions/route';
import * as versionRoute from '@/app/api/v1/territories/[slug]/plan/versions/[n]/route';
import * as diffRoute from '@/app/api/v1/territories/[slug]/plan/diff/route';
import * as commitmentsRoute from '@/app/api/v1/commitments/route';
import * as overviewRoute from '@/app/api/v1/commitments/overview/route';
import * as commitmentRoute from '@/app/api/v1/commitments/[id]/route';
import * as regionCommitteesRoute from '@/app/api/v1/regions/[code]/committees/route';
import * as committeeRoute from '@/app/api/v1/committees/[id]/route';
import * as searchRoute from '@/app/api/v1/search/route';
import * as tokensRoute from '@/app/api/v1/me/tokens/route';
import * as preferencesRoute from '@/app/api/v1/me/notification-preferences/route';
import * as usersRoute from '@/app/api/v1/admin/users/route';
import * as userRoute from '@/app/api/v1/admin/users/[id]/route';
import { actor, DEMO } from '../fixtures';

type RouteFn<P> = (request: NextRequest, context: { params: Promise<P> }) => Promise<Response>;
type Doc = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>> };

const tokens: Record<string, string> = {};
let doc: Doc;
let ajv: Ajv2020;

beforeAll(async () => {
  for (const [who, email] of Object.entries({ cdp: DEMO.cdpTarnNord, sgar: DEMO.sgarOccitanie, national: DEMO.national, admin: DEMO.admin })) {
    tokens[who] = (await createToken(await actor(email), { name: 'Contrat OpenAPI', access: 'write' })).token;
  }
  tokens.readOnly = (await createToken(await actor(DEMO.cdpTarnNord), { name: 'Lecture', access: 'read' })).token;
  // The document as clients get it: through its own route.
  const served = await openapiRoute.GET();
  expect(served.status).toBe(200);
  doc = (await served.json()) as Doc;
  ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(doc as object, 'openapi.json');
});

const pointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

async function call<P>(
  fn: RouteFn<P>,
  params: P,
  init: { as?: string; method?: string; body?: unknown; query?: string; contentType?: string } = {},
): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = {};
  if (init.as !== 'nobody') headers.authorization = `Bearer ${init.as === 'forged' ? 'ti_pat_forged' : tokens[init.as ?? 'cdp']}`;
  if (init.body !== undefined) headers['content-type'] = init.contentType ?? 'application/json';
  const request = new NextRequest(`http://localhost/api/v1/contract${init.query ?? ''}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
  });
  const response = await fn(request, { params: Promise.resolve(params) });
  return { status: response.status, body: response.status === 204 ? null : await response.json() };
}

/** The body validates against the schema the document declares for this path, method and status. */
function expectConforms(path: string, method: string, result: { status: number; body: unknown }) {
  const declared = doc.paths[path]?.[method]?.responses[String(result.status)];
  expect(declared, `${method.toUpperCase()} ${path} declares ${result.status}`).toBeDefined();
  const validate = ajv.getSchema(`openapi.json#/paths/${pointer(path)}/${method}/responses/${result.status}/content/application~1json/schema`);
  expect(validate, `${method.toUpperCase()} ${path} ${result.status} has a JSON schema`).toBeDefined();
  const ok = validate!(result.body);
  expect(ok ? [] : validate!.errors, `${method.toUpperCase()} ${path} ${result.status}`).toEqual([]);
}

describe('real responses validate against the OpenAPI document', () => {
  it('territories, actions and history', async () => {
    expectConforms('/api/v1/territories', 'get', await call(territoriesRoute.GET, {}));
    expectConforms('/api/v1/territories/{slug}', 'get', await call(territoryRoute.GET, { slug: 'tarn-nord' }));
    const list = await call(actionsRoute.GET, { slug: 'tarn-nord' });
    expect(list.status).toBe(200);
    expectConforms('/api/v1/territories/{slug}/actions', 'get', list);
    const first = (list.body as { items: { id: string }[] }).items[0]!;
    const action = await call(actionRoute.GET, { id: first.id });
    expectConforms('/api/v1/actions/{id}', 'get', action);
    expect(action.body).not.toHaveProperty('canEdit');
    expectConforms('/api/v1/actions/{id}/history', 'get', await call(historyRoute.GET, { id: first.id }));
  });

  it('writes: create and edit an action, then a stale edit (409) and bad input (400, 415)', async () => {
    const createdAction = await call(actionsRoute.POST, { slug: 'tarn-nord' }, { method: 'POST', body: { title: 'Contrat OpenAPI', axes: ['SKILLS'], status: 'NOT_STARTED' } });
    expect(createdAction.status).toBe(201);
    expectConforms('/api/v1/territories/{slug}/actions', 'post', createdAction);
    const { id } = createdAction.body as { id: string };
    const edited = await call(actionRoute.PATCH, { id }, { method: 'PATCH', body: { version: 1, status: 'IN_PROGRESS' } });
    expectConforms('/api/v1/actions/{id}', 'patch', edited);
    const stale = await call(actionRoute.PATCH, { id }, { method: 'PATCH', body: { version: 1, title: 'Écrasé' } });
    expect(stale.status).toBe(409);
    expectConforms('/api/v1/actions/{id}', 'patch', stale);
    const bad = await call(actionsRoute.POST, { slug: 'tarn-nord' }, { method: 'POST', body: { title: '', axes: [], hacker: true } });
    expect(bad.status).toBe(400);
    expectConforms('/api/v1/territories/{slug}/actions', 'post', bad);
    const notJson = await call(actionsRoute.POST, { slug: 'tarn-nord' }, { method: 'POST', body: 'title=x', contentType: 'text/plain' });
    expect(notJson.status).toBe(415);
    expectConforms('/api/v1/territories/{slug}/actions', 'post', notJson);
  });

  it('errors: 401 without or with a bad token, 403 for a read-only token writing, 404 out of scope', async () => {
    const forged = await call(actionsRoute.GET, { slug: 'tarn-nord' }, { as: 'forged' });
    expect(forged.status).toBe(401);
    expectConforms('/api/v1/territories/{slug}/actions', 'get', forged);
    const readOnly = await call(actionsRoute.POST, { slug: 'tarn-nord' }, { as: 'readOnly', method: 'POST', body: { title: 'x', axes: ['SKILLS'], status: 'NOT_STARTED' } });
    expect(readOnly.status).toBe(403);
    expectConforms('/api/v1/territories/{slug}/actions', 'post', readOnly);
    const elsewhere = await call(territoryRoute.GET, { slug: 'ardennes' });
    expect(elsewhere.status).toBe(404);
    expectConforms('/api/v1/territories/{slug}', 'get', elsewhere);
  });

  it('plan, versions and comparison', async () => {
    expectConforms('/api/v1/territories/{slug}/plan', 'get', await call(planRoute.GET, { slug: 'tarn-nord' }));
    const submitted = await call(submitRoute.POST, { slug: 'tarn-nord' }, { method: 'POST', body: { note: 'Contrat OpenAPI' } });
    expect(submitted.status).toBe(201);
    expectConforms('/api/v1/territories/{slug}/plan/submit', 'post', submitted);
    const { number } = submitted.body as { number: number };
    expectConforms('/api/v1/territories/{slug}/plan/versions', 'get', await call(versionsRoute.GET, { slug: 'tarn-nord' }));
    expectConforms('/api/v1/territories/{slug}/plan/versions/{n}', 'get', await call(versionRoute.GET, { slug: 'tarn-nord', n: String(number) }));
    const diff = await call(diffRoute.GET, { slug: 'tarn-nord' }, { query: `?from=${number}&to=${number}` });
    expect(diff.status).toBe(200);
    expectConforms('/api/v1/territories/{slug}/plan/diff', 'get', diff);
  });

  it('commitments and committees, without permission flags', async () => {
    const list = await call(commitmentsRoute.GET, {}, { as: 'national' });
    expectConforms('/api/v1/commitments', 'get', list);
    expectConforms('/api/v1/commitments/overview', 'get', await call(overviewRoute.GET, {}, { as: 'national' }));
    const first = (list.body as { items: { id: string }[] }).items[0]!;
    const commitment = await call(commitmentRoute.GET, { id: first.id }, { as: 'national' });
    expectConforms('/api/v1/commitments/{id}', 'get', commitment);
    expect(commitment.body).not.toHaveProperty('canManage');
    const badFilter = await call(commitmentsRoute.GET, {}, { as: 'national', query: '?status=PEUT-ETRE' });
    expect(badFilter.status).toBe(400);
    expectConforms('/api/v1/commitments', 'get', badFilter);

    const action = await db.action.findFirstOrThrow({ where: { territory: { slug: 'tarn-nord' }, archivedAt: null }, select: { id: true } });
    const committee = await call(regionCommitteesRoute.POST, { code: '76' }, { as: 'sgar', method: 'POST', body: { title: 'Revue contrat', date: '2026-03-02', actionIds: [action.id] } });
    expect(committee.status).toBe(201);
    expectConforms('/api/v1/regions/{code}/committees', 'post', committee);
    expect(committee.body).not.toHaveProperty('canEdit');
    const { id } = committee.body as { id: string };
    expectConforms('/api/v1/regions/{code}/committees', 'get', await call(regionCommitteesRoute.GET, { code: '76' }, { as: 'sgar' }));
    expectConforms('/api/v1/committees/{id}', 'get', await call(committeeRoute.GET, { id }, { as: 'sgar' }));
    // Limited access (a local team reading a committee that discussed its action).
    expectConforms('/api/v1/committees/{id}', 'get', await call(committeeRoute.GET, { id }, { as: 'cdp' }));
    const edited = await call(committeeRoute.PATCH, { id }, { as: 'sgar', method: 'PATCH', body: { version: 1, title: 'Revue contrat (corrigée)' } });
    expect(edited.status).toBe(200);
    expectConforms('/api/v1/committees/{id}', 'patch', edited);
    const stale = await call(committeeRoute.PATCH, { id }, { as: 'sgar', method: 'PATCH', body: { version: 1, title: 'Écrasé' } });
    expect(stale.status).toBe(409);
    expectConforms('/api/v1/committees/{id}', 'patch', stale);
    expect((stale.body as { current: { committee: object } }).current.committee).not.toHaveProperty('canEdit');
  });

  it('search, account and administration', async () => {
    expectConforms('/api/v1/search', 'get', await call(searchRoute.GET, {}, { query: '?q=tarn' }));
    const tooShort = await call(searchRoute.GET, {}, { query: '?q=t' });
    expect(tooShort.status).toBe(400);
    expectConforms('/api/v1/search', 'get', tooShort);
    expectConforms('/api/v1/me/tokens', 'get', await call(tokensRoute.GET, {}));
    expectConforms('/api/v1/me/notification-preferences', 'get', await call(preferencesRoute.GET, {}));
    const users = await call(usersRoute.GET, {}, { as: 'admin' });
    expectConforms('/api/v1/admin/users', 'get', users);
    const someone = (users.body as { items: { id: string }[] }).items[0]!;
    expectConforms('/api/v1/admin/users/{id}', 'get', await call(userRoute.GET, { id: someone.id }, { as: 'admin' }));
    const notAdmin = await call(usersRoute.GET, {}, { as: 'cdp' });
    expect(notAdmin.status).toBe(403);
    expectConforms('/api/v1/admin/users', 'get', notAdmin);
  });

  it('a drifted body fails the check (the validator is not a rubber stamp)', async () => {
    const action = await call(actionsRoute.GET, { slug: 'tarn-nord' });
    const item = (action.body as { items: Record<string, unknown>[] }).items[0]!;
    const validate = ajv.getSchema(`openapi.json#/paths/${pointer('/api/v1/actions/{id}')}/get/responses/200/content/application~1json/schema`)!;
    const { lateMilestones: _l, ...dto } = item;
    expect(validate(dto)).toBe(true);
    expect(validate({ ...dto, canEdit: true })).toBe(false);
    expect(validate({ ...dto, version: '3' })).toBe(false);
  });
});
