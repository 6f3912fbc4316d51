// Where mail goes and what links in it point at. Read at use, so tests and scripts can
// set the environment first. No SMTP_URL: mails are written to an outbox folder.
import path from 'node:path';
import { env } from '@/lib/env';

export interface MailConfig {
  /** `smtp://user:pass@host:587` or `smtps://…`; undefined = write .eml files to `outboxDir`. */
  smtpUrl: string | undefined;
  from: string;
  /** Absolute origin for links in mails (NEXTAUTH_URL). */
  baseUrl: string;
  outboxDir: string;
}

export const DEFAULT_FROM = 'Territoires d’industrie <ne-pas-repondre@territoires-industrie.localhost>';

export function mailConfig(): MailConfig {
  const e = env();
  return {
    smtpUrl: e.SMTP_URL || undefined,
    from: e.MAIL_FROM ?? DEFAULT_FROM,
    baseUrl: (e.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? '3000'}`).replace(/\/+$/, ''),
    // Resolved at run time only: not a file of the build (keeps Turbopack from tracing the project).
    outboxDir: path.resolve(/* turbopackIgnore: true */ process.env.MAIL_OUTBOX_DIR ?? '.data/mail'),
  };
}

export const absoluteUrl = (pathname: string): string => `${mailConfig().baseUrl}${pathname}`;
