// Telling the shop: the document is attached to the Jumpseller order (with a signed link to its PDF, served
// by Ponte) and a note is added to the order's history. Attaching is not idempotent at Jumpseller, so a
// later attempt lists the order's documents before attaching again.
import { queryRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RunRef } from "@/lib/jobs/lifecycle";
import { mergeJobPayload } from "@/lib/jobs/payload";
import { signedPdfUrl } from "./pdf-link";
import type { PipelineServices } from "./services";

interface AttachPayload {
  attachAttemptedAt: string;
  historyNotedAt: string;
}

const documentNames: Record<string, string> = {
  FT: "Fatura",
  FR: "Fatura-recibo",
  FS: "Fatura simplificada",
  NC: "Nota de crédito",
};

interface DocumentToTell {
  id: string;
  storeId: string;
  type: string;
  number: string;
  atcud: string | null;
  vendusId: number;
  attachedToOrderAt: Date | null;
  jumpsellerOrderId: number | null;
  payload: Partial<AttachPayload> | null;
}

/** The document, its Jumpseller order's number and the job's markers, in one round trip. */
async function loadDocumentToTell(services: PipelineServices, ref: RunRef, documentId: string) {
  const [doc] = await queryRows<DocumentToTell>(
    services.db,
    Prisma.sql`
    SELECT d."id", d."storeId", d."type"::text AS type, d."number", d."atcud", d."vendusId", d."attachedToOrderAt",
      o."jumpsellerId" AS "jumpsellerOrderId",
      (SELECT j."payload" FROM "Job" j WHERE j."id" = ${ref.jobId}) AS "payload"
    FROM "Document" d LEFT JOIN "Order" o ON o."id" = d."orderId"
    WHERE d."id" = ${documentId}`,
  );
  if (!doc) throw new Error(`Document ${documentId} no longer exists`);
  if (doc.jumpsellerOrderId === null) throw new Error(`Document ${documentId} belongs to no order`);
  const payload = doc.payload && typeof doc.payload === "object" && !Array.isArray(doc.payload) ? doc.payload : {};
  return { ...doc, jumpsellerOrderId: doc.jumpsellerOrderId, payload };
}

type LoadedDocument = Awaited<ReturnType<typeof loadDocumentToTell>>;

/**
 * Attaches the document to its Jumpseller order and notes it in the order's history, reading the document
 * and the job's markers once for both.
 */
export async function tellJumpsellerOfDocument(services: PipelineServices, ref: RunRef, documentId: string) {
  const doc = await loadDocumentToTell(services, ref, documentId);
  const attached = await attachDocumentToOrder(services, ref, doc);
  const noted = await noteDocumentOnOrder(services, ref, doc);
  return { documentId, attached: attached.attached, noted: noted.noted };
}

async function attachDocumentToOrder(
  services: PipelineServices,
  ref: RunRef,
  doc: LoadedDocument,
): Promise<{ attached: "now" | "before" }> {
  if (doc.attachedToOrderAt) return { attached: "before" };
  const { jumpseller } = await services.forStore(doc.storeId);
  const externalId = String(doc.vendusId);
  let present = false;
  if (doc.payload.attachAttemptedAt) {
    const attached = await jumpseller.listOrderDocuments(doc.jumpsellerOrderId);
    present = attached.some((d) => d.external_id === externalId);
  }
  if (!present) {
    await mergeJobPayload(services.db, ref.jobId, { attachAttemptedAt: new Date().toISOString() });
    await jumpseller.attachDocument(doc.jumpsellerOrderId, {
      documentType: doc.type === "NC" ? "credit_note" : "invoice",
      externalId,
      publicId: doc.number,
      url: signedPdfUrl(services.publicUrl, doc.id),
    });
  }
  await queryRows(
    services.db,
    Prisma.sql`UPDATE "Document" SET "attachedToOrderAt" = ${new Date()} WHERE "id" = ${doc.id}`,
  );
  return { attached: "now" };
}

/** A line in the order's history; a rare repeat (a lost answer) is harmless, a missing note is not. */
async function noteDocumentOnOrder(
  services: PipelineServices,
  ref: RunRef,
  doc: LoadedDocument,
): Promise<{ noted: boolean }> {
  if (doc.payload.historyNotedAt) return { noted: false };
  const { jumpseller } = await services.forStore(doc.storeId);
  const name = documentNames[doc.type] ?? doc.type;
  const atcud = doc.atcud ? ` (ATCUD ${doc.atcud})` : "";
  await jumpseller.addOrderHistory(
    doc.jumpsellerOrderId,
    `${name} ${doc.number}${atcud} emitida no Vendus pela Ponte.`,
  );
  await mergeJobPayload(services.db, ref.jobId, { historyNotedAt: new Date().toISOString() });
  return { noted: true };
}
