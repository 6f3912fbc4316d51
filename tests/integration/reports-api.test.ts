// Issue 12 through the real route handlers, as an API client sees them: the committee packs
// (PDF read back by pdftotext and pdfinfo, DOCX by its XML) carry the scope's name, the
// figures the API gives for the same scope and its late milestones; the PDF is tagged
// (language, title shown, structure tree); dated indicator values go in and out through
// the API and the exports.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/authz/policy';
import { createToken } from '@/lib/tokens/tokens';
import { formatEuros, formatInteger } from '@/lib/labels';
import { parisDay } from '@/lib/commitments/rules';
import * as territoryActionsRoute from '@/app/api/v1/territories/[slug]/actions/route';
import * as territoriesRoute from '@/app/api/v1/territories/route';
import * as territoryPdfRoute from '@/app/api/v1/territories/[slug]/report.pdf/route';
import * as territoryDocxRoute from '@/app/api/v1/territories/[slug]/report.docx/route';
import * as regionPdfRoute from '@/app/api/v1/regions/[code]/report.pdf/route';
import * as regionDocxRoute from '@/app/api/v1/regions/[code]/report.docx/route';
import * as programmePdfRoute from '@/app/api/v1/programme/report.pdf/route';
import * as actionRoute from '@/app/api/v1/actions/[id]/route';
import * as progressRoute from '@/app/api/v1/actions/[id]/progress/route';
import * as csvRoute from '@/app/api/v1/exports/actions.csv/route';
import * as xlsxRoute from '@/app/api/v1/exports/actions.xlsx/route';
import { actor, DEMO } from '../fixtures';

const hasPoppler = fs.existsSync('/usr/bin/pdftotext') && fs.existsSync('/usr/bin/pdfinfo');

type RouteFn<P> = (request: NextRequest, context: { params: Promise<P> }) => Promise<Response>;
function call<P>(fn: RouteFn<P>, params: P, token: string, init: { method?: string; body?: unknown; path?: string } = {}) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const request = new NextRequest(`http://localhost${init.path ?? '/api/v1/test'}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return fn(request, { params: Promise.resolve(params) });
}

const normal = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');

function poppler(tool: 'pdftotext' | 'pdfinfo', pdf: Buffer, args: string[]): string {
  const file = path.join(os.tmpdir(), `reports-api-${process.pid}-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync(`/usr/bin/${tool}`, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } finally {
    fs.rmSync(file, { force: true });
  }
}
const pdfText = (pdf: Buffer) => normal(poppler('pdftotext', pdf, ['-enc', 'UTF-8']));

async function docxText(docx: Buffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
  return normal(
    xml
      .replace(/<\/w:p>/g, ' ')
      .replace(/<[^>]+>/g, '')
      .replace(/&apos;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  );
}

interface ApiAction {
  id: string;
  version: number;
  status: string;
  budgetCents: number | null;
  archivedAt: string | null;
  financing: { amountCents: number; status: string }[];
  lateMilestones: number;
  indicators: { id: string; actual: number | null; values: { date: string; value: number; comment: string }[] }[];
}

/** The pack's key figures as computed from the API's own action list. */
function figuresOf(actions: ApiAction[]) {
  const live = actions.filter((a) => !a.archivedAt);
  return {
    actions: formatInteger(live.length),
    done: formatInteger(live.filter((a) => a.status === 'DONE').length),
    blocked: formatInteger(live.filter((a) => a.status === 'BLOCKED').length),
    budget: normal(formatEuros(live.reduce((s, a) => s + (a.budgetCents ?? 0), 0))),
    granted: normal(formatEuros(live.reduce((s, a) => s + a.financing.filter((f) => f.status === 'GRANTED').reduce((t, f) => t + f.amountCents, 0), 0))),
    late: formatInteger(live.reduce((s, a) => s + a.lateMilestones, 0)),
  };
}

function expectFigures(text: string, f: ReturnType<typeof figuresOf>) {
  expect(text).toContain(`Actions du plan ${f.actions}`);
  expect(text).toContain(`Actions réalisées ${f.done}`);
  expect(text).toContain(`Actions bloquées ${f.blocked}`);
  expect(text).toContain(`Budget prévisionnel ${f.budget}`);
  expect(text).toContain(`Financements accordés ${f.granted}`);
  expect(text).toContain(`Jalons en retard ${f.late}`);
}

const lateTitles = async (where: object) =>
  (
    await db.milestone.findMany({
      where: { doneAt: null, dueDate: { lt: new Date(`${parisDay(new Date())}T00:00:00Z`) }, action: { archivedAt: null, ...where } },
      orderBy: { dueDate: 'asc' },
      select: { title: true },
    })
  ).map((m) => normal(m.title));

let cdp: Actor, sgar: Actor, national: Actor;
let cdpToken: string, cdpWrite: string, sgarToken: string, nationalToken: string;
beforeAll(async () => {
  [cdp, sgar, national] = await Promise.all([actor(DEMO.cdpTarnNord), actor(DEMO.sgarOccitanie), actor(DEMO.national)]);
  const token = (a: Actor, access: 'read' | 'write') => createToken(a, { name: `Rapports ${access}`, access, expiresInDays: 1 }).then((t) => t.token);
  [cdpToken, cdpWrite, sgarToken, nationalToken] = await Promise.all([token(cdp, 'read'), token(cdp, 'write'), token(sgar, 'read'), token(national, 'read')]);
});

async function apiActions(slug: string, token: string): Promise<ApiAction[]> {
  const res = await call(territoryActionsRoute.GET, { slug }, token);
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: ApiAction[] }).items;
}

