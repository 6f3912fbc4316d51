// npm run bench — server response times at national scale, against the production build.
// Seeds the national dataset (183 territories, ~25 actions each, with history) into a
// dedicated embedded cluster, serves `next start`, signs in as each tier, then prints
// Markdown tables: the weight of every kind of page, the load phase (throughput under 10
// connections, shares of /api/health and of the floor), sequential timings of pages, API
// calls and exports, then the official-list import and the committee packs.
// docs/BENCHMARKS.md says how to read them.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { ROOT } from './db/engine';

const PORT = Number(process.env.BENCH_PORT ?? 3200);
const BASE = `http://localhost:${PORT}`;
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
// BENCH_FACTOR=10 seeds ten times the national dataset's actions (≈ 45,000).
const FACTOR = Math.max(1, Math.floor(Number(process.env.BENCH_FACTOR ?? 1)) || 1);
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 10);
// Each URL's seconds are split into rounds, one URL after the other in every round: a few
// seconds of noise from the machine's neighbours then spread over every URL instead of
// falling on one of them (the ratios are what we follow). Before the rounds, each URL is
// loaded for BENCH_WARMUP_SECONDS, not measured: a server runs warm, its first requests
// (code compiled by the JIT) are not what users get.
const LOAD_ROUNDS = Math.max(1, Math.floor(Number(process.env.BENCH_LOAD_ROUNDS ?? 2)) || 1);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const LOAD_CONNECTIONS = Number(process.env.BENCH_LOAD_CONNECTIONS ?? 10);
const PASSWORD = process.env.DEMO_PASSWORD ?? 'Demo-Territoires-2026';
const env = {
  ...process.env,
  // One cluster per factor, so that BENCH_RESEED=0 reuses the dataset of that factor.
  TI_DB_DIR: FACTOR > 1 ? `.data/bench-postgres-x${FACTOR}` : '.data/bench-postgres',
  TI_DB_PORT: process.env.BENCH_DB_PORT ?? '54332',
  NEXT_TELEMETRY_DISABLED: '1',
};

function run(cmd: string, args: string[], extra: Record<string, string> = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...env, ...extra } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} a échoué`);
}

async function waitFor(url: string, timeoutMs = 120_000) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} ne répond pas`);
}

