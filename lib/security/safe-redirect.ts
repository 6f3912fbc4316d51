// Open-redirect defence (ASVS V3.7 / V15): a redirect target taken from user input
// is kept only when, parsed with URL against the app's own origin, it stays on that
// origin; it is then returned as a path. Parsing is what browsers do: "\" counts as
// "/" and tabs or newlines are dropped, so "/\evil.example" and "/\t/evil.example"
// both mean "//evil.example", another host.

/** The app's own origin: NEXTAUTH_URL, or a loopback placeholder (only a base for parsing). */
export function appOrigin(): string {
  try {
    if (process.env.NEXTAUTH_URL) return new URL(process.env.NEXTAUTH_URL).origin;
  } catch {
    // fall through: an invalid NEXTAUTH_URL is refused at start (lib/security/production-env.ts)
  }
  return 'http://localhost';
}

/** A same-origin path (path + query + fragment) for `input`, or `fallback`. */
export function safeRedirectPath(input: unknown, origin: string = appOrigin(), fallback = '/'): string {
  if (typeof input !== 'string' || input === '' || input.length > 2048) return fallback;
  let base: URL;
  let target: URL;
  try {
    base = new URL(origin);
    target = new URL(input, base);
  } catch {
    return fallback;
  }
  if (target.origin !== base.origin) return fallback;
  if (target.username || target.password) return fallback;
  const path = `${target.pathname}${target.search}${target.hash}`;
  // A path such as "/.//evil.example" normalises to "//evil.example": protocol-relative.
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return fallback;
  return path;
}