describe('committee packs through the API', () => {
  it.skipIf(!hasPoppler)('territory: PDF and Word carry the name, the API figures and the late milestones; the PDF is tagged', { timeout: 120_000 }, async () => {
    const figures = figuresOf(await apiActions('tarn-nord', cdpToken));
    const late = await lateTitles({ territory: { slug: 'tarn-nord' } });
    expect(late.length).toBeGreaterThan(0); // the demo seed keeps Tarn Nord's late milestones

    const pdfRes = await call(territoryPdfRoute.GET, { slug: 'tarn-nord' }, cdpToken);
    expect(pdfRes.status).toBe(200);
    expect(pdfRes.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await pdfRes.arrayBuffer());
    const text = pdfText(pdf);
    expect(text).toContain('Comité de projet — Tarn Nord');
    expectFigures(text, figures);
    for (const title of late.slice(0, 5)) expect(text).toContain(title.slice(0, 25));

    // Tagged PDF: language and shown title in the catalog, a structure tree of headings,
    // paragraphs, tables with header cells, figures with their alternative text.
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/Lang (fr-FR)');
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    expect(raw).toMatch(/\/MarkInfo/);
    const info = poppler('pdfinfo', pdf, []);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Title:\s+Comité de projet — Tarn Nord/);
    const structure = poppler('pdfinfo', pdf, ['-struct']);
    for (const tag of ['Document', 'Sect', 'H1', 'H2', 'H3', 'P', 'Table', 'TR', 'TH', 'TD', 'Figure']) expect(structure, tag).toMatch(new RegExp(`^\\s*${tag}\\b`, 'm'));
    const structText = normal(poppler('pdfinfo', pdf, ['-struct-text']));
    expect(structText).toContain('Comité de projet — Tarn Nord');

    const docxRes = await call(territoryDocxRoute.GET, { slug: 'tarn-nord' }, cdpToken);
    expect(docxRes.status).toBe(200);
    const words = await docxText(Buffer.from(await docxRes.arrayBuffer()));
    expect(words).toContain('Comité de projet — Tarn Nord');
    expect(words).toContain(figures.budget);
    expect(words).toContain(figures.granted);
    for (const title of late.slice(0, 5)) expect(words).toContain(title);
  });

  it.skipIf(!hasPoppler)('region: the revue régionale pack sums the API figures of its territories and lists their late milestones', { timeout: 180_000 }, async () => {
    const list = await call(territoriesRoute.GET, {}, sgarToken, { path: '/api/v1/territories?region=76' });
    const territories = ((await list.json()) as { items: { slug: string; name: string }[] }).items;
    expect(territories.length).toBeGreaterThan(1);
    const actions = (await Promise.all(territories.map((t) => apiActions(t.slug, sgarToken)))).flat();
    const figures = figuresOf(actions);
    const late = await lateTitles({ territory: { regionCodes: { has: '76' } } });
    expect(late.length).toBeGreaterThan(0);

    const pdf = Buffer.from(await (await call(regionPdfRoute.GET, { code: '76' }, sgarToken)).arrayBuffer());
    const text = pdfText(pdf);
    expect(text).toContain('Revue régionale — Occitanie');
    expectFigures(text, figures);
    expect(text).toContain(`Territoires ${formatInteger(territories.length)}`);
    for (const t of territories.slice(0, 5)) expect(text).toContain(normal(t.name));
    for (const title of late.slice(0, 5)) expect(text).toContain(title.slice(0, 25));

    const words = await docxText(Buffer.from(await (await call(regionDocxRoute.GET, { code: '76' }, sgarToken)).arrayBuffer()));
    expect(words).toContain('Revue régionale — Occitanie');
    expect(words).toContain(figures.budget);
    for (const title of late.slice(0, 5)) expect(words).toContain(title);
    // Scope: another region is not found, the programme pack is forbidden to a copilot.
    expect((await call(regionPdfRoute.GET, { code: '44' }, sgarToken)).status).toBe(404);
    expect((await call(programmePdfRoute.GET, {}, sgarToken)).status).toBe(403);
  });

  it.skipIf(!hasPoppler)('programme: the governance pack counts the territories the API lists', { timeout: 180_000 }, async () => {
    const list = await call(territoriesRoute.GET, {}, nationalToken, { path: '/api/v1/territories' });
    const territories = ((await list.json()) as { items: unknown[] }).items;
    const res = await call(programmePdfRoute.GET, {}, nationalToken, { path: '/api/v1/programme/report.pdf' });
    expect(res.status).toBe(200);
    const text = pdfText(Buffer.from(await res.arrayBuffer()));
    expect(text).toContain(`Territoires ${formatInteger(territories.length)}`);
    const live = await db.action.count({ where: { archivedAt: null, status: { not: 'ABANDONED' } } });
    const all = await db.action.count({ where: { archivedAt: null } });
    expect([formatInteger(live), formatInteger(all)]).toContain(/Actions du plan (\S+)/.exec(text)?.[1]);
  });
});

