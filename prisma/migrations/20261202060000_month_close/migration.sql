-- CreateEnum
CREATE TYPE "MonthCloseRun" AS ENUM ('queued', 'running', 'done', 'failed');

-- CreateEnum
CREATE TYPE "MonthCloseOutcome" AS ENUM ('ready', 'needs_attention');

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "paymentMethod" TEXT;

-- CreateTable
CREATE TABLE "MonthClose" (
    "id" TEXT NOT NULL,
    "storeId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "run" "MonthCloseRun" NOT NULL DEFAULT 'queued',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "phase" TEXT,
    "requestedById" TEXT,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "error" TEXT,
    "outcome" "MonthCloseOutcome",
    "checkedAt" TIMESTAMP(3),
    "report" JSONB,
    "saftExportedAt" TIMESTAMP(3),
    "saftExportedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MonthClose_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MonthClose_year_month_idx" ON "MonthClose"("year", "month");

-- CreateIndex
CREATE UNIQUE INDEX "MonthClose_storeId_year_month_key" ON "MonthClose"("storeId", "year", "month");

-- AddForeignKey
ALTER TABLE "MonthClose" ADD CONSTRAINT "MonthClose_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;
