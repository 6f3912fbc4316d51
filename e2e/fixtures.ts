// The shared test fixture of every journey: any Content-Security-Policy violation
// on any page (the default page and pages of contexts a test opens itself) fails the
// test that caused it. Import { test, expect } from here, not from @playwright/test.
import { test as base, expect, type BrowserContext } from '@playwright/test';

const watched = new WeakSet<BrowserContext>();
const violations: string[] = [];

async function watch(context: BrowserContext): Promise<void> {
  if (watched.has(context)) return;
  watched.add(context);
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`[csp-violation] ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  context.on('console', (message) => {
    const text = message.text();
    if (text.includes('[csp-violation]') || /Content Security Policy/i.test(text)) {
      violations.push(`${message.page()?.url() ?? '?'} — ${text}`);
    }
  });
}

export const test = base.extend<{ cspGuard: void }, { cspBrowser: void }>({
  // Contexts opened with browser.newContext() in a test are watched too.
  cspBrowser: [
    async ({ browser }, provide) => {
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args: Parameters<typeof newContext>) => {
        const context = await newContext(...args);
        await watch(context);
        return context;
      };
      await provide();
    },
    { scope: 'worker', auto: true },
  ],
  context: async ({ context }, provide) => {
    await watch(context);
    await provide(context);
  },
  cspGuard: [
    async ({}, provide) => {
      violations.length = 0;
      await provide();
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

/** The violations seen so far in this test, cleared (for the guard's own test). */
export function takeViolations(): string[] {
  return violations.splice(0);
}

export { expect };
