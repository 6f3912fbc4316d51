// Playwright global setup: a real SMTP server (npm smtp-server) on loopback for the app under
// test (webServer gets SMTP_URL pointing here). Each message is kept as a raw .eml file in
// E2E_MAIL_DIR, read back with mailparser by the journeys (e2e/mail-helpers.ts).
import fs from 'node:fs';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

export const E2E_SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2525);
export const E2E_MAIL_DIR = path.resolve(process.env.E2E_MAIL_DIR ?? '.data/e2e-mail');

export default async function startSmtp(): Promise<() => Promise<void>> {
  fs.rmSync(E2E_MAIL_DIR, { recursive: true, force: true });
  fs.mkdirSync(E2E_MAIL_DIR, { recursive: true });
  let n = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const file = path.join(E2E_MAIL_DIR, `${Date.now()}-${String(++n).padStart(4, '0')}.eml`);
        fs.writeFileSync(`${file}.tmp`, Buffer.concat(chunks));
        fs.renameSync(`${file}.tmp`, file);
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(E2E_SMTP_PORT, '127.0.0.1', () => resolve());
  });
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
