// The mail queue as national administrators see it: counts per status and the latest mails
// (recipient, subject, attempts, last error). Never the bodies.
import { z } from 'zod';
import { db } from '@/lib/db';
import { authorize, type Actor } from '@/lib/authz/policy';
import type { EmailStatus } from '@/lib/generated/prisma/enums';
import { parseInput } from '@/lib/validation';

export const MAIL_STATUS_LABELS: Record<EmailStatus, string> = { PENDING: 'En attente', SENT: 'Envoyé', FAILED: 'Échec' };
export const MAIL_KIND_LABELS: Record<string, string> = {
  INVITATION: 'Invitation',
  PASSWORD_RESET: 'Réinitialisation du mot de passe',
  PASSWORD_CHANGED: 'Mot de passe modifié',
  NOTIFICATION: 'Notification',
  DIGEST: 'Récapitulatif hebdomadaire',
};

const blank = (v: unknown) => (v === '' ? undefined : v);
export const mailFiltersSchema = z.strictObject({
  status: z.preprocess(blank, z.enum(['PENDING', 'SENT', 'FAILED'], { error: 'Statut inconnu.' }).optional()),
});

export interface MailRow {
  id: string;
  kind: string;
  kindLabel: string;
  to: string;
  subject: string;
  status: EmailStatus;
  statusLabel: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  nextAttemptAt: string | null;
}

export interface MailQueueView {
  counts: Record<EmailStatus, number>;
  filters: { status?: EmailStatus };
  items: MailRow[];
}

export async function listMails(actor: Actor, input: unknown = {}, take = 100): Promise<MailQueueView> {
  authorize(actor, 'mail:monitor', null);
  const filters = parseInput(mailFiltersSchema, input ?? {});
  const grouped = await db.emailOutbox.groupBy({ by: ['status'], _count: { _all: true } });
  const counts: Record<EmailStatus, number> = { PENDING: 0, SENT: 0, FAILED: 0 };
  for (const g of grouped) counts[g.status] = g._count._all;
  const rows = await db.emailOutbox.findMany({
    where: filters.status ? { status: filters.status } : {},
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
    select: { id: true, kind: true, toAddress: true, subject: true, status: true, attempts: true, lastError: true, createdAt: true, sentAt: true, nextAttemptAt: true },
  });
  return {
    counts,
    filters,
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      kindLabel: MAIL_KIND_LABELS[r.kind] ?? r.kind,
      to: r.toAddress,
      subject: r.subject,
      status: r.status,
      statusLabel: MAIL_STATUS_LABELS[r.status],
      attempts: r.attempts,
      lastError: r.lastError,
      createdAt: r.createdAt.toISOString(),
      sentAt: r.sentAt?.toISOString() ?? null,
      nextAttemptAt: r.status === 'PENDING' ? r.nextAttemptAt.toISOString() : null,
    })),
  };
}
