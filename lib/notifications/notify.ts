// In-app notifications, written in the same transaction as the event they announce.
import type { Tx } from '@/lib/db';
import type { Role } from '@/lib/generated/prisma/enums';
import { categoryOf } from '@/lib/mail/categories';
import { queueNotificationMails } from '@/lib/mail/notification-mails';

export type NotificationKind =
  | 'PLAN_SUBMITTED'
  | 'PLAN_LOCALLY_VALIDATED'
  | 'PLAN_CHANGES_REQUESTED'
  | 'PLAN_VALIDATED'
  | 'COMMITMENT_OVERDUE';

export async function notifyTerritoryRoles(
  tx: Tx,
  territory: { id: string; regionCodes: string[] },
  roles: Role[],
  notification: { kind: NotificationKind; title: string; link: string },
  exceptUserId?: string,
): Promise<void> {
  const local = roles.filter((r) => r === 'PROJECT_LEAD' || r === 'ELECTED_OFFICIAL' || r === 'INDUSTRIALIST');
  const regional = roles.filter((r) => r === 'REGIONAL_STATE' || r === 'REGIONAL_COUNCIL');
  const members = await tx.membership.findMany({
    where: {
      user: { active: true },
      OR: [
        { role: { in: local }, territoryId: territory.id },
        { role: { in: regional }, regionCode: { in: territory.regionCodes } },
      ],
    },
    select: { userId: true, role: true },
  });
  const userIds = [...new Set(members.map((m) => m.userId))].filter((id) => id !== exceptUserId);
  if (userIds.length) {
    // A user holding several roles gets one notification, in the most pressing category.
    const categoryFor = (userId: string) => {
      const categories = members.filter((m) => m.userId === userId).map((m) => categoryOf(notification.kind, m.role));
      return categories.includes('AWAITING_DECISION') ? 'AWAITING_DECISION' : (categories[0] ?? null);
    };
    const data = userIds.map((userId) => ({ userId, ...notification, category: categoryFor(userId) }));
    await tx.notification.createMany({ data });
    // E-mails for those who want them at once, in the same transaction (outbox).
    await queueNotificationMails(tx, data);
  }
}
