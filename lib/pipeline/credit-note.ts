// The issue-credit-note steps. A credit note (NC) is built by the engine from the stored invoice and what
// Vendus says is still creditable (qty_nc), issued once (same look-up-before-repost rule as invoices, and a
// tx_id derived from the credit request), saved linked to the invoice, and attached to the Jumpseller order.
import { createHash } from "node:crypto";
import { buildCreditNote, CREDIT_REASON_TEXT, type CreditableLine, type CreditReason } from "@/lib/invoicing";
import type { RunRef } from "@/lib/jobs/lifecycle";
import { mergeJobPayload, readJobPayload } from "@/lib/jobs/payload";
import type { VendusDocumentRequest } from "@/lib/vendus/types";
import { DataProblem, refusal } from "./errors";
import type { PipelineServices } from "./services";
import { issuePrepared, readPreparedJob, saveDocument } from "./vendus-documents";
import { createReissueJob } from "@/lib/jobs/reissue";

export interface CreditNotePayload {
  documentId: string;
  scope: "full" | "lines";
  lines: { row: number; qty: number }[];
  reason: CreditReason;
  automatic: boolean;
  /** Filled by the prepare step. */
  document: VendusDocumentRequest;
  /** True when this credit note leaves nothing creditable on the invoice. */
  settlesInvoice: boolean;
  /** Credit and reissue: once the invoice is settled, a new invoice is issued for the order (lib/jobs/reissue.ts). */
  reissue?: boolean;
  postAttemptedAt: string;
}

async function loadInvoice(services: PipelineServices, documentId: string, storeId: string) {
  const invoice = await services.db.document.findFirst({
    where: { id: documentId, storeId },
    select: { id: true, type: true, number: true, mode: true, vendusId: true, orderId: true, storeId: true },
  });
  if (!invoice || invoice.type === "NC") {
    throw new DataProblem("not_an_invoice", `Document ${documentId} is not an invoice of this store.`, "not_found");
  }
  return invoice;
}

/** A short, stable sequence per credit request (it becomes part of external_reference and tx_id). */
export function creditSequence(subject: string): string {
  return createHash("sha256").update(subject).digest("hex").slice(0, 12);
}

/** `reissueOf`: the invoice a credit-and-reissue request replaces, whose new invoice starts after this one. */
export type PrepareCreditResult = { storeId: string; reissueOf: string | null } & (
  { next: "issue" } | { next: "done"; documentId: string }
);

export async function prepareCreditNote(services: PipelineServices, ref: RunRef): Promise<PrepareCreditResult> {
  const { db } = services;
  const job = await readJobPayload<CreditNotePayload>(db, ref.jobId);
  const p = job.payload;
  if (!p.documentId || !p.reason)
    throw new DataProblem("bad_request", `Credit-note job ${ref.jobId} names no invoice or reason.`, "validation");
  const about = { storeId: job.storeId, reissueOf: p.reissue ? p.documentId : null };
  if (p.document) {
    const saved = await db.document.findUnique({ where: { txId: p.document.tx_id }, select: { id: true } });
    if (saved) return { ...about, next: "done", documentId: saved.id };
    // A POST may have been made with this document: it is issued as built, never rebuilt from a qty_nc
    // that the lost POST itself may have lowered.
    if (p.postAttemptedAt) return { ...about, next: "issue" };
  }
  const invoice = await loadInvoice(services, p.documentId, job.storeId);
  const { store, vendus } = await services.forStore(job.storeId);
  const mode = invoice.mode === "tests" ? "tests" : "normal";
  const detail = await vendus.getDocument(invoice.vendusId, { mode });
  const lines: CreditableLine[] = detail.items.map((item, i) => ({
    row: i + 1,
    reference: item.reference ?? "",
    title: item.title,
    qty: item.qty,
    qtyCreditable: item.qtyNc ?? item.qty,
    grossUnitCents: item.amounts.grossUnitCents,
    lineGrossCents: item.amounts.grossTotalCents,
    taxRate: item.tax.rate,
    taxCode: item.tax.id ?? "",
  }));
  const built = buildCreditNote(
    {
      number: invoice.number,
      mode,
      registerId: detail.registerId ?? store.vendusRegisterId ?? 0,
      storeId: store.id,
      id: invoice.vendusId,
      lines,
    },
    {
      ...(p.scope === "lines" ? { scope: "lines" as const, lines: p.lines ?? [] } : { scope: "full" as const }),
      reason: p.reason,
      sequence: creditSequence(job.subject),
    },
  );
  if (!built.ok) {
    throw refusal(built.problems);
  }
  const credited = new Map(built.document.items.map((item) => [item.reference_document!.document_row, item.qty]));
  const settlesInvoice = lines.every((line) => line.qtyCreditable - (credited.get(line.row) ?? 0) <= 1e-9);
  await mergeJobPayload(db, ref.jobId, { document: built.document, settlesInvoice });
  return { ...about, next: "issue" };
}

export async function issueCreditNote(
  services: PipelineServices,
  ref: RunRef,
): Promise<{ documentId: string; how: string }> {
  const { db } = services;
  const prepared = await readPreparedJob<CreditNotePayload>(db, ref.jobId);
  const { job, request } = prepared;
  const { documentId: invoiceId, reason } = job.payload;
  if (!invoiceId) throw new Error(`Job ${ref.jobId} has no invoice to credit`);
  if (prepared.savedId) return { documentId: prepared.savedId, how: "already saved" };

  const invoice = await loadInvoice(services, invoiceId, job.storeId);
  const outcome = await issuePrepared(services, ref.jobId, prepared, { inPaymentOrder: false });
  const reasonText = reason
    ? reason.preset === "other"
      ? (reason.text ?? "")
      : CREDIT_REASON_TEXT[reason.preset]
    : null;
  const documentId = await saveDocument(
    db,
    outcome,
    request,
    {
      storeId: job.storeId,
      orderId: invoice.orderId,
      invoiceForOrderId: null,
      creditsId: invoice.id,
      reason: reasonText,
      taxes: [],
    },
    async (tx, id) => {
      if (job.payload.settlesInvoice) {
        // Settled: no longer the order's live invoice, so the order may be invoiced again.
        await tx.document.update({
          where: { id: invoice.id },
          data: { creditedAt: new Date(), invoiceForOrderId: null },
        });
        if (invoice.orderId && job.payload.reissue) {
          const requested = await tx.job.findUnique({ where: { id: ref.jobId }, select: { requestedById: true } });
          await createReissueJob(tx, {
            storeId: job.storeId,
            orderId: invoice.orderId,
            invoiceId: invoice.id,
            creditNoteId: id,
            requestedBy: requested?.requestedById ?? null,
          });
        } else if (invoice.orderId) {
          await tx.order.update({ where: { id: invoice.orderId }, data: { invoiceState: "credited" } });
        }
      }
      await tx.auditEvent.create({
        data: {
          storeId: job.storeId,
          action: "credit_note.issued",
          targetType: "document",
          targetId: id,
          details: {
            number: outcome.issued.number,
            invoice: invoice.number,
            jobId: ref.jobId,
            automatic: Boolean(job.payload.automatic),
          },
        },
      });
    },
  );
  return { documentId, how: outcome.how };
}
