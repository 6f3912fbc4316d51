// npm run bench — server response times at national scale, against the production build.
// Seeds the national dataset (183 territories, ~25 actions each, with history) into a
// dedicated embedded cluster, serves `next start`, signs in as each tier and times pages
// and API calls (sequential requests, after warm-up). Prints a Markdown table.
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
const LOAD_CONNECTIONS = Number(process.env.BENCH_LOAD_CONNECTIONS ?? 10);
const PASSWORD = process.env.DEMO_PASSWORD ?? 'Demo-Territoires-2026';
const env = {
  ...process.env,
  TI_DB_DIR: '.data/bench-postgres',
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

/** 10 connections for 10 s on one URL (autocannon), plus the size of one response's body. */
async function load(cookie: string, url: string) {
  const body = Buffer.from(await (await fetch(`${BASE}${url}`, { headers: { Cookie: cookie } })).arrayBuffer());
  const r = await autocannon({
    url: `${BASE}${url}`,
    connections: LOAD_CONNECTIONS,
    duration: LOAD_SECONDS,
    headers: { cookie },
  });
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p975: r.latency.p97_5,
    non2xx: r.non2xx + r.errors + r.timeouts,
    bytes: body.length,
  };
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
  ];
  const results: { url: string; rps: number; p50: number; p975: number; bytes: number; non2xx: number }[] = [];
  for (const [email, url] of cases) {
    const cookie = email ? (sessions.get(email) ?? (await getSession(email))) : '';
    if (email) sessions.set(email, cookie);
    // Warm-up so that the first compilation of a route is not measured.
    for (let i = 0; i < 3; i++) await fetch(`${BASE}${url}`, { headers: { Cookie: cookie } }).then((r) => r.arrayBuffer());
    const r = await load(cookie, url);
    results.push({ url, ...r });
    console.log(`  ${url}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p97.5 ${r.p975} ms, ${kb(r.bytes)}${r.non2xx ? `, ${r.non2xx} non-2xx/errors` : ''}`);
  }
  const health = results[0]?.rps ?? 0;
  const floor = results[1]?.rps ?? 0;
  const table = results.map(
    (r) =>
      `| \`${r.url}\` | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p975} | ${r.url === '/api/health' ? '–' : kb(r.bytes)} | ${share(r.rps, health)} | ${r.url === '/api/health' ? '–' : share(r.rps, floor)} |${r.non2xx ? ` ${r.non2xx} non-2xx` : ''}`,
  );
  console.log(
    `\nLoad: ${LOAD_CONNECTIONS} connections × ${LOAD_SECONDS} s per URL (autocannon), factor ${FACTOR}; times in ms.\n\n` +
      '| URL | req/s | p50 | p97.5 | HTML | share of /api/health | share of the floor |\n|---|---|---|---|---|---|---|\n' +
      table.join('\n'),
  );
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
