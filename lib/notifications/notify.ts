// In-app notifications, written in the same transaction as the event they announce.
import type { Tx } from '@/lib/db';
import type { Role } from '@/lib/generated/prisma/enums';

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
    select: { userId: true },
  });
  const userIds = [...new Set(members.map((m) => m.userId))].filter((id) => id !== exceptUserId);
  if (userIds.length) {
    await tx.notification.createMany({ data: userIds.map((userId) => ({ userId, ...notification })) });
  }
}
