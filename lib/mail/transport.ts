// Delivery: SMTP through nodemailer when SMTP_URL is set; otherwise each mail is written as an
// .eml file in the outbox folder and the console says where (nothing is silently dropped).
import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { MailConfig } from './config';

export interface Envelope {
  id: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

export interface MailTransport {
  send(mail: Envelope): Promise<{ messageId: string }>;
  close(): void;
}

// Below the worker's lease (lib/mail/worker.ts): a send never outlives its claim.
const TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 };

const message = (mail: Envelope) => ({
  from: mail.from,
  to: mail.to,
  subject: mail.subject,
  text: mail.text,
  html: mail.html,
  headers: mail.headers,
  // Stable per outbox row: a receiving server can spot a duplicate after a crash.
  messageId: `<${mail.id}@territoires-industrie>`,
});

export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport({ url, ...TIMEOUTS } as SMTPTransport.Options);
  return {
    async send(mail) {
      const info = await transporter.sendMail(message(mail));
      return { messageId: String(info.messageId) };
    },
    close: () => transporter.close(),
  };
}

export function fileTransport(dir: string, log: (line: string) => void = console.log): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(mail) {
      const info = await transporter.sendMail(message(mail));
      await fs.mkdir(dir, { recursive: true });
      const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${mail.id}.eml`);
      await fs.writeFile(file, info.message as Buffer);
      log(`[courriel] SMTP_URL absent : message « ${mail.subject} » pour ${mail.to} écrit dans ${file}`);
      return { messageId: String(info.messageId) };
    },
    close: () => transporter.close(),
  };
}

export function transportFor(config: MailConfig): MailTransport {
  return config.smtpUrl ? smtpTransport(config.smtpUrl) : fileTransport(config.outboxDir);
}