async function signIn(email: string): Promise<string> {
  const csrfRes = await fetch(`${BASE}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const cookies = csrfRes.headers.getSetCookie().map((c) => c.split(';')[0]);
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookies.join('; '), Origin: BASE },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD, json: 'true' }),
  });
  const session = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c?.startsWith('next-auth.session-token='));
  if (!session) throw new Error(`connexion impossible pour ${email}`);
  return [...cookies, session].join('; ');
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

async function time(cookie: string, url: string) {
  for (let i = 0; i < 3; i++) await fetch(`${BASE}${url}`, { headers: { Cookie: cookie } }).then((r) => r.arrayBuffer());
  const samples: number[] = [];
  let status = 0;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const res = await fetch(`${BASE}${url}`, { headers: { Cookie: cookie } });
    await res.arrayBuffer();
    samples.push(performance.now() - t);
    status = res.status;
  }
  samples.sort((a, b) => a - b);
  return { median: percentile(samples, 50), p95: percentile(samples, 95), status };
}

/** 10 connections for `seconds` on one URL (autocannon). */
async function load(cookie: string, url: string, seconds: number) {
  const r = await autocannon({
    url: `${BASE}${url}`,
    connections: LOAD_CONNECTIONS,
    duration: seconds,
    headers: { cookie },
  });
  return { requests: r.requests.total, seconds, p50: r.latency.p50, p975: r.latency.p97_5, non2xx: r.non2xx + r.errors + r.timeouts };
}

const kb = (n: number) => `${(n / 1024).toFixed(0)} kB`;
const share = (n: number, of: number) => (of ? `${((n / of) * 100).toFixed(of === n ? 0 : 1)} %` : '–');

async function loadPhase(sessions: Map<string, string>, getSession: (email: string) => Promise<string>) {
  const cases: [string | null, string][] = [
    [null, '/api/health'],
    ['cdp.tarn-nord@demo.test', '/notifications'],
    ['anct.national@demo.test', '/programme'],
    ['sgar.occitanie@demo.test', '/regions/76'],
    ['cdp.tarn-nord@demo.test', '/territoires/tarn-nord'],
    ['cdp.tarn-nord@demo.test', '/territoires/tarn-nord/plan'],
    ['anct.national@demo.test', '/territoires'],
    // Not in issue 10's list: the map's table (its own page since ADR 0026) and the list
    // behind every figure of the overview.
    ['anct.national@demo.test', '/programme/departements'],
    ['anct.national@demo.test', '/programme/actions'],
  ];
  const cookies = new Map<string, string>();
  const sizes = new Map<string, number>();
  for (const [email, url] of cases) {
    const cookie = email ? (sessions.get(email) ?? (await getSession(email))) : '';
    if (email) sessions.set(email, cookie);
    cookies.set(url, cookie);
    sizes.set(url, (await (await fetch(`${BASE}${url}`, { headers: { Cookie: cookie } })).arrayBuffer()).byteLength);
    if (WARMUP_SECONDS > 0) await load(cookie, url, WARMUP_SECONDS);
  }
  const rounds = new Map<string, Awaited<ReturnType<typeof load>>[]>();
  for (let round = 0; round < LOAD_ROUNDS; round++) {
    for (const [, url] of cases) {
      const r = await load(cookies.get(url) ?? '', url, LOAD_SECONDS / LOAD_ROUNDS);
      rounds.set(url, [...(rounds.get(url) ?? []), r]);
    }
  }
  // req/s over all rounds; p50 the mean of the rounds', p97.5 the worst round's.
  const results = cases.map(([, url]) => {
    const rs = rounds.get(url) ?? [];
    return {
      url,
      rps: rs.reduce((n, r) => n + r.requests, 0) / rs.reduce((n, r) => n + r.seconds, 0),
      p50: Math.round(rs.reduce((n, r) => n + r.p50, 0) / rs.length),
      p975: Math.max(...rs.map((r) => r.p975)),
      non2xx: rs.reduce((n, r) => n + r.non2xx, 0),
      bytes: sizes.get(url) ?? 0,
    };
  });
  for (const r of results) {
    console.log(`  ${r.url}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p97.5 ${r.p975} ms, ${kb(r.bytes)}${r.non2xx ? `, ${r.non2xx} non-2xx/errors` : ''}`);
  }
  const health = results[0]?.rps ?? 0;
  const floor = results[1]?.rps ?? 0;
  const table = results.map(
    (r) =>
      `| \`${r.url}\` | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p975} | ${r.url === '/api/health' ? '–' : kb(r.bytes)} | ${share(r.rps, health)} | ${r.url === '/api/health' ? '–' : share(r.rps, floor)} |${r.non2xx ? ` ${r.non2xx} non-2xx` : ''}`,
  );
  console.log(
    `\nLoad: ${LOAD_CONNECTIONS} connections × ${LOAD_SECONDS} s per URL in ${LOAD_ROUNDS} round(s), after ${WARMUP_SECONDS} s of warm-up each (autocannon), factor ${FACTOR}; times in ms.\n\n` +
      '| URL | req/s | p50 | p97.5 | HTML | share of /api/health | share of the floor |\n|---|---|---|---|---|---|---|\n' +
      table.join('\n'),
  );
}

/**
 * The weight of every kind of page at this scale (goal: ≤ 100 kB of HTML each, issue 10),
 * each as a user who may see it; the pages of one record (an action, a version, a
 * commitment…) use the first one linked from their list. Prints a table; a page over
 * the budget is marked, and so is any status other than 200.
 */
