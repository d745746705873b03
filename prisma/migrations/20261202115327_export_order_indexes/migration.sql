-- DropIndex
DROP INDEX "Document_storeId_issuedAt_idx";

-- CreateIndex
CREATE INDEX "Document_storeId_issuedAt_id_idx" ON "Document"("storeId", "issuedAt", "id");

-- CreateIndex
CREATE INDEX "Document_issuedAt_id_idx" ON "Document"("issuedAt", "id");

-- CreateIndex
CREATE INDEX "Order_storeId_paidAt_id_idx" ON "Order"("storeId", "paidAt", "id");
