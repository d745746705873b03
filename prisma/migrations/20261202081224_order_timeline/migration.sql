-- CreateEnum
CREATE TYPE "JobEventType" AS ENUM ('started', 'error', 'parked', 'succeeded', 'skipped', 'failed');

-- CreateTable
CREATE TABLE "JobEvent" (
    "id" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dispatch" INTEGER NOT NULL,
    "attempt" INTEGER,
    "type" "JobEventType" NOT NULL,
    "errorKind" "ErrorKind",
    "errorCode" TEXT,
    "message" TEXT,

    CONSTRAINT "JobEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "JobEvent_jobId_at_idx" ON "JobEvent"("jobId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_targetId_at_idx" ON "AuditEvent"("targetId", "at");

-- CreateIndex
CREATE INDEX "Notification_jobIds_idx" ON "Notification" USING GIN ("jobIds");

-- AddForeignKey
ALTER TABLE "JobEvent" ADD CONSTRAINT "JobEvent_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;
