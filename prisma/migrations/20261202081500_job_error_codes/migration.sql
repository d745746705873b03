-- AlterTable
ALTER TABLE "Job" ADD COLUMN "lastErrorParams" JSONB;

-- AlterTable
ALTER TABLE "JobEvent" ADD COLUMN "errorParams" JSONB;

-- The jobs page groups failed jobs by cause, for every visible store or one: a small partial index over the
-- failed jobs only, whatever the history.
CREATE INDEX "Job_failed_storeId_lastErrorCode_idx" ON "Job" ("storeId", "lastErrorCode") WHERE status = 'failed';
