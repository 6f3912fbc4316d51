import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, createNonce, hstsApplies, isLoopbackHost, pageSecurityHeaders } from '@/lib/security/headers';

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name as string, values]));
}

describe('Content-Security-Policy', () => {
  const nonce = createNonce();
  const csp = directives(contentSecurityPolicy({ nonce }));

  it('allows scripts by nonce and strict-dynamic only, never inline or eval', () => {
    expect(csp.get('script-src')).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(contentSecurityPolicy({ nonce })).not.toMatch(/unsafe-eval/);
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('locks plugins, base, forms, framing', () => {
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('report-uri')).toEqual(['/api/csp-report']);
  });

  it('uses a fresh 128-bit nonce each time', () => {
    const a = createNonce();
    expect(a).not.toBe(createNonce());
    expect(Buffer.from(a, 'base64')).toHaveLength(16);
  });

  it('lets the OIDC issuer receive the sign-in form redirect when configured', () => {
    const d = directives(contentSecurityPolicy({ nonce, formActionOrigins: ['https://auth.example.gouv.fr'] }));
    expect(d.get('form-action')).toEqual(["'self'", 'https://auth.example.gouv.fr']);
  });
});

describe('HSTS', () => {
  it.each(['localhost', 'localhost:3000', '127.0.0.1:3100', '[::1]:3000', 'app.localhost'])('never on loopback %s', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
    expect(hstsApplies(true, host)).toBe(false);
  });

  it('applies in production on a real host, for at least a year with subdomains', () => {
    const headers = pageSecurityHeaders({ nonce: 'n', production: true, development: false, host: 'territoires.example.org' });
    const hsts = headers['Strict-Transport-Security'] ?? '';
    expect(Number(/max-age=(\d+)/.exec(hsts)?.[1])).toBeGreaterThanOrEqual(365 * 24 * 3600);
    expect(hsts).toContain('includeSubDomains');
    expect(headers['Content-Security-Policy']).toContain('upgrade-insecure-requests');
  });

  it('is absent outside production', () => {
    const headers = pageSecurityHeaders({ nonce: 'n', production: false, development: true, host: 'territoires.example.org' });
    expect(headers['Strict-Transport-Security']).toBeUndefined();
    expect(headers['Content-Security-Policy']).not.toContain('upgrade-insecure-requests');
  });
});

describe('static headers of every response (next.config.js)', () => {
  it('sets nosniff, framing, referrer, permissions and cross-origin isolation headers', async () => {
    type Rule = { headers: { key: string; value: string }[] };
    const configPath: string = '@/next.config.js';
    const { default: nextConfig } = (await import(configPath)) as { default: { headers(): Promise<Rule[]> } };
    const rules = await nextConfig.headers();
    const all = new Map(rules.flatMap((r) => r.headers).map((h) => [h.key, h.value]));
    expect(all.get('X-Content-Type-Options')).toBe('nosniff');
    expect(all.get('X-Frame-Options')).toBe('DENY');
    expect(all.get('Referrer-Policy')).toBe('same-origin');
    expect(all.get('Permissions-Policy')).toContain('camera=()');
    expect(all.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
    expect(all.get('Cross-Origin-Resource-Policy')).toBe('same-origin');
  });
});
