-- Credit and reissue: an order may get a new invoice once its earlier one is fully credited. The live invoice
-- keeps "invoiceForOrderId" (unique), a settled one has it cleared and "creditedAt" set. A new invoice points
-- at the invoice it replaces and at the credit note that settled it.

-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "afterCreditNoteId" TEXT,
ADD COLUMN     "creditedAt" TIMESTAMP(3),
ADD COLUMN     "replacesId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Document_replacesId_key" ON "Document"("replacesId");

-- CreateIndex
CREATE UNIQUE INDEX "Document_afterCreditNoteId_key" ON "Document"("afterCreditNoteId");

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_replacesId_fkey" FOREIGN KEY ("replacesId") REFERENCES "Document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_afterCreditNoteId_fkey" FOREIGN KEY ("afterCreditNoteId") REFERENCES "Document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Invoices already settled by credit notes (their order is "credited") are no longer live.
UPDATE "Document" AS d SET "creditedAt" = COALESCE(
    (SELECT max(n."issuedAt") FROM "Document" AS n WHERE n."creditsId" = d."id"), now()),
  "invoiceForOrderId" = NULL
FROM "Order" AS o
WHERE d."invoiceForOrderId" = o."id" AND o."invoiceState" = 'credited';

-- Checked by the database on every write: a live invoice is an invoice that is not settled, and a replacement
-- names an invoice of the same order that credit notes have settled, with one of its credit notes. The body's
-- semicolons are written \073 (see the store_directory_version migration).
CREATE FUNCTION "ponte_document_links_valid"() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN IF NEW."invoiceForOrderId" IS NOT NULL AND (NEW."type" = \'NC\' OR NEW."creditedAt" IS NOT NULL) THEN RAISE EXCEPTION \'document % cannot be the live invoice of an order: it is a credit note or already credited\', NEW."id" USING ERRCODE = \'23514\'\073 END IF\073 IF (NEW."replacesId" IS NULL) <> (NEW."afterCreditNoteId" IS NULL) OR (NEW."replacesId" IS NOT NULL AND (NEW."type" = \'NC\' OR NOT EXISTS (SELECT 1 FROM "Document" AS r JOIN "Document" AS n ON n."creditsId" = r."id" WHERE r."id" = NEW."replacesId" AND n."id" = NEW."afterCreditNoteId" AND r."creditedAt" IS NOT NULL AND r."orderId" IS NOT DISTINCT FROM NEW."orderId"))) THEN RAISE EXCEPTION \'invoice % replaces % which is not a fully credited invoice of the same order\', NEW."id", NEW."replacesId" USING ERRCODE = \'23514\'\073 END IF\073 RETURN NEW\073 END\073';

CREATE TRIGGER "Document_links_valid" BEFORE INSERT OR UPDATE OF "invoiceForOrderId", "creditedAt", "type", "replacesId", "afterCreditNoteId" ON "Document"
  FOR EACH ROW EXECUTE FUNCTION "ponte_document_links_valid"();
