-- The SAF-T ZIP of a bundle is kept in chunks (SaftBundleChunk) instead of one bytea.
ALTER TABLE "SaftBundle" ADD COLUMN "zipAttempt" TEXT;

-- CreateTable
CREATE TABLE "SaftBundleChunk" (
    "bundleId" TEXT NOT NULL,
    "attempt" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "SaftBundleChunk_pkey" PRIMARY KEY ("bundleId","attempt","seq")
);

-- AddForeignKey
ALTER TABLE "SaftBundleChunk" ADD CONSTRAINT "SaftBundleChunk_bundleId_fkey" FOREIGN KEY ("bundleId") REFERENCES "SaftBundle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A ZIP built before still downloads: it becomes its bundle's one chunk.
INSERT INTO "SaftBundleChunk" ("bundleId", "attempt", "seq", "data")
SELECT "id", 'single', 0, "zip" FROM "SaftBundle" WHERE "zip" IS NOT NULL;
UPDATE "SaftBundle" SET "zipAttempt" = 'single' WHERE "zip" IS NOT NULL;

ALTER TABLE "SaftBundle" DROP COLUMN "zip";
