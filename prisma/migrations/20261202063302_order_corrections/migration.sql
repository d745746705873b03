-- CreateTable
CREATE TABLE "OrderCorrection" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "storeId" TEXT NOT NULL,
    "taxId" TEXT,
    "taxCountry" TEXT,
    "consumidorFinal" BOOLEAN NOT NULL DEFAULT false,
    "name" TEXT,
    "address" TEXT,
    "postalCode" TEXT,
    "city" TEXT,
    "original" JSONB NOT NULL,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrderCorrection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OrderCorrection_orderId_key" ON "OrderCorrection"("orderId");

-- CreateIndex
CREATE INDEX "OrderCorrection_storeId_idx" ON "OrderCorrection"("storeId");

-- AddForeignKey
ALTER TABLE "OrderCorrection" ADD CONSTRAINT "OrderCorrection_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;
