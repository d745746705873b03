-- CreateEnum
CREATE TYPE "WaitReason" AS ENUM ('vendus', 'jumpseller', 'vendus_key', 'jumpseller_access');

-- CreateEnum
CREATE TYPE "OutsideService" AS ENUM ('vendus', 'jumpseller');

-- AlterEnum
ALTER TYPE "JobStatus" ADD VALUE 'waiting';

-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "atRiskAt" TIMESTAMP(3),
ADD COLUMN     "retryAt" TIMESTAMP(3),
ADD COLUMN     "transientFailures" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "waitingFor" "WaitReason";

-- CreateTable
CREATE TABLE "ServiceBreaker" (
    "id" TEXT NOT NULL,
    "service" "OutsideService" NOT NULL,
    "key" TEXT NOT NULL,
    "probeStoreId" TEXT NOT NULL,
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "openedAt" TIMESTAMP(3),
    "nextProbeAt" TIMESTAMP(3),
    "probeIntervalSeconds" INTEGER NOT NULL DEFAULT 60,
    "probeLeaseUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ServiceBreaker_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Outage" (
    "id" TEXT NOT NULL,
    "storeId" TEXT NOT NULL,
    "reason" "WaitReason" NOT NULL,
    "breakerId" TEXT,
    "message" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),
    "waitingAtStart" INTEGER NOT NULL DEFAULT 0,
    "invoicedSince" INTEGER,
    "startNotifiedAt" TIMESTAMP(3),
    "endNotifiedAt" TIMESTAMP(3),

    CONSTRAINT "Outage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ServiceBreaker_openedAt_idx" ON "ServiceBreaker"("openedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceBreaker_service_key_key" ON "ServiceBreaker"("service", "key");

-- CreateIndex
CREATE INDEX "Outage_storeId_endedAt_idx" ON "Outage"("storeId", "endedAt");

-- CreateIndex
CREATE INDEX "Outage_endedAt_startNotifiedAt_idx" ON "Outage"("endedAt", "startNotifiedAt");

-- CreateIndex
CREATE INDEX "Job_status_retryAt_idx" ON "Job"("status", "retryAt");

-- AddForeignKey
ALTER TABLE "Outage" ADD CONSTRAINT "Outage_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;