async function pageWeights(getSession: (email: string) => Promise<string>, largest: string) {
  const national = 'anct.national@demo.test';
  const admin = 'admin@demo.test';
  const sgar = 'sgar.occitanie@demo.test';
  const lead = `cdp.${largest}@national.test`;
  const html = async (email: string, url: string) => {
    const res = await fetch(`${BASE}${url}`, { headers: { Cookie: await getSession(email) } });
    return { status: res.status, body: await res.text() };
  };
  // The first link of a list page that matches `pattern` (its path).
  const firstLink = async (email: string, url: string, pattern: RegExp) => pattern.exec((await html(email, url)).body)?.[0];
  const action = await firstLink(lead, `/territoires/${largest}/plan`, /\/actions\/[A-Za-z0-9_-]+(?=")/);
  const version = await firstLink(lead, `/territoires/${largest}/versions`, new RegExp(`/territoires/${largest}/versions/\\d+(?=")`));
  const commitment = await firstLink(national, '/engagements', /\/engagements\/[A-Za-z0-9_-]{10,}(?=")/);
  const committee = await firstLink(sgar, '/regions/76/comites', /\/regions\/76\/comites\/[A-Za-z0-9_-]{10,}(?=")/);
  const user = await firstLink(admin, '/administration/utilisateurs', /\/administration\/utilisateurs\/[A-Za-z0-9_-]{10,}(?=")/);
  const pages: [string, string | undefined][] = [
    [national, '/programme'],
    [national, '/programme?region=76&axis=SKILLS'],
    [national, '/programme/departements'],
    [national, '/programme/actions'],
    [national, '/programme/evolution'],
    [national, '/territoires'],
    [national, '/engagements'],
    [national, commitment],
    [national, commitment && `${commitment}/actions`],
    [national, '/recherche?q=formation'],
    [sgar, '/regions/76'],
    [sgar, '/regions/76/evolution'],
    [sgar, '/regions/76/comites'],
    [sgar, committee],
    [sgar, committee && `${committee}?modifier=1`],
    [sgar, '/regions/76/comites/nouveau'],
    [lead, `/territoires/${largest}`],
    [lead, `/territoires/${largest}/plan`],
    [lead, `/territoires/${largest}/plan?page=2`],
    [lead, `/territoires/${largest}/plan/calendrier`],
    [lead, `/territoires/${largest}/plan/calendrier?periode=2026&page=2`],
    [lead, `/territoires/${largest}/plan/nouvelle`],
    [lead, `/territoires/${largest}/evolution`],
    [lead, `/territoires/${largest}/versions`],
    [lead, version],
    [lead, action],
    [lead, action && `${action}/historique`],
    [lead, action && `${action}/modifier`],
    ['cdp.tarn-nord@demo.test', '/notifications'],
    ['cdp.tarn-nord@demo.test', '/compte'],
    [admin, '/administration/utilisateurs'],
    [admin, user],
    [admin, '/administration/territoires'],
    [admin, '/administration/territoires?page=4'],
    [admin, '/administration/operateurs'],
    [admin, '/administration/courriels'],
  ];
  const rows: string[] = [];
  for (const [email, url] of pages) {
    if (!url) continue;
    const { status, body } = await html(email, url);
    const bytes = Buffer.byteLength(body);
    const over = bytes > 100 * 1024;
    rows.push(`| \`${url}\` | ${status} | ${kb(bytes)}${over ? ' **over 100 kB**' : ''} |`);
  }
  console.log(`\nPage weight (HTML of one response), factor ${FACTOR}:\n\n| page | status | HTML |\n|---|---|---|\n${rows.join('\n')}`);
}

let server: ChildProcess | undefined;
try {
  if (!fs.existsSync(path.join(ROOT, '.next', 'BUILD_ID')) || process.env.BENCH_BUILD === '1') run('npx', ['next', 'build']);
  if (process.env.BENCH_RESEED !== '0') {
    console.log('Chargement du jeu national…');
    run('npx', ['tsx', 'scripts/db/seed.ts', '--scale=national', '--reset', ...(FACTOR > 1 ? [`--factor=${FACTOR}`] : [])]);
  }
  server = spawn('npx', ['tsx', 'scripts/with-db.ts', 'next', 'start'], {
    env: { ...env, PORT: String(PORT), TI_SEED_DEMO: '0', NEXTAUTH_URL: BASE },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  await waitFor(`${BASE}/api/health`);

  const cases: [string, string, string][] = [
    ['cdp.tarn-nord@demo.test', 'Territory page (project lead)', '/territoires/tarn-nord'],
    ['cdp.tarn-nord@demo.test', 'Plan list (project lead)', '/territoires/tarn-nord/plan'],
    ['cdp.tarn-nord@demo.test', 'Plan list, filtered + text search', '/territoires/tarn-nord/plan?status=IN_PROGRESS&q=form'],
    ['cdp.tarn-nord@demo.test', 'API actions list', '/api/v1/territories/tarn-nord/actions'],
    ['sgar.occitanie@demo.test', 'Region page (copilot)', '/regions/76'],
    ['anct.national@demo.test', 'Programme overview (national)', '/programme'],
    ['anct.national@demo.test', 'Territory list, 183 (national)', '/territoires'],
    ['anct.national@demo.test', 'API territories, 183 (national)', '/api/v1/territories'],
    ['anct.national@demo.test', 'Programme overview filtered (region + axis)', '/programme?region=84&axis=SKILLS'],
    ['anct.national@demo.test', 'Drill-down list (all actions, page 1)', '/programme/actions'],
    ['anct.national@demo.test', 'Export CSV, all actions (national)', '/api/v1/exports/actions.csv'],
    ['anct.national@demo.test', 'Export XLSX, all actions (national)', '/api/v1/exports/actions.xlsx'],
    ['sgar.occitanie@demo.test', 'Export CSV, region (copilot)', '/api/v1/exports/actions.csv?region=76'],
  ];
  const sessions = new Map<string, string>();
  sessions.set('anct.national@demo.test', await signIn('anct.national@demo.test'));
  // The largest generated territory, to measure a plan of ~35 actions too.
  const list = (await (
    await fetch(`${BASE}/api/v1/territories`, { headers: { Cookie: sessions.get('anct.national@demo.test') as string } })
  ).json()) as { items: { slug: string; actionCount: number }[] };
  const largest = [...list.items].sort((a, b) => b.actionCount - a.actionCount)[0];
  if (largest) {
    const lead = `cdp.${largest.slug}@national.test`;
    cases.splice(
      2,
      0,
      [lead, `Territory page, largest plan (${largest.actionCount} actions)`, `/territoires/${largest.slug}`],
      [lead, `Plan list, largest plan (${largest.actionCount} actions)`, `/territoires/${largest.slug}/plan`],
    );
  }
  const rows: string[] = [];
  if (process.env.BENCH_PAGES !== '0' && largest) {
    await pageWeights(async (email) => {
      if (!sessions.has(email)) sessions.set(email, await signIn(email));
      return sessions.get(email) as string;
    }, largest.slug);
  }
  if (process.env.BENCH_LOAD !== '0') {
    console.log('Phase de charge…');
    await loadPhase(sessions, signIn);
  }
  if (process.env.BENCH_SEQUENTIAL === '0') cases.length = 0;
  for (const [email, label, url] of cases) {
    if (!sessions.has(email)) sessions.set(email, await signIn(email));
    const r = await time(sessions.get(email) as string, url);
    rows.push(`| ${label} | \`${url}\` | ${r.status} | ${r.median.toFixed(0)} | ${r.p95.toFixed(0)} |`);
    console.log(rows.at(-1));
  }
  console.log(`\n${RUNS} sequential requests per row after 3 warm-up requests; times in ms.\n`);
  console.log('| what | URL | status | median (ms) | p95 (ms) |\n|---|---|---|---|---|\n' + rows.join('\n'));
  // The official-list import (issue 7) and the committee packs (issue 12) are timed by their
  // own scripts, each on its own throw-away embedded cluster (BENCH_IMPORT=0 / BENCH_REPORTS=0 skip them).
  if (process.env.BENCH_IMPORT !== '0') {
    console.log("\nImport de la liste officielle (aperçu puis application)…");
    spawnSync('npx', ['tsx', 'scripts/bench-import.ts'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, BENCH_IMPORT_DB_PORT: process.env.BENCH_IMPORT_DB_PORT ?? '54334' },
    });
  }
  if (process.env.BENCH_REPORTS !== '0') {
    console.log('\nDossiers de comité (PDF, Word) au niveau national…');
    spawnSync('npx', ['tsx', 'scripts/bench-reports.ts'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, BENCH_DB_PORT: process.env.BENCH_REPORTS_DB_PORT ?? '54335' },
    });
  }
} finally {
  if (server?.pid) {
    try {
      process.kill(-server.pid, 'SIGINT');
    } catch {
      // already gone
    }
  }
}
