// One-click unsubscribe (RFC 8058): a signed token sets one category of one user to
// "not by e-mail". No session: the token, sent only to that user's mailbox, is the credential.
import { db } from '@/lib/db';
import { recordAudit } from '@/lib/audit/audit';
import { CATEGORY_LABELS, type Category } from './categories';
import { verifyUnsubscribeToken } from './unsubscribe-token';

export interface UnsubscribeTarget {
  userId: string;
  category: Category;
  categoryLabel: string;
  email: string;
}

export async function findUnsubscribeTarget(token: string): Promise<UnsubscribeTarget | null> {
  const parsed = verifyUnsubscribeToken(token);
  if (!parsed) return null;
  const user = await db.user.findUnique({ where: { id: parsed.userId }, select: { email: true } });
  if (!user) return null;
  return { ...parsed, categoryLabel: CATEGORY_LABELS[parsed.category], email: user.email };
}

/** Null when the token is not valid; otherwise the category now set to NONE. */
export async function unsubscribe(token: string): Promise<UnsubscribeTarget | null> {
  const target = await findUnsubscribeTarget(token);
  if (!target) return null;
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({
      where: { id: target.userId },
      select: { id: true, email: true, name: true, memberships: { select: { role: true, territoryId: true, regionCode: true, operatorId: true } } },
    });
    const before = await tx.notificationPreference.findUnique({ where: { userId_category: { userId: user.id, category: target.category } } });
    await tx.notificationPreference.upsert({
      where: { userId_category: { userId: user.id, category: target.category } },
      create: { userId: user.id, category: target.category, delivery: 'NONE' },
      update: { delivery: 'NONE' },
    });
    if (before?.delivery !== 'NONE') {
      await recordAudit(tx, {
        actor: user,
        entityType: 'User',
        entityId: user.id,
        operation: 'email-unsubscribe',
        before: { [target.category]: before?.delivery ?? 'default' },
        after: { [target.category]: 'NONE' },
      });
    }
  });
  return target;
}
