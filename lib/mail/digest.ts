// The weekly digest: on Monday morning (Paris), each active user gets one mail with the
// previous week's notifications of the categories they chose to receive "in the digest".
// Once per user per ISO week across app instances: the EmailDigest row (user, week) is
// inserted with ON CONFLICT DO NOTHING in the transaction that enqueues the mail.
import { db, type PrismaClient } from '@/lib/db';
import { isCategory, type Category } from './categories';
import { digestMail } from './messages';
import { enqueueMail } from './outbox';
import { deliveriesFor } from './preferences';
import { parisWeek } from './weeks';

export interface DigestRun {
  week: string;
  users: number;
  queued: number;
}

export async function runWeeklyDigest(now = new Date(), client: PrismaClient = db as PrismaClient): Promise<DigestRun> {
  const { week, start, previousStart } = parisWeek(now);
  const notifications = await client.notification.findMany({
    where: {
      createdAt: { gte: previousStart, lt: start },
      category: { not: null },
      user: { active: true },
    },
    orderBy: { createdAt: 'asc' },
    select: { userId: true, category: true, title: true, link: true },
  });
  const done = new Set(
    (await client.emailDigest.findMany({ where: { week }, select: { userId: true } })).map((d) => d.userId),
  );
  const userIds = [...new Set(notifications.map((n) => n.userId))].filter((id) => !done.has(id));
  const deliveries = await deliveriesFor(client, userIds);
  let queued = 0;
  for (const userId of userIds) {
    const items = notifications
      .filter((n) => n.userId === userId && isCategory(n.category) && deliveries.get(userId)?.[n.category] === 'DIGEST')
      .map((n) => ({ category: n.category as Category, title: n.title, link: n.link }));
    if (!items.length) continue;
    const sent = await client.$transaction(async (tx) => {
      const claimed = await tx.emailDigest.createMany({ data: [{ userId, week }], skipDuplicates: true });
      if (claimed.count === 0) return false; // another instance took this user's digest
      const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, name: true, active: true } });
      if (!user?.active) return false;
      const mail = digestMail({ userId, name: user.name, weekLabel: week.replace('-W', ', semaine '), items });
      const emailId = await enqueueMail(tx, { kind: 'DIGEST', to: user.email, userId, ...mail });
      await tx.emailDigest.update({ where: { userId_week: { userId, week } }, data: { emailId } });
      return true;
    });
    if (sent) queued++;
  }
  return { week, users: userIds.length, queued };
}
