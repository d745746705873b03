-- CreateTable
CREATE TABLE "StoreDailyFailures" (
    "day" DATE NOT NULL,
    "storeId" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "StoreDailyFailures_pkey" PRIMARY KEY ("day","storeId")
);

-- CreateIndex
CREATE INDEX "StoreDailyFailures_storeId_day_idx" ON "StoreDailyFailures"("storeId", "day");

-- AddForeignKey
ALTER TABLE "StoreDailyFailures" ADD CONSTRAINT "StoreDailyFailures_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The failures already on record: every job failed now, on the Lisbon day it failed.
INSERT INTO "StoreDailyFailures" (day, "storeId", count)
SELECT (COALESCE("finishedAt", "updatedAt") AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Lisbon')::date, "storeId", count(*)::int
FROM "Job" WHERE status = 'failed'
GROUP BY 1, 2;
