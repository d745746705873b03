// Telling the shop: the document is attached to the Jumpseller order (with a signed link to its PDF, served
// by Ponte) and a note is added to the order's history. Attaching is not idempotent at Jumpseller, so a
// later attempt lists the order's documents before attaching again.
import type { RunRef } from "@/lib/jobs/lifecycle";
import { mergeJobPayload, readJobPayload } from "@/lib/jobs/payload";
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

async function loadDocument(services: PipelineServices, documentId: string) {
  const doc = await services.db.document.findUniqueOrThrow({
    where: { id: documentId },
    select: {
      id: true,
      storeId: true,
      type: true,
      number: true,
      atcud: true,
      vendusId: true,
      attachedToOrderAt: true,
      order: { select: { jumpsellerId: true } },
    },
  });
  if (!doc.order) throw new Error(`Document ${documentId} belongs to no order`);
  return { ...doc, jumpsellerOrderId: doc.order.jumpsellerId };
}

export async function attachDocumentToOrder(
  services: PipelineServices,
  ref: RunRef,
  documentId: string,
): Promise<{ documentId: string; attached: "now" | "before" }> {
  const doc = await loadDocument(services, documentId);
  if (doc.attachedToOrderAt) return { documentId, attached: "before" };
  const job = await readJobPayload<AttachPayload>(services.db, ref.jobId);
  const { jumpseller } = await services.forStore(doc.storeId);
  const externalId = String(doc.vendusId);
  let present = false;
  if (job.payload.attachAttemptedAt) {
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
  await services.db.document.update({ where: { id: doc.id }, data: { attachedToOrderAt: new Date() } });
  return { documentId, attached: "now" };
}

/** A line in the order's history; a rare repeat (a lost answer) is harmless, a missing note is not. */
export async function noteDocumentOnOrder(
  services: PipelineServices,
  ref: RunRef,
  documentId: string,
): Promise<{ documentId: string; noted: boolean }> {
  const job = await readJobPayload<AttachPayload>(services.db, ref.jobId);
  if (job.payload.historyNotedAt) return { documentId, noted: false };
  const doc = await loadDocument(services, documentId);
  const { jumpseller } = await services.forStore(doc.storeId);
  const name = documentNames[doc.type] ?? doc.type;
  const atcud = doc.atcud ? ` (ATCUD ${doc.atcud})` : "";
  await jumpseller.addOrderHistory(
    doc.jumpsellerOrderId,
    `${name} ${doc.number}${atcud} emitida no Vendus pela Ponte.`,
  );
  await mergeJobPayload(services.db, ref.jobId, { historyNotedAt: new Date().toISOString() });
  return { documentId, noted: true };
}
