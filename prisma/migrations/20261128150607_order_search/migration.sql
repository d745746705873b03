-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateIndex
CREATE INDEX "Order_jumpsellerId_idx" ON "Order"("jumpsellerId");

-- CreateIndex
CREATE INDEX "Order_nif_idx" ON "Order"("nif");

-- CreateIndex
CREATE INDEX "Order_customerName_idx" ON "Order" USING GIN ("customerName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Order_customerEmail_idx" ON "Order" USING GIN ("customerEmail" gin_trgm_ops);
