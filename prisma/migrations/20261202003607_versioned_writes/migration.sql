-- AlterTable
ALTER TABLE "Operator" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "RegionalCommittee" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Territory" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- A committee's version used to be derived from the audit log (its latest row's
-- entityVersion, 0 without any row): keep exactly that value, so that the base
-- versions clients hold stay valid (ADR 0021).
UPDATE "RegionalCommittee" c SET "version" = COALESCE((
  SELECT a."entityVersion" FROM "AuditLog" a
  WHERE a."entityType" = 'RegionalCommittee' AND a."entityId" = c."id"
  ORDER BY a."id" DESC LIMIT 1
), 0);
