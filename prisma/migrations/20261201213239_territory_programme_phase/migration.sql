-- DropIndex
DROP INDEX "Territory_officialId_key";

-- AlterTable
ALTER TABLE "Territory" ADD COLUMN     "programmePhase" INTEGER NOT NULL DEFAULT 2;

-- CreateIndex
CREATE UNIQUE INDEX "Territory_programmePhase_officialId_key" ON "Territory"("programmePhase", "officialId");
