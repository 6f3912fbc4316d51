-- CreateEnum
CREATE TYPE "TerritoryPhase" AS ENUM ('RENEWED', 'NEW');

-- CreateEnum
CREATE TYPE "TerritoryStatus" AS ENUM ('ACTIVE', 'SUSPENDED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('PROJECT_LEAD', 'ELECTED_OFFICIAL', 'INDUSTRIALIST', 'REGIONAL_STATE', 'REGIONAL_COUNCIL', 'NATIONAL_STAFF', 'NATIONAL_ADMIN', 'OPERATOR_STAFF');

-- CreateEnum
CREATE TYPE "PlanStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'LOCALLY_VALIDATED', 'CHANGES_REQUESTED', 'VALIDATED');

-- CreateEnum
CREATE TYPE "PlanVersionStatus" AS ENUM ('SUBMITTED', 'LOCALLY_VALIDATED', 'CHANGES_REQUESTED', 'VALIDATED', 'SUPERSEDED');

-- CreateEnum
CREATE TYPE "ReviewKind" AS ENUM ('COMMENT', 'REQUEST_CHANGES', 'VALIDATE');

-- CreateEnum
CREATE TYPE "ReviewTier" AS ENUM ('LOCAL', 'REGIONAL', 'NATIONAL');

-- CreateEnum
CREATE TYPE "Axis" AS ENUM ('ECOLOGICAL_TRANSITION', 'INNOVATION', 'SKILLS', 'INDUSTRIAL_LAND');

-- CreateEnum
CREATE TYPE "ActionPhase" AS ENUM ('IDEA', 'STUDY', 'OPERATION');

-- CreateEnum
CREATE TYPE "ActionStatus" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'DONE', 'PAUSED', 'BLOCKED', 'LATE', 'ABANDONED');

-- CreateEnum
CREATE TYPE "Priority" AS ENUM ('LOW', 'MEDIUM', 'HIGH');

-- CreateEnum
CREATE TYPE "FinancingStatus" AS ENUM ('PLANNED', 'REQUESTED', 'GRANTED', 'REFUSED');

-- CreateEnum
CREATE TYPE "IndicatorKind" AS ENUM ('JOBS', 'INVESTMENT', 'HECTARES', 'PROJECTS', 'OTHER');

-- CreateEnum
CREATE TYPE "OperatorKind" AS ENUM ('OPERATOR', 'STATE_SERVICE');

-- CreateEnum
CREATE TYPE "CommitmentScope" AS ENUM ('NATIONAL', 'REGION', 'TERRITORY');

-- CreateEnum
CREATE TYPE "CommitmentStatus" AS ENUM ('PLANNED', 'IN_PROGRESS', 'DELIVERED', 'LATE', 'CANCELLED');

-- CreateTable
CREATE TABLE "Region" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Region_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Departement" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,

    CONSTRAINT "Departement_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Epci" (
    "siren" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nature" TEXT NOT NULL,
    "population" INTEGER NOT NULL,
    "communesCount" INTEGER NOT NULL,
    "departementCodes" TEXT[],
    "regionCodes" TEXT[],

    CONSTRAINT "Epci_pkey" PRIMARY KEY ("siren")
);

