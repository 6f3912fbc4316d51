// Reading what the test SMTP server received (e2e/smtp-server.ts).
import fs from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { simpleParser, type ParsedMail } from 'mailparser';
import { E2E_MAIL_DIR } from './smtp-server';

export async function mailsTo(address: string): Promise<ParsedMail[]> {
  const files = fs.existsSync(E2E_MAIL_DIR) ? fs.readdirSync(E2E_MAIL_DIR).filter((f) => f.endsWith('.eml')).sort() : [];
  const mails = await Promise.all(files.map(async (f) => simpleParser(fs.readFileSync(path.join(E2E_MAIL_DIR, f)))));
  const lower = address.toLowerCase();
  return mails.filter((m) => {
    const to = Array.isArray(m.to) ? m.to : m.to ? [m.to] : [];
    return to.some((t) => t.value.some((v) => v.address?.toLowerCase() === lower));
  });
}

/** Waits for a mail to `address` whose subject matches; the worker polls every second. */
export async function waitForMail(address: string, subject: RegExp, timeout = 30_000): Promise<ParsedMail> {
  let found: ParsedMail | undefined;
  await expect
    .poll(
      async () => {
        found = (await mailsTo(address)).find((m) => subject.test(m.subject ?? ''));
        return !!found;
      },
      { timeout, intervals: [250, 500, 1000] },
    )
    .toBe(true);
  return found as ParsedMail;
}

/** The first link of the plain-text part that contains `fragment`. */
export function linkIn(mail: ParsedMail, fragment: string): string {
  const url = (mail.text ?? '').split(/\s+/).find((w) => w.startsWith('http') && w.includes(fragment));
  expect(url, `a link containing ${fragment}`).toBeTruthy();
  return url as string;
}
