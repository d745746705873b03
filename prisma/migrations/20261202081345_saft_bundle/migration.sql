-- CreateEnum
CREATE TYPE "SaftBundleState" AS ENUM ('building', 'done', 'failed');

-- CreateTable
CREATE TABLE "SaftBundle" (
    "id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "storeIds" TEXT[],
    "state" "SaftBundleState" NOT NULL DEFAULT 'building',
    "requestedById" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'pt-PT',
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "error" TEXT,
    "zip" BYTEA,
    "zipBytes" INTEGER,

    CONSTRAINT "SaftBundle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SaftBundleFile" (
    "id" TEXT NOT NULL,
    "bundleId" TEXT NOT NULL,
    "storeId" TEXT NOT NULL,
    "filename" TEXT,
    "xml" BYTEA,
    "bytes" INTEGER,
    "error" TEXT,
    "detail" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SaftBundleFile_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SaftBundle_year_month_requestedAt_idx" ON "SaftBundle"("year", "month", "requestedAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "SaftBundleFile_bundleId_storeId_key" ON "SaftBundleFile"("bundleId", "storeId");

-- AddForeignKey
ALTER TABLE "SaftBundleFile" ADD CONSTRAINT "SaftBundleFile_bundleId_fkey" FOREIGN KEY ("bundleId") REFERENCES "SaftBundle"("id") ON DELETE CASCADE ON UPDATE CASCADE;
