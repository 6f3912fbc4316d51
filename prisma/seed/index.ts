// Seed entry points: official geography, then the demo or the national-scale dataset.
import { hashPassword } from '../../lib/auth/password';
import { loadGeography } from './geography';
import { seedDemo } from './demo';
import { seedNational } from './national';
import type { Db } from './build';

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  return (await db.territory.count()) === 0;
}

/** Empties every domain table (geography and migrations kept). */
export async function resetDomainData(db: Db): Promise<void> {
  // The audit log refuses TRUNCATE (ADR 0011): the owner lifts that guard for this
  // deliberate reset only, in the same transaction.
  await db.$transaction([
    db.$executeRawUnsafe(`ALTER TABLE "AuditLog" DISABLE TRIGGER audit_log_no_truncate`),
    db.$executeRawUnsafe(`TRUNCATE TABLE
    "CommitteeAction", "RegionalCommittee", "CommitmentAction", "Commitment", "ActionOperator",
    "Indicator", "Milestone", "FinancingLine", "Review", "PlanVersion", "Action", "ActionPlan",
    "Notification", "Membership", "TerritoryEpci", "Territory", "Operator", "ImportRun", "AuditLog", "User"
    CASCADE`),
    db.$executeRawUnsafe(`ALTER TABLE "AuditLog" ENABLE TRIGGER audit_log_no_truncate`),
  ]);
}

export async function seed(db: Db, { scale, password }: { scale: 'demo' | 'national'; password: string }) {
  const geography = await loadGeography(db);
  const passwordHash = await hashPassword(password);
  if (scale === 'national') {
    const r = await seedNational(db, { passwordHash });
    return { geography, territories: r.territories, actions: r.actions };
  }
  const r = await seedDemo(db, { passwordHash });
  return { geography, territories: r.territories.length, actions: r.actions };
}
