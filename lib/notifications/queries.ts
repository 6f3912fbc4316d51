// A user's notifications and weekly digest. Only ever the caller's own.
import { db } from '@/lib/db';
import type { Actor } from '@/lib/authz/policy';

export async function listNotifications(actor: Actor, options: { since?: Date; take?: number } = {}) {
  return db.notification.findMany({
    where: { userId: actor.id, ...(options.since ? { createdAt: { gte: options.since } } : {}) },
    orderBy: { createdAt: 'desc' },
    take: options.take ?? 100,
    select: { id: true, kind: true, title: true, link: true, readAt: true, createdAt: true },
  });
}

export async function unreadCount(actor: Actor): Promise<number> {
  return db.notification.count({ where: { userId: actor.id, readAt: null } });
}

export async function markAllRead(actor: Actor): Promise<number> {
  const r = await db.notification.updateMany({ where: { userId: actor.id, readAt: null }, data: { readAt: new Date() } });
  return r.count;
}

/** The caller's notifications of the last seven days (the weekly digest). */
export async function weeklyDigest(actor: Actor) {
  return listNotifications(actor, { since: new Date(Date.now() - 7 * 86_400_000) });
}

/**
 * The latest notifications and, among them, the week's digest: the digest is the part
 * of the latest 100 that is under seven days old (both lists are the newest first, at
 * most 100), so one query serves both (ADR 0023).
 */
export async function notificationsWithDigest(actor: Actor) {
  const items = await listNotifications(actor);
  const since = Date.now() - 7 * 86_400_000;
  return { items, week: items.filter((n) => n.createdAt.getTime() >= since) };
}
