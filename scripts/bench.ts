// npm run bench — server response times at national scale, against the production build.
// Seeds the national dataset (183 territories, ~25 actions each, with history) into a
// dedicated embedded cluster, serves `next start`, signs in as each tier and times pages
// and API calls (sequential requests, after warm-up). Prints a Markdown table.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './db/engine';

const PORT = Number(process.env.BENCH_PORT ?? 3200);
const BASE = `http://localhost:${PORT}`;
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
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

let server: ChildProcess | undefined;
try {
  if (!fs.existsSync(path.join(ROOT, '.next', 'BUILD_ID')) || process.env.BENCH_BUILD === '1') run('npx', ['next', 'build']);
  if (process.env.BENCH_RESEED !== '0') {
    console.log('Chargement du jeu national…');
    run('npx', ['tsx', 'scripts/db/seed.ts', '--scale=national', '--reset']);
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
  for (const [email, label, url] of cases) {
    if (!sessions.has(email)) sessions.set(email, await signIn(email));
    const r = await time(sessions.get(email) as string, url);
    rows.push(`| ${label} | \`${url}\` | ${r.status} | ${r.median.toFixed(0)} | ${r.p95.toFixed(0)} |`);
    console.log(rows.at(-1));
  }
  console.log(`\n${RUNS} sequential requests per row after 3 warm-up requests; times in ms.\n`);
  console.log('| what | URL | status | median (ms) | p95 (ms) |\n|---|---|---|---|---|\n' + rows.join('\n'));
} finally {
  if (server?.pid) {
    try {
      process.kill(-server.pid, 'SIGINT');
    } catch {
      // already gone
    }
  }
}
