// Every change appends an audit row in the same transaction as the change (STYLE §7).
import type { Tx } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { actingRoleOn, type Actor } from '@/lib/authz/policy';

export interface AuditEntry {
  actor: Actor;
  /** The role the actor acted under, when the operation names it (decisions); else derived. */
  role?: string | null;
  entityType: 'Action' | 'ActionPlan' | 'PlanVersion' | 'Territory' | 'User' | 'Commitment' | 'Operator' | 'Import' | 'RegionalCommittee' | 'ApiToken';
  entityId: string;
  operation: string;
  territoryId?: string | null;
  entityVersion?: number | null;
  before?: unknown;
  after?: unknown;
}

/**
 * The role under which the actor acts on a territory (for the audit trail):
 * deterministic, whatever the order of the memberships (lib/authz/policy.ts).
 */
export function roleOn(actor: Actor, territoryId?: string | null): string | null {
  return actingRoleOn(actor, territoryId);
}

const json = (v: unknown) => (v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as Prisma.InputJsonValue));

export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actor.id,
      actorRole: entry.role ?? roleOn(entry.actor, entry.territoryId),
      entityType: entry.entityType,
      entityId: entry.entityId,
      operation: entry.operation,
      territoryId: entry.territoryId ?? null,
      entityVersion: entry.entityVersion ?? null,
      before: json(entry.before),
      after: json(entry.after),
      tokenId: entry.actor.token?.id ?? null,
    },
  });
}
