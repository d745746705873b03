// The invoice-order steps, as plain functions. Each step reads what it needs from the database (the job's
// payload), does one side effect, and returns ids.
//
// Exactly one live invoice per order, whatever happens:
// - Document.invoiceForOrderId (the order's live invoice) is unique: a second live invoice row for one order
//   cannot exist; it is cleared only when credit notes settle the invoice;
// - every step first checks whether its work is already done (document saved, already attached);
// - the Vendus POST is made once per attempt, after recording that it was attempted, and any later attempt
//   looks the document up by external_reference first (lib/pipeline/vendus-documents.ts);
// - the POST carries a tx_id derived from the store, the order and the invoice's number in the order (1, then
//   2… for invoices issued after a credit note, lib/jobs/reissue.ts), so Vendus itself refuses a repeat.
import { queryRows, type Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  applyCorrection,
  buildInvoice,
  euVatNumberToConfirm,
  type InvoiceSummary,
  type ViesAnswer,
} from "@/lib/invoicing";
import { newRowId } from "@/lib/ids";
import type { JumpsellerOrder } from "@/lib/jumpseller/schemas";
import type { Store } from "@/lib/generated/prisma/client";
import type { RunRef } from "@/lib/jobs/lifecycle";
import { mergeJobPayload, readJobPayload } from "@/lib/jobs/payload";
import type { VendusDocumentRequest } from "@/lib/vendus/types";
import { DataProblem, refusal } from "./errors";
import { saveOrderRowForInvoice } from "./orders";
import type { PipelineServices } from "./services";
import { invoiceContextFor, resolveRegisterId } from "./store-context";
import {
  documentInsert,
  existingDocumentOn,
  issuePrepared,
  readPreparedJob,
  type DocumentRecord,
  type IssueOutcome,
} from "./vendus-documents";
import { invoiceTxId } from "@/lib/invoicing";
import type { ReissuePlan } from "@/lib/jobs/reissue";
import { cancellationCreditJobInsert } from "@/lib/jobs/credit-notes";
import { dispatchJobs } from "@/lib/jobs/dispatch";

export interface InvoicePayload {
  document: VendusDocumentRequest;
  summary: InvoiceSummary;
  orderId: string;
  jumpsellerOrderId: number;
  postAttemptedAt: string;
  /** Set on the job of a new invoice replacing a credited one. */
  reissue: ReissuePlan;
}

export type PrepareResult =
  | { next: "issue"; orderId: string }
  | { next: "done"; orderId: string; documentId: string }
  | { next: "skip"; orderId: string; reason: string; code: "not_paid" };

