// The mail outbox against a real PostgreSQL and a real SMTP server on loopback: mails
// survive an SMTP outage, are retried with backoff, and are sent exactly once by two workers
// (two connection pools) sharing one database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';
import { enqueueMail } from '@/lib/mail/outbox';
import { openBody } from '@/lib/mail/seal';
import { createMailWorker, MAX_ATTEMPTS } from '@/lib/mail/worker';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileTransport, smtpTransport } from '@/lib/mail/transport';
import { startSmtp } from '../smtp';

const PORT = Number(process.env.TI_TEST_SMTP_PORT ?? 2526);
const url = `smtp://127.0.0.1:${PORT}`;
const FROM = 'Territoires d’industrie <test@territoires.test>';

let other: PrismaClient;
beforeAll(() => {
  other = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL as string, max: 4 }) });
});
afterAll(async () => {
  await other.$disconnect();
});

const workers = () => [
  createMailWorker({ workerId: 'worker-a', transport: smtpTransport(url), from: FROM, log: () => undefined }),
  createMailWorker({ client: other, workerId: 'worker-b', transport: smtpTransport(url), from: FROM, log: () => undefined }),
];

async function enqueue(n: number, tag: string): Promise<string[]> {
  return db.$transaction(async (tx) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      ids.push(
        await enqueueMail(tx, {
          kind: 'NOTIFICATION',
          to: `destinataire.${tag}.${i}@exemple.test`,
          subject: `Essai ${tag} ${i}`,
          text: `Texte ${i}`,
          html: `<p>Texte ${i}</p>`,
          headers: { 'List-Unsubscribe': '<https://exemple.test/u>' },
        }),
      );
    }
    return ids;
  });
}

const hours = (h: number) => new Date(Date.now() + h * 3_600_000);