-- CreateTable
CREATE TABLE "Territory" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "officialId" TEXT,
    "phase" "TerritoryPhase" NOT NULL,
    "status" "TerritoryStatus" NOT NULL DEFAULT 'ACTIVE',
    "compositionIllustrative" BOOLEAN NOT NULL DEFAULT false,
    "departementCodes" TEXT[],
    "regionCodes" TEXT[],
    "population" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Territory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TerritoryEpci" (
    "territoryId" TEXT NOT NULL,
    "epciSiren" TEXT NOT NULL,

    CONSTRAINT "TerritoryEpci_pkey" PRIMARY KEY ("territoryId","epciSiren")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "failedLoginCount" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "territoryId" TEXT,
    "regionCode" TEXT,
    "operatorId" TEXT,
    "title" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionPlan" (
    "id" TEXT NOT NULL,
    "territoryId" TEXT NOT NULL,
    "status" "PlanStatus" NOT NULL DEFAULT 'DRAFT',
    "lastVersionNumber" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ActionPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanVersion" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "PlanVersionStatus" NOT NULL DEFAULT 'SUBMITTED',
    "snapshot" JSONB NOT NULL,
    "note" TEXT,
    "submittedById" TEXT,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),
    "stateValidatedAt" TIMESTAMP(3),
    "regionValidatedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "PlanVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Review" (
    "id" TEXT NOT NULL,
    "planVersionId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "authorRole" "Role" NOT NULL,
    "tier" "ReviewTier" NOT NULL,
    "kind" "ReviewKind" NOT NULL,
    "body" TEXT,
    "actionId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Action" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "territoryId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "objectives" TEXT NOT NULL DEFAULT '',
    "axes" "Axis"[],
    "phase" "ActionPhase" NOT NULL DEFAULT 'IDEA',
    "status" "ActionStatus" NOT NULL DEFAULT 'NOT_STARTED',
    "priority" "Priority" NOT NULL DEFAULT 'MEDIUM',
    "startDate" DATE,
    "endDate" DATE,
    "pilot" TEXT NOT NULL DEFAULT '',
    "partners" TEXT[],
    "budgetCents" BIGINT,
    "notes" TEXT NOT NULL DEFAULT '',
    "links" TEXT[],
    "archivedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdById" TEXT,
    "updatedById" TEXT,

    CONSTRAINT "Action_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FinancingLine" (
    "id" TEXT NOT NULL,
    "actionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "financer" TEXT NOT NULL,
    "operatorId" TEXT,
    "amountCents" BIGINT NOT NULL,
    "status" "FinancingStatus" NOT NULL DEFAULT 'PLANNED',

    CONSTRAINT "FinancingLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Milestone" (
    "id" TEXT NOT NULL,
    "actionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "dueDate" DATE NOT NULL,
    "doneAt" DATE,

    CONSTRAINT "Milestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Indicator" (
    "id" TEXT NOT NULL,
    "actionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "IndicatorKind" NOT NULL DEFAULT 'OTHER',
    "unit" TEXT NOT NULL,
    "target" DECIMAL(16,2),
    "actual" DECIMAL(16,2),

    CONSTRAINT "Indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionOperator" (
    "actionId" TEXT NOT NULL,
    "operatorId" TEXT NOT NULL,

    CONSTRAINT "ActionOperator_pkey" PRIMARY KEY ("actionId","operatorId")
);

-- CreateTable
CREATE TABLE "Operator" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "OperatorKind" NOT NULL DEFAULT 'OPERATOR',

    CONSTRAINT "Operator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Commitment" (
    "id" TEXT NOT NULL,
    "operatorId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "axis" "Axis",
    "scope" "CommitmentScope" NOT NULL,
    "regionCode" TEXT,
    "territoryId" TEXT,
    "unit" TEXT NOT NULL,
    "promised" DECIMAL(16,2) NOT NULL,
    "delivered" DECIMAL(16,2) NOT NULL DEFAULT 0,
    "dueDate" DATE,
    "status" "CommitmentStatus" NOT NULL DEFAULT 'PLANNED',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Commitment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommitmentAction" (
    "commitmentId" TEXT NOT NULL,
    "actionId" TEXT NOT NULL,

    CONSTRAINT "CommitmentAction_pkey" PRIMARY KEY ("commitmentId","actionId")
);

-- CreateTable
CREATE TABLE "RegionalCommittee" (
    "id" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "title" TEXT NOT NULL,
    "attendees" TEXT NOT NULL DEFAULT '',
    "decisions" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RegionalCommittee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommitteeAction" (
    "committeeId" TEXT NOT NULL,
    "actionId" TEXT NOT NULL,

    CONSTRAINT "CommitteeAction_pkey" PRIMARY KEY ("committeeId","actionId")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "link" TEXT,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportRun" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "filename" TEXT,
    "userId" TEXT,
    "report" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorRole" TEXT,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "entityVersion" INTEGER,
    "territoryId" TEXT,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Departement_regionCode_idx" ON "Departement"("regionCode");

-- CreateIndex
CREATE UNIQUE INDEX "Territory_slug_key" ON "Territory"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Territory_officialId_key" ON "Territory"("officialId");

-- CreateIndex
CREATE INDEX "Territory_regionCodes_idx" ON "Territory" USING GIN ("regionCodes");

-- CreateIndex
CREATE INDEX "Territory_departementCodes_idx" ON "Territory" USING GIN ("departementCodes");

-- CreateIndex
CREATE INDEX "TerritoryEpci_epciSiren_idx" ON "TerritoryEpci"("epciSiren");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Membership_territoryId_idx" ON "Membership"("territoryId");

-- CreateIndex
CREATE INDEX "Membership_regionCode_idx" ON "Membership"("regionCode");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_userId_role_territoryId_regionCode_operatorId_key" ON "Membership"("userId", "role", "territoryId", "regionCode", "operatorId");

-- CreateIndex
CREATE UNIQUE INDEX "ActionPlan_territoryId_key" ON "ActionPlan"("territoryId");

-- CreateIndex
CREATE UNIQUE INDEX "PlanVersion_planId_number_key" ON "PlanVersion"("planId", "number");

-- CreateIndex
CREATE INDEX "Review_planVersionId_createdAt_idx" ON "Review"("planVersionId", "createdAt");

-- CreateIndex
CREATE INDEX "Action_territoryId_archivedAt_position_idx" ON "Action"("territoryId", "archivedAt", "position");

-- CreateIndex
CREATE INDEX "Action_planId_idx" ON "Action"("planId");

-- CreateIndex
CREATE INDEX "Action_status_idx" ON "Action"("status");

-- CreateIndex
CREATE INDEX "Action_axes_idx" ON "Action" USING GIN ("axes");

-- CreateIndex
CREATE UNIQUE INDEX "Action_territoryId_number_key" ON "Action"("territoryId", "number");

-- CreateIndex
CREATE INDEX "FinancingLine_actionId_idx" ON "FinancingLine"("actionId");

-- CreateIndex
CREATE INDEX "FinancingLine_operatorId_idx" ON "FinancingLine"("operatorId");

-- CreateIndex
CREATE INDEX "Milestone_actionId_idx" ON "Milestone"("actionId");

-- CreateIndex
CREATE INDEX "Milestone_dueDate_idx" ON "Milestone"("dueDate");

-- CreateIndex
CREATE INDEX "Indicator_actionId_idx" ON "Indicator"("actionId");

-- CreateIndex
CREATE INDEX "ActionOperator_operatorId_idx" ON "ActionOperator"("operatorId");

-- CreateIndex
CREATE UNIQUE INDEX "Operator_slug_key" ON "Operator"("slug");

-- CreateIndex
CREATE INDEX "Commitment_operatorId_idx" ON "Commitment"("operatorId");

-- CreateIndex
CREATE INDEX "Commitment_regionCode_idx" ON "Commitment"("regionCode");

-- CreateIndex
CREATE INDEX "Commitment_territoryId_idx" ON "Commitment"("territoryId");

-- CreateIndex
CREATE INDEX "CommitmentAction_actionId_idx" ON "CommitmentAction"("actionId");

-- CreateIndex
CREATE INDEX "RegionalCommittee_regionCode_date_idx" ON "RegionalCommittee"("regionCode", "date");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_id_idx" ON "AuditLog"("entityType", "entityId", "id");

-- CreateIndex
CREATE INDEX "AuditLog_territoryId_id_idx" ON "AuditLog"("territoryId", "id");

-- AddForeignKey
ALTER TABLE "Departement" ADD CONSTRAINT "Departement_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TerritoryEpci" ADD CONSTRAINT "TerritoryEpci_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TerritoryEpci" ADD CONSTRAINT "TerritoryEpci_epciSiren_fkey" FOREIGN KEY ("epciSiren") REFERENCES "Epci"("siren") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_operatorId_fkey" FOREIGN KEY ("operatorId") REFERENCES "Operator"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionPlan" ADD CONSTRAINT "ActionPlan_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanVersion" ADD CONSTRAINT "PlanVersion_planId_fkey" FOREIGN KEY ("planId") REFERENCES "ActionPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_planVersionId_fkey" FOREIGN KEY ("planVersionId") REFERENCES "PlanVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_planId_fkey" FOREIGN KEY ("planId") REFERENCES "ActionPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FinancingLine" ADD CONSTRAINT "FinancingLine_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FinancingLine" ADD CONSTRAINT "FinancingLine_operatorId_fkey" FOREIGN KEY ("operatorId") REFERENCES "Operator"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionOperator" ADD CONSTRAINT "ActionOperator_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionOperator" ADD CONSTRAINT "ActionOperator_operatorId_fkey" FOREIGN KEY ("operatorId") REFERENCES "Operator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_operatorId_fkey" FOREIGN KEY ("operatorId") REFERENCES "Operator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitmentAction" ADD CONSTRAINT "CommitmentAction_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitmentAction" ADD CONSTRAINT "CommitmentAction_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegionalCommittee" ADD CONSTRAINT "RegionalCommittee_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitteeAction" ADD CONSTRAINT "CommitteeAction_committeeId_fkey" FOREIGN KEY ("committeeId") REFERENCES "RegionalCommittee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitteeAction" ADD CONSTRAINT "CommitteeAction_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The audit log is append-only: history cannot be rewritten, even by the application.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditLog is append-only (% refused)', TG_OP;
END;
$$;

CREATE TRIGGER audit_log_append_only
  BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
