// Enqueueing a mail = one row in the outbox, written with the caller's transaction so that a
// mail exists if and only if its event was committed (transactional outbox, ADR 0013).
import type { Tx } from '@/lib/db';
import { sealBody, type MailBody } from './seal';

export type MailKind = 'INVITATION' | 'PASSWORD_RESET' | 'PASSWORD_CHANGED' | 'NOTIFICATION' | 'DIGEST';

/** Kinds whose body holds a one-time credential: emptied in the outbox once sent. */
export const SECRET_KINDS: readonly MailKind[] = ['INVITATION', 'PASSWORD_RESET'];

export interface OutgoingMail extends MailBody {
  kind: MailKind;
  to: string;
  userId?: string | null;
  subject: string;
}

export async function enqueueMail(tx: Pick<Tx, 'emailOutbox'>, mail: OutgoingMail): Promise<string> {
  const row = await tx.emailOutbox.create({
    data: {
      kind: mail.kind,
      toAddress: mail.to,
      userId: mail.userId ?? null,
      subject: mail.subject,
      body: sealBody({ text: mail.text, html: mail.html, headers: mail.headers }),
    },
    select: { id: true },
  });
  return row.id;
}
