-- CreateIndex
CREATE INDEX "Job_updatedAt_id_idx" ON "Job"("updatedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Job_storeId_updatedAt_id_idx" ON "Job"("storeId", "updatedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Job_kind_updatedAt_id_idx" ON "Job"("kind", "updatedAt" DESC, "id" DESC);
