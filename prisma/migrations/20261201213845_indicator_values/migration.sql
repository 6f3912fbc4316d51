-- CreateTable
CREATE TABLE "IndicatorValue" (
    "id" TEXT NOT NULL,
    "indicatorId" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "value" DECIMAL(16,2) NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IndicatorValue_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "IndicatorValue_indicatorId_date_key" ON "IndicatorValue"("indicatorId", "date");

-- AddForeignKey
ALTER TABLE "IndicatorValue" ADD CONSTRAINT "IndicatorValue_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Data move (hand-written): each indicator's existing actual value becomes the first
-- point of its series, dated by the last change of its action (the best date known).
INSERT INTO "IndicatorValue" ("id", "indicatorId", "date", "value", "comment")
SELECT gen_random_uuid()::text, i."id", a."updatedAt"::date, i."actual", 'Valeur reprise lors de la mise en place des séries datées'
FROM "Indicator" i JOIN "Action" a ON a."id" = i."actionId"
WHERE i."actual" IS NOT NULL;