describe('dated indicator values through the API and the exports', () => {
  it('recorded by POST …/progress, read back by GET …/actions/{id}, in the CSV and XLSX exports', { timeout: 60_000 }, async () => {
    const action = (await apiActions('tarn-nord', cdpToken)).find((a) => a.indicators.length > 0)!;
    const indicator = action.indicators[0]!;
    // The demo seed dates its indicators' values; the current value is the latest one.
    expect(indicator.values.length).toBeGreaterThan(0);
    expect(indicator.values.at(-1)!.value).toBe(indicator.actual);

    const post = (version: number, date: string, value: number) =>
      call(progressRoute.POST, { id: action.id }, cdpWrite, { method: 'POST', body: { version, indicators: [{ id: indicator.id, actual: value, date, comment: 'Point API' }] } });
    const res = await post(action.version, '2024-03-31', 3);
    expect(res.status).toBe(200);
    const saved = (await res.json()) as ApiAction;
    expect(saved.indicators[0]!.values).toContainEqual({ date: '2024-03-31', value: 3, comment: 'Point API' });
    // An older point does not change the current value.
    expect(saved.indicators[0]!.actual).toBe(indicator.actual);
    // A stale version is refused with the conflict contract, nothing written.
    const stale = await post(action.version, '2024-04-30', 4);
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { error: string }).error).toBe('CONFLICT');
    // A read-only token cannot write.
    expect((await call(progressRoute.POST, { id: action.id }, cdpToken, { method: 'POST', body: { version: saved.version, indicators: [] } })).status).toBe(403);

    const read = (await (await call(actionRoute.GET, { id: action.id }, cdpToken)).json()) as ApiAction;
    expect(read.indicators[0]!.values).toEqual(saved.indicators[0]!.values);
    expect(read.indicators[0]!.values.map((v) => v.date)).not.toContain('2024-04-30');

    const csv = await (await call(csvRoute.GET, {}, cdpToken, { path: '/api/v1/exports/actions.csv' })).text();
    expect(csv).toContain('2024-03-31 = 3');
    const xlsx = Buffer.from(await (await call(xlsxRoute.GET, {}, cdpToken, { path: '/api/v1/exports/actions.xlsx' })).arrayBuffer());
    const zip = await JSZip.loadAsync(xlsx);
    const strings = await zip.file('xl/sharedStrings.xml')?.async('string');
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(`${strings ?? ''}${sheet}`).toContain('2024-03-31 = 3');
  });
});
