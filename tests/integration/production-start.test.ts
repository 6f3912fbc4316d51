// `npm start` in production refuses a weak configuration before touching anything.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

function start(env: Record<string, string | undefined>) {
  const result = spawnSync('npx', ['tsx', 'scripts/with-db.ts', 'next', 'start'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    // A database that does not exist: the guard must fire before any connection.
    env: { ...process.env, DATABASE_URL: 'postgresql://nobody:x@127.0.0.1:1/none', NODE_ENV: 'production', PORT: '3999', ...env },
  });
  return { code: result.status, stderr: result.stderr };
}

describe('production start-up guards', () => {
  it('refuses a plain-http public NEXTAUTH_URL', () => {
    const r = start({ NEXTAUTH_URL: 'http://territoires.example.org', NEXTAUTH_SECRET: 'x'.repeat(40) });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('NEXTAUTH_URL doit être en https en production');
  });

  it('refuses a short NEXTAUTH_SECRET', () => {
    const r = start({ NEXTAUTH_URL: 'https://territoires.example.org', NEXTAUTH_SECRET: 'trop-court' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('NEXTAUTH_SECRET trop court');
  });

  it('refuses a missing NEXTAUTH_SECRET on a public host (no local secret is made up)', () => {
    const r = start({ NEXTAUTH_URL: 'https://territoires.example.org', NEXTAUTH_SECRET: undefined });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('NEXTAUTH_SECRET manquant');
  });
});