describe('mail outbox', () => {
  it('keeps mails while SMTP is down, retries with backoff, then sends each once with two workers', async () => {
    const ids = await enqueue(12, 'panne');
    const [a, b] = workers() as [ReturnType<typeof createMailWorker>, ReturnType<typeof createMailWorker>];

    // Nothing listens on the port: every attempt fails, nothing is lost.
    const down = await Promise.all([a.tick(), b.tick()]);
    expect(down.reduce((s, r) => s + r.claimed, 0)).toBe(12);
    expect(down.reduce((s, r) => s + r.retried, 0)).toBe(12);
    const waiting = await db.emailOutbox.findMany({ where: { id: { in: ids } } });
    for (const row of waiting) {
      expect(row).toMatchObject({ status: 'PENDING', attempts: 1, lockedBy: null });
      expect(row.lastError).toMatch(/ECONNREFUSED/);
      // Backoff: not due again before about 30 s.
      expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);
    }
    // Not due yet: a tick right now claims none of them.
    expect((await a.tick()).claimed).toBe(0);

    const smtp = await startSmtp(PORT);
    try {
      const later = hours(1);
      const up = await Promise.all([a.tick(later), b.tick(later), a.tick(later), b.tick(later)]);
      expect(up.reduce((s, r) => s + r.sent, 0)).toBe(12);
      const rows = await db.emailOutbox.findMany({ where: { id: { in: ids } } });
      expect(rows.every((r) => r.status === 'SENT' && r.attempts === 2 && r.sentAt && r.lockedBy === null)).toBe(true);
      const mine = smtp.mails.filter((m) => m.subject?.startsWith('Essai panne'));
      expect(mine).toHaveLength(12);
      expect(new Set(mine.map((m) => m.subject)).size).toBe(12);
      const first = mine.find((m) => m.subject === 'Essai panne 0');
      expect(first?.text?.trim()).toBe('Texte 0');
      expect(first?.html).toContain('<p>Texte 0</p>');
      expect(first?.headerLines.find((h) => h.key === 'list-unsubscribe')?.line).toContain('https://exemple.test/u');
      // Sent means sent: later ticks find nothing to do.
      expect((await Promise.all([a.tick(hours(5)), b.tick(hours(5))])).every((r) => r.claimed === 0)).toBe(true);
      expect(smtp.mails.filter((m) => m.subject?.startsWith('Essai panne'))).toHaveLength(12);
    } finally {
      a.close();
      b.close();
      await smtp.close();
    }
  });

  it('never sends a row twice when two workers race on a large batch', async () => {
    const ids = await enqueue(45, 'course');
    const smtp = await startSmtp(PORT);
    const [a, b] = workers() as [ReturnType<typeof createMailWorker>, ReturnType<typeof createMailWorker>];
    try {
      const drain = async (w: typeof a) => {
        let sent = 0;
        for (;;) {
          const r = await w.tick();
          sent += r.sent;
          if (!r.claimed) return sent;
        }
      };
      const [sa, sb] = await Promise.all([drain(a), drain(b)]);
      expect(sa + sb).toBe(45);
      expect(sa).toBeGreaterThan(0);
      expect(sb).toBeGreaterThan(0);
      const mine = smtp.mails.filter((m) => m.subject?.startsWith('Essai course'));
      expect(mine).toHaveLength(45);
      expect(await db.emailOutbox.count({ where: { id: { in: ids }, status: 'SENT', attempts: 1 } })).toBe(45);
    } finally {
      a.close();
      b.close();
      await smtp.close();
    }
  });

  it('takes over a mail whose worker died mid-send once its lease expires', async () => {
    const [id] = await enqueue(1, 'bail');
    // A worker claims it and dies: the row stays leased.
    await db.emailOutbox.update({ where: { id }, data: { lockedBy: 'dead', lockedUntil: hours(0.02), attempts: 1 } });
    const smtp = await startSmtp(PORT);
    const [a] = workers() as [ReturnType<typeof createMailWorker>];
    try {
      expect((await a.tick()).claimed).toBe(0);
      expect((await a.tick(hours(0.1))).sent).toBe(1);
      // The dead worker's late "sent" write matches nothing: the row belongs to worker-a.
      const stale = await db.emailOutbox.updateMany({ where: { id, lockedBy: 'dead' }, data: { status: 'FAILED' } });
      expect(stale.count).toBe(0);
      expect((await db.emailOutbox.findUniqueOrThrow({ where: { id } })).status).toBe('SENT');
    } finally {
      a.close();
      await smtp.close();
    }
  });

  it('gives up after the last attempt or on a permanent refusal, and seals bodies at rest', async () => {
    const [id] = await enqueue(1, 'abandon');
    const row = await db.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(row.body).not.toContain('Texte');
    expect(openBody(row.body).text).toBe('Texte 0');
    await db.emailOutbox.update({ where: { id }, data: { attempts: MAX_ATTEMPTS - 1 } });
    const [a] = workers() as [ReturnType<typeof createMailWorker>];
    try {
      expect((await a.tick(hours(0.1))).failed).toBe(1);
      expect(await db.emailOutbox.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'FAILED', attempts: MAX_ATTEMPTS });
    } finally {
      a.close();
    }

    // 550 from the server: no retry.
    const [refused] = await enqueue(1, 'refus');
    const smtp = await startSmtp(PORT, () => {
      throw Object.assign(new Error('Boîte inconnue'), { responseCode: 550 });
    });
    const [b] = workers() as [ReturnType<typeof createMailWorker>];
    try {
      expect((await b.tick(hours(0.1))).failed).toBe(1);
      expect(await db.emailOutbox.findUniqueOrThrow({ where: { id: refused } })).toMatchObject({ status: 'FAILED', attempts: 1 });
    } finally {
      b.close();
      await smtp.close();
    }
  });

  it('without SMTP_URL, writes each mail as an .eml file and says where', async () => {
    const [id] = await enqueue(1, 'dossier');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ti-mail-'));
    const lines: string[] = [];
    const w = createMailWorker({ workerId: 'worker-file', transport: fileTransport(dir, (l) => lines.push(l)), from: FROM, log: () => undefined });
    try {
      expect((await w.tick(hours(0.1))).sent).toBeGreaterThanOrEqual(1);
      const files = fs.readdirSync(dir).filter((f) => f.endsWith(`${id}.eml`));
      expect(files).toHaveLength(1);
      const raw = fs.readFileSync(path.join(dir, files[0] as string), 'utf8');
      expect(raw).toMatch(/^Subject: Essai dossier 0$/m);
      expect(lines.some((l) => l.includes(path.join(dir, files[0] as string)))).toBe(true);
      expect((await db.emailOutbox.findUniqueOrThrow({ where: { id } })).status).toBe('SENT');
    } finally {
      w.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