/** Reads the order from Jumpseller (fresh), and builds the document or says why it cannot be issued. */
export async function prepareInvoice(services: PipelineServices, ref: RunRef): Promise<PrepareResult> {
  const { db } = services;
  const job = await readJobPayload<InvoicePayload>(db, ref.jobId);
  const { store, jumpseller, vendus } = await services.forStore(job.storeId, job.storeVersion);
  const reissue = job.payload.reissue ?? null;
  const fetched = await jumpseller.getOrder(reissue ? String(job.payload.jumpsellerOrderId) : job.subject);
  const sequence = reissue?.sequence ?? 1;
  const txId = invoiceTxId(store.id, fetched.id, sequence);
  // One round trip: the order row saved, its correction, and the invoice already saved for it, if any.
  const saved = await saveOrderRowForInvoice(db, store.id, fetched, { txId, anyLiveInvoice: !reissue });
  const orderId = saved.id;
  // A correction made in Ponte (lib/invoicing/correction.ts) applies on top of Jumpseller's order.
  const order = applyCorrection(fetched, saved.correction, store.nifFieldLabel);
  if (job.orderId !== orderId) await db.job.update({ where: { id: ref.jobId }, data: { orderId } });
  if (saved.invoiceId) return { next: "done", orderId, documentId: saved.invoiceId };
  if (reissue) await checkReplacement(services, orderId, reissue);
  if (order.status_enum !== "paid") {
    await db.order.updateMany({
      where: { id: orderId, invoiceState: { in: ["pending", "failed"] } },
      data: { invoiceState: "not_paid" },
    });
    return {
      next: "skip",
      orderId,
      reason: `Order #${order.id} is ${order.status_enum} in Jumpseller, not paid: no invoice issued.`,
      code: "not_paid",
    };
  }

  const registerId = await resolveRegisterId(services, store, vendus);
  const vies = await confirmVatNumber(services, store, order, orderId);
  const built = buildInvoice(order, { ...invoiceContextFor(store, registerId), vies, invoiceSequence: sequence });
  // What a person should know about this order's invoice (or nothing, once a retry no longer warns).
  const warnings = built.ok ? built.summary.warnings : [];
  if (!sameList(warnings, saved.invoiceWarnings)) {
    await db.order.update({ where: { id: orderId }, data: { invoiceWarnings: warnings } });
  }
  if (!built.ok) {
    throw refusal(built.problems);
  }
  await mergeJobPayload(db, ref.jobId, {
    document: built.document,
    summary: built.summary,
    orderId,
    jumpsellerOrderId: order.id,
  });
  return { next: "issue", orderId };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * A new invoice is issued only in place of an invoice of this order that credit notes have settled, and only
 * while the order has no live invoice (the database refuses it too, but before any call to Vendus).
 */
async function checkReplacement(services: PipelineServices, orderId: string, plan: ReissuePlan) {
  const { db } = services;
  const [replaced, live] = await Promise.all([
    db.document.findFirst({
      where: { id: plan.replacesId, orderId },
      select: { number: true, creditedAt: true, replacedBy: { select: { number: true } } },
    }),
    db.document.findUnique({ where: { invoiceForOrderId: orderId }, select: { number: true } }),
  ]);
  if (!replaced || !replaced.creditedAt) {
    throw new DataProblem(
      "invoice_not_credited",
      `The invoice this one replaces is not fully credited${replaced ? ` (${replaced.number})` : ""}: no new invoice is issued.`,
    );
  }
  if (replaced.replacedBy) {
    throw new DataProblem(
      "invoice_already_replaced",
      `Invoice ${replaced.number} was already replaced by ${replaced.replacedBy.number}.`,
    );
  }
  if (live) {
    throw new DataProblem(
      "order_has_live_invoice",
      `The order already has a live invoice (${live.number}): credit it fully before issuing another.`,
    );
  }
}

/**
 * When the store confirms VAT numbers, asks VIES about the order's well-formed EU VAT number and records the
 * answer on the order. VIES being unavailable is transient: the step is retried, then the job waits (parked).
 */
async function confirmVatNumber(
  services: PipelineServices,
  store: Store,
  order: JumpsellerOrder,
  orderId: string,
): Promise<ViesAnswer | null> {
  if (!store.viesCheck) return null;
  const vatNumber = euVatNumberToConfirm(order, store.nifFieldLabel);
  if (!vatNumber) return null;
  const answer = await services.vies().check(vatNumber);
  await services.db.order.update({ where: { id: orderId }, data: { viesCheck: { ...answer } } });
  return answer;
}

/**
 * Saves an issued invoice in one statement: the document, the order's new invoice state, the audit event, and
 * for an order cancelled while its invoice was being issued what the cancellation could not do (it found no
 * invoice yet): the automatic credit note's job when the store wants one, else the suggestion. A unique key
 * refusing the document (another run saved it) writes nothing; so does an order gone (its foreign key).
 */
async function saveInvoice(
  db: Db,
  outcome: IssueOutcome,
  request: VendusDocumentRequest,
  record: DocumentRecord,
  { jobId, reissue }: { jobId: string; reissue: ReissuePlan | null },
): Promise<{ documentId: string; creditJobId: string | null }> {
  const orderId = record.orderId!;
  const details = {
    number: outcome.issued.number,
    jobId,
    how: outcome.how,
    ...(reissue ? { replaces: reissue.replacesId, creditNote: reissue.creditNoteId } : {}),
  };
  const [row] = await queryRows<{ documentId: string; creditJobId: string | null }>(
    db,
    Prisma.sql`
    WITH doc AS (${documentInsert(outcome, request, record)} RETURNING "id"),
    ord AS (
      UPDATE "Order" o SET "updatedAt" = now(), "invoiceState" = (CASE
          WHEN o."status" = 'canceled' AND NOT (s."autoCreditNote" AND ${!reissue}) THEN 'credit_note_suggested'
          ELSE 'invoiced' END)::"InvoiceState"
      FROM "Store" s WHERE s."id" = o."storeId" AND o."id" = ${orderId}
      RETURNING o."status" = 'canceled' AND s."autoCreditNote" AND ${!reissue} AS "creditNow"
    ),
    audit AS (
      INSERT INTO "AuditEvent" ("id", "at", "storeId", "action", "targetType", "targetId", "details")
      SELECT ${newRowId()}, now(), ${record.storeId}, 'document.issued', 'document', doc."id",
        ${JSON.stringify(details)}::jsonb
      FROM doc
    ),
    credit AS (
      ${cancellationCreditJobInsert({
        storeId: record.storeId,
        orderId,
        documentId: Prisma.sql`doc."id"`,
        when: Prisma.sql`FROM doc, ord WHERE ord."creditNow"`,
      })}
      RETURNING "id"
    )
    SELECT doc."id" AS "documentId", (SELECT "id" FROM credit) AS "creditJobId" FROM doc`,
  );
  return row!;
}

/** Creates the invoice in Vendus (or finds the one a lost answer created) and saves it. */
export async function issueInvoice(
  services: PipelineServices,
  ref: RunRef,
): Promise<{ documentId: string; how: string }> {
  const { db } = services;
  const prepared = await readPreparedJob<InvoicePayload>(db, ref.jobId);
  const { job, request } = prepared;
  const { orderId, summary, reissue } = job.payload;
  if (!orderId) throw new Error(`Job ${ref.jobId} has no prepared document`);
  if (prepared.savedId) return { documentId: prepared.savedId, how: "already saved" };

  const outcome = await issuePrepared(services, ref.jobId, prepared, { inPaymentOrder: true });
  const record: DocumentRecord = {
    storeId: job.storeId,
    orderId,
    invoiceForOrderId: orderId,
    creditsId: null,
    reason: null,
    taxes: summary?.taxes ?? [],
    replacesId: reissue?.replacesId ?? null,
    afterCreditNoteId: reissue?.creditNoteId ?? null,
  };
  const saved = await saveInvoice(db, outcome, request, record, { jobId: ref.jobId, reissue: reissue ?? null }).catch(
    async (error: unknown) => ({ documentId: await existingDocumentOn(db, error, request, record), creditJobId: null }),
  );
  // Sent now, after the invoice's own commit; if this send is lost the dispatcher sends it later.
  if (saved.creditJobId) await dispatchJobs(db, [saved.creditJobId]);
  const documentId = saved.documentId;
  return { documentId, how: outcome.how };
}
