-- AlterTable
ALTER TABLE "Store" ADD COLUMN     "readiness" JSONB,
ADD COLUMN     "readinessCheckedAt" TIMESTAMP(3);
