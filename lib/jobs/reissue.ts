// Credit and reissue: the legal correction of an issued invoice whose customer data was wrong (CIVA art. 29,
// n.º 7: an issued invoice is never changed). One request credits the whole invoice ("wrong customer data")
// and, once that credit note has settled it, issues a new invoice for the same order with the corrected data,
// linked to the original and to the credit note.
//
// Exactly once, whatever is clicked or retried:
// - the request is a credit-note job whose subject is "reissue:<invoice id>" (unique per store and kind), so a
//   second request for the same invoice finds the first one instead of making another;
// - the credit note's transaction creates the new invoice's job, with the same subject and kind invoice_order,
//   so it too exists at most once; its tx_id and external_reference carry the invoice's number in the order;
// - the database refuses a second live invoice for an order and a second replacement of one invoice.
import { db as defaultDb, type Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { dispatchJobs } from "./dispatch";
import type { RetryDeps } from "./retry";

export const reissueSubject = (invoiceId: string) => `reissue:${invoiceId}`;

/** What the new invoice's job carries. */
export interface ReissuePlan {
  replacesId: string;
  creditNoteId: string;
  /** The new invoice's number among the order's invoices (2 for the first reissue). */
  sequence: number;
}

export interface ReissueRequester {
  requestedBy: string | null;
  via?: string;
  /** Tenant filter the invoice must match (e.g. `storeScope(user)`). */
  scope?: Prisma.DocumentWhereInput;
}

export type ReissueRefusal = "not_found" | "not_an_invoice" | "test_mode" | "already_replaced" | "not_live";

export type RequestReissueResult =
  { ok: true; jobId: string; dispatched: boolean; repeated: boolean } | { ok: false; error: ReissueRefusal };

/** Why this invoice cannot be credited and reissued now, or null when it can. */
export function reissueRefusal(invoice: {
  type: string;
  mode: string;
  orderId: string | null;
  invoiceForOrderId: string | null;
  replacedBy: { id: string } | null;
}): ReissueRefusal | null {
  if (invoice.type === "NC" || !invoice.orderId) return "not_an_invoice";
  if (invoice.replacedBy) return "already_replaced";
  // Vendus does not credit test-mode documents.
  if (invoice.mode === "tests") return "test_mode";
  if (invoice.invoiceForOrderId !== invoice.orderId) return "not_live";
  return null;
}

/**
 * Asks for the credit note and the new invoice. Asking again for the same invoice (a double click, a retried
 * request) answers with the job of the first request and changes nothing.
 */
export async function requestCreditAndReissue(
  documentId: string,
  requester: ReissueRequester,
  deps: RetryDeps = {},
): Promise<RequestReissueResult> {
  const db = deps.db ?? defaultDb;
  const invoice = await db.document.findFirst({
    where: { AND: [{ id: documentId }, requester.scope ?? {}] },
    select: {
      id: true,
      type: true,
      mode: true,
      number: true,
      storeId: true,
      orderId: true,
      invoiceForOrderId: true,
      replacedBy: { select: { id: true } },
    },
  });
  if (!invoice) return { ok: false, error: "not_found" };
  const subject = reissueSubject(invoice.id);
  const existing = () =>
    db.job.findUnique({
      where: { storeId_kind_subject: { storeId: invoice.storeId, kind: "credit_note", subject } },
      select: { id: true },
    });
  const earlier = await existing();
  if (earlier) return { ok: true, jobId: earlier.id, dispatched: false, repeated: true };
  const refusal = reissueRefusal(invoice);
  if (refusal) return { ok: false, error: refusal };

  let jobId: string;
  try {
    jobId = await db.$transaction(async (tx) => {
      const job = await tx.job.create({
        data: {
          storeId: invoice.storeId,
          kind: "credit_note",
          subject,
          orderId: invoice.orderId,
          requestedById: requester.requestedBy,
          payload: {
            documentId: invoice.id,
            scope: "full",
            lines: [],
            reason: { preset: "wrong_customer_data" },
            automatic: false,
            reissue: true,
          },
        },
        select: { id: true },
      });
      await tx.auditEvent.create({
        data: {
          actorId: requester.requestedBy,
          storeId: invoice.storeId,
          action: "invoice.reissue_requested",
          targetType: "document",
          targetId: invoice.id,
          details: { via: requester.via ?? "dashboard", jobId: job.id, invoice: invoice.number },
        },
      });
      return job.id;
    });
  } catch (error) {
    // Two requests at once: the other one's job is the request.
    if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") throw error;
    const other = await existing();
    if (!other) throw error;
    return { ok: true, jobId: other.id, dispatched: false, repeated: true };
  }
  const sent = await dispatchJobs(db, [jobId], deps.send);
  return { ok: true, jobId, dispatched: sent.sent.length > 0, repeated: false };
}

/**
 * In the credit note's transaction, once it has settled the invoice: the job of the new invoice (at most one
 * per replaced invoice), and the order back to "being invoiced".
 */
export async function createReissueJob(
  tx: Prisma.TransactionClient,
  input: {
    storeId: string;
    orderId: string;
    invoiceId: string;
    creditNoteId: string;
    requestedBy: string | null;
  },
): Promise<void> {
  const order = await tx.order.findUniqueOrThrow({ where: { id: input.orderId }, select: { jumpsellerId: true } });
  const invoices = await tx.document.count({ where: { orderId: input.orderId, type: { not: "NC" } } });
  const plan: ReissuePlan = { replacesId: input.invoiceId, creditNoteId: input.creditNoteId, sequence: invoices + 1 };
  await tx.$executeRaw`
    INSERT INTO "Job" ("id", "storeId", "kind", "subject", "status", "orderId", "requestedById", "payload", "updatedAt")
    VALUES (gen_random_uuid()::text, ${input.storeId}, 'invoice_order', ${reissueSubject(input.invoiceId)},
      'waiting_dispatch', ${input.orderId}, ${input.requestedBy},
      ${JSON.stringify({ jumpsellerOrderId: order.jumpsellerId, reissue: plan })}::jsonb, now())
    ON CONFLICT ("storeId", "kind", "subject") DO NOTHING`;
  await tx.order.update({ where: { id: input.orderId }, data: { invoiceState: "pending" } });
}

/** Sends the new invoice's job (if it waits), right after its credit note. */
export async function dispatchReissue(db: Db, storeId: string, invoiceId: string): Promise<boolean> {
  const job = await db.job.findUnique({
    where: { storeId_kind_subject: { storeId, kind: "invoice_order", subject: reissueSubject(invoiceId) } },
    select: { id: true, status: true },
  });
  if (!job || job.status !== "waiting_dispatch") return false;
  const sent = await dispatchJobs(db, [job.id]);
  return sent.sent.length > 0;
}
