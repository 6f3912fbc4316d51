// HTTP security headers (ASVS V3.4): a strict, nonce-based Content-Security-Policy
// built per request by proxy.ts, HSTS for production hosts, and the static
// headers every response carries (next.config.js). Pure functions, unit-tested.

/** Where browsers send CSP violation reports (app/api/csp-report/route.ts). */
export const CSP_REPORT_PATH = '/api/csp-report';

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\]|::1)$/i;

/** localhost, 127.x.y.z and ::1 (a port is ignored). */
export function isLoopbackHost(host: string | null | undefined): boolean {
  if (!host) return false;
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d+$/, '');
  return LOOPBACK.test(name) || name.endsWith('.localhost');
}

/** A fresh, unpredictable nonce (128 bits) for one response. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export interface CspOptions {
  nonce: string;
  /** `next dev` needs eval for React's debugging aids and inline styles for its overlay. */
  development?: boolean;
  /** Adds upgrade-insecure-requests (only when served over https, never on loopback http). */
  upgradeInsecureRequests?: boolean;
  /** Origins a form may post to or be redirected to besides our own (the OIDC issuer). */
  formActionOrigins?: string[];
}

export function contentSecurityPolicy(options: CspOptions): string {
  const { nonce, development = false } = options;
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    // 'strict-dynamic': the scripts Next.js loads from its nonced bootstrap are trusted,
    // nothing else; no 'unsafe-inline' for scripts, ever.
    ['script-src', "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    // Style elements need the nonce; style *attributes* (progress bars, map legend
    // swatches) cannot run code, so they are allowed.
    development ? ['style-src', "'self'", "'unsafe-inline'"] : ['style-src', "'self'", `'nonce-${nonce}'`],
    ['style-src-attr', "'unsafe-inline'"],
    ['img-src', "'self'", 'data:', 'blob:'],
    ['font-src', "'self'"],
    ['connect-src', "'self'", ...(development ? ['ws:'] : [])],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'self'", ...(options.formActionOrigins ?? [])],
    ['frame-ancestors', "'none'"],
    ['frame-src', "'none'"],
    ['worker-src', "'self'"],
    ['manifest-src', "'self'"],
    ['report-uri', CSP_REPORT_PATH],
    ['report-to', 'csp'],
  ];
  if (options.upgradeInsecureRequests) directives.push(['upgrade-insecure-requests']);
  return directives.map((d) => d.join(' ')).join('; ');
}

/** Strict-Transport-Security: two years, subdomains; production on a real host only. */
export const HSTS = 'max-age=63072000; includeSubDomains';

export function hstsApplies(production: boolean, host: string | null | undefined): boolean {
  return production && !!host && !isLoopbackHost(host);
}

/* The static headers every response carries (nosniff, frame options, referrer,
 * permissions, COOP/CORP) are in next.config.js. */

/** Response headers of one page, besides the static ones. */
export function pageSecurityHeaders(input: {
  nonce: string;
  production: boolean;
  development: boolean;
  host: string | null;
  formActionOrigins?: string[];
}): Record<string, string> {
  const hsts = hstsApplies(input.production, input.host);
  const out: Record<string, string> = {
    'Content-Security-Policy': contentSecurityPolicy({
      nonce: input.nonce,
      development: input.development,
      upgradeInsecureRequests: hsts,
      formActionOrigins: input.formActionOrigins,
    }),
    'Reporting-Endpoints': `csp="${CSP_REPORT_PATH}"`,
  };
  if (hsts) out['Strict-Transport-Security'] = HSTS;
  return out;
}
