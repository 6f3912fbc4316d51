// In-app notifications that their recipients want at once by e-mail: one outbox row each,
// in the notification's transaction. Digest and "not by e-mail" categories send nothing here.
import type { Tx } from '@/lib/db';
import type { Category } from './categories';
import { notificationMail } from './messages';
import { enqueueMail } from './outbox';
import { deliveriesFor } from './preferences';

export interface NotificationEntry {
  userId: string;
  category: Category | null;
  title: string;
  link: string | null;
}

export async function queueNotificationMails(tx: Tx, entries: NotificationEntry[]): Promise<number> {
  const wanted = entries.filter((e): e is NotificationEntry & { category: Category } => e.category !== null);
  if (!wanted.length) return 0;
  const userIds = [...new Set(wanted.map((e) => e.userId))];
  const deliveries = await deliveriesFor(tx, userIds);
  const now = wanted.filter((e) => deliveries.get(e.userId)?.[e.category] === 'IMMEDIATE');
  if (!now.length) return 0;
  const users = await tx.user.findMany({
    where: { id: { in: [...new Set(now.map((e) => e.userId))] }, active: true },
    select: { id: true, email: true, name: true },
  });
  const byId = new Map(users.map((u) => [u.id, u]));
  let queued = 0;
  for (const e of now) {
    const user = byId.get(e.userId);
    if (!user) continue;
    const mail = notificationMail({ userId: user.id, name: user.name, category: e.category, title: e.title, link: e.link });
    await enqueueMail(tx, { kind: 'NOTIFICATION', to: user.email, userId: user.id, ...mail });
    queued++;
  }
  return queued;
}
