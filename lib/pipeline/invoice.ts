// The invoice-order steps, as plain functions. Each step reads what it needs from the database (the job's
// payload), does one side effect, and returns ids.
//
// Exactly one invoice per order, whatever happens:
// - Document.invoiceForOrderId is unique: a second invoice row for one order cannot exist;
// - every step first checks whether its work is already done (document saved, already attached);
// - the Vendus POST is made once per attempt, after recording that it was attempted, and any later attempt
//   looks the document up by external_reference first (lib/pipeline/vendus-documents.ts);
// - the POST carries a tx_id derived from the store and order, so Vendus itself refuses a repeat.
import { buildInvoice, type InvoiceSummary } from "@/lib/invoicing";
import type { RunRef } from "@/lib/jobs/lifecycle";
import { mergeJobPayload, readJobPayload } from "@/lib/jobs/payload";
import type { VendusDocumentRequest } from "@/lib/vendus/types";
import { DataProblem } from "./errors";
import { saveOrderRow } from "./orders";
import type { PipelineServices } from "./services";
import { invoiceContextFor, resolveRegisterId } from "./store-context";
import { issueOnce, saveDocument } from "./vendus-documents";

export interface InvoicePayload {
  document: VendusDocumentRequest;
  summary: InvoiceSummary;
  orderId: string;
  jumpsellerOrderId: number;
  postAttemptedAt: string;
}

export type PrepareResult =
  | { next: "issue"; orderId: string }
  | { next: "done"; orderId: string; documentId: string }
  | { next: "skip"; orderId: string; reason: string };

/** Reads the order from Jumpseller (fresh), and builds the document or says why it cannot be issued. */
export async function prepareInvoice(services: PipelineServices, ref: RunRef): Promise<PrepareResult> {
  const { db } = services;
  const job = await readJobPayload<InvoicePayload>(db, ref.jobId);
  const { store, jumpseller, vendus } = await services.forStore(job.storeId);
  const order = await jumpseller.getOrder(job.subject);
  const orderId = await saveOrderRow(db, store.id, order);
  await db.job.update({ where: { id: ref.jobId }, data: { orderId } });

  const existing = await db.document.findUnique({ where: { invoiceForOrderId: orderId }, select: { id: true } });
  if (existing) return { next: "done", orderId, documentId: existing.id };
  if (order.status_enum !== "paid") {
    await db.order.updateMany({ where: { id: orderId, invoiceState: { in: ["pending", "failed"] } }, data: { invoiceState: "not_paid" } });
    return { next: "skip", orderId, reason: `Order #${order.id} is ${order.status_enum} in Jumpseller, not paid: no invoice issued.` };
  }

  const registerId = await resolveRegisterId(services, store, vendus);
  const built = buildInvoice(order, invoiceContextFor(store, registerId));
  if (!built.ok) {
    const first = built.problems[0]!;
    throw new DataProblem(first.code, built.problems.map((p) => p.message).join(" "), "refused");
  }
  await mergeJobPayload(db, ref.jobId, {
    document: built.document,
    summary: built.summary,
    orderId,
    jumpsellerOrderId: order.id,
  });
  return { next: "issue", orderId };
}

/** Creates the invoice in Vendus (or finds the one a lost answer created) and saves it. */
export async function issueInvoice(services: PipelineServices, ref: RunRef): Promise<{ documentId: string; how: string }> {
  const { db } = services;
  const job = await readJobPayload<InvoicePayload>(db, ref.jobId);
  const { document: request, orderId, summary } = job.payload;
  if (!request || !orderId) throw new Error(`Job ${ref.jobId} has no prepared document`);
  const existing = await db.document.findUnique({ where: { invoiceForOrderId: orderId }, select: { id: true } });
  if (existing) return { documentId: existing.id, how: "already saved" };

  const { vendus } = await services.forStore(job.storeId);
  const outcome = await issueOnce(db, vendus, { id: ref.jobId, postAttempted: Boolean(job.payload.postAttemptedAt) }, request);
  const documentId = await saveDocument(
    db,
    outcome,
    request,
    { storeId: job.storeId, orderId, invoiceForOrderId: orderId, creditsId: null, reason: null, taxes: summary?.taxes ?? [] },
    async (tx, id) => {
      // An order cancelled while its invoice was being issued gets the suggestion the cancellation
      // could not make (it found no invoice yet).
      await tx.$executeRaw`
        UPDATE "Order" SET "updatedAt" = now(), "invoiceState" =
          CASE WHEN "status" = 'canceled' THEN 'credit_note_suggested'::"InvoiceState" ELSE 'invoiced'::"InvoiceState" END
        WHERE "id" = ${orderId}`;
      await tx.auditEvent.create({
        data: {
          storeId: job.storeId,
          action: "document.issued",
          targetType: "document",
          targetId: id,
          details: { number: outcome.issued.number, jobId: ref.jobId, how: outcome.how },
        },
      });
    },
  );
  return { documentId, how: outcome.how };
}
