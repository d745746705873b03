// Stores a verified delivery together with its job, in one transaction. The unique keys do the
// deduplication: WebhookDelivery(storeId, event, resourceId, state) recognises a repeated delivery, and
// Job(storeId, kind, subject) makes every repeat (or a webhook racing the reconciler) find the same job.
// Hand-written SQL because INSERT … ON CONFLICT is race-free where find-then-create is not, and because the
// hot path (order_paid) fits in a single statement: one round trip to acknowledge a payment.
import { queryRows, type Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { newRowId } from "@/lib/ids";
import { insertCancellationCreditJob } from "@/lib/jobs/credit-notes";
import { orderColumns } from "@/lib/orders/columns";
import type { DeliveryPlan, OrderHint } from "./events";

type Tx = Prisma.TransactionClient;
type ActionablePlan = Exclude<DeliveryPlan, { action: "ignore" }>;

export interface DeliveryMeta {
  storeId: string;
  body: unknown;
  triggeredAt: string | null;
  matchedKey: string;
}

export interface RecordResult {
  duplicate: boolean;
  /** The job this delivery created or found; null when it asks for no job (a cancellation before invoicing). */
  jobId: string | null;
  /** True when the job should be sent to Inngest now (new, or asked to run again). */
  dispatch: boolean;
  /** What the delivery did, for the response and the logs. */
  outcome: string;
}

export async function recordDelivery(db: Db, plan: ActionablePlan, meta: DeliveryMeta): Promise<RecordResult> {
  switch (plan.action) {
    case "invoice":
      return recordPayment(db, plan.order, plan, meta);
    case "cancel":
      return db.$transaction((tx) => recordCancellation(tx, plan.order, plan, meta));
    case "sync_product":
    case "sync_stock":
      return db.$transaction((tx) => recordProductChange(tx, plan.action, plan, meta));
  }
}

function orderUpsertValues(storeId: string, order: OrderHint) {
  const c = orderColumns(order);
  return { id: newRowId(), storeId, ...c };
}

/**
 * The body as PostgreSQL's jsonb accepts it. JSON.stringify writes a NUL or a lone surrogate as an escape
 * (\u0000, \ud800) that jsonb refuses, and the whole delivery would fail; they become U+FFFD, the character
 * for "unreadable". Only real escapes are replaced: a backslash that is itself escaped ("\\u0000") is text.
 */
export function storableJson(body: unknown): string {
  return JSON.stringify(body).replace(/(?<!\\)((?:\\\\)*)\\u(?:0000|d[89a-f][0-9a-f]{2})/gi, "$1\\ufffd");
}

async function recordPayment(
  db: Db,
  order: OrderHint,
  plan: ActionablePlan,
  meta: DeliveryMeta,
): Promise<RecordResult> {
  const o = orderUpsertValues(meta.storeId, order);
  const body = storableJson(meta.body);
  // Locks are taken in the order Order → Job → WebhookDelivery on every path, so concurrent deliveries
  // about one order queue up instead of deadlocking.
  // Straight to the pool (queryRows): Prisma's raw query cost more CPU than the statement itself.
  const rows = await queryRows<{ inserted: boolean; jobId: string; status: string; fresh: boolean }>(
    db,
    Prisma.sql`
    WITH o AS (
      INSERT INTO "Order" ("id", "storeId", "jumpsellerId", "status", "invoiceState", "customerName", "customerEmail",
        "nif", "country", "currency", "totalCents", "orderedAt", "paidAt", "updatedAt")
      VALUES (${o.id}, ${o.storeId}, ${o.jumpsellerId}, 'paid', 'pending', ${o.customerName}, ${o.customerEmail},
        ${o.nif}, ${o.country}, ${o.currency}, ${o.totalCents}, ${o.orderedAt}, ${o.paidAt}, now())
      ON CONFLICT ("storeId", "jumpsellerId") DO UPDATE SET
        -- A cancellation is final in Jumpseller: a late or retried order_paid does not undo it.
        "status" = CASE WHEN "Order"."status" = 'canceled' THEN "Order"."status" ELSE 'paid' END,
        "customerName" = COALESCE(EXCLUDED."customerName", "Order"."customerName"),
        "customerEmail" = COALESCE(EXCLUDED."customerEmail", "Order"."customerEmail"),
        "nif" = COALESCE(EXCLUDED."nif", "Order"."nif"),
        "country" = COALESCE(EXCLUDED."country", "Order"."country"),
        "totalCents" = EXCLUDED."totalCents",
        "paidAt" = COALESCE("Order"."paidAt", EXCLUDED."paidAt"),
        "invoiceState" = CASE WHEN "Order"."invoiceState" = 'not_paid' THEN 'pending'::"InvoiceState"
                              ELSE "Order"."invoiceState" END,
        "updatedAt" = now()
      RETURNING "id"
    ), j AS (
      INSERT INTO "Job" ("id", "storeId", "kind", "subject", "status", "orderId", "updatedAt")
      SELECT ${newRowId()}, ${meta.storeId}, 'invoice_order', ${plan.resourceId}, 'waiting_dispatch', o."id", now() FROM o
      ON CONFLICT ("storeId", "kind", "subject") DO UPDATE SET "orderId" = COALESCE("Job"."orderId", EXCLUDED."orderId")
      RETURNING "id", "status", (xmax = 0) AS fresh
    ), d AS (
      INSERT INTO "WebhookDelivery" ("id", "storeId", "event", "resourceId", "state", "body", "triggeredAt", "matchedKey", "jobId")
      SELECT ${newRowId()}, ${meta.storeId}, ${plan.event}, ${plan.resourceId}, ${plan.state}, ${body}::jsonb,
        ${meta.triggeredAt}, ${meta.matchedKey}, j."id" FROM j
      ON CONFLICT ("storeId", "event", "resourceId", "state") DO UPDATE SET
        "duplicates" = "WebhookDelivery"."duplicates" + 1, "lastSeenAt" = GREATEST("WebhookDelivery"."lastSeenAt", now())
      RETURNING (xmax = 0) AS inserted
    )
    SELECT d.inserted, j."id" AS "jobId", j."status"::text AS status, j.fresh FROM d, j`,
  );
  const row = rows[0];
  if (!row) throw new Error("recording the delivery returned no row");
  return {
    duplicate: !row.inserted,
    jobId: row.jobId,
    // A job that already existed (from the reconciler, or finished) is not sent again by a webhook;
    // re-running it is a person's decision (retryJob).
    dispatch: row.fresh,
    outcome: row.fresh ? "invoice job created" : `invoice job already ${row.status}`,
  };
}

/**
 * Inserts the delivery row, or counts a repeat. Returns the existing job id for a repeat. `now()` is the time
 * its transaction began, so a repeat that commits after a later one keeps the later time (GREATEST).
 */
async function insertDelivery(tx: Tx, plan: ActionablePlan, meta: DeliveryMeta) {
  const rows = await tx.$queryRaw<{ id: string; inserted: boolean; jobId: string | null }[]>`
    INSERT INTO "WebhookDelivery" ("id", "storeId", "event", "resourceId", "state", "body", "triggeredAt", "matchedKey")
    VALUES (${newRowId()}, ${meta.storeId}, ${plan.event}, ${plan.resourceId}, ${plan.state},
      ${storableJson(meta.body)}::jsonb, ${meta.triggeredAt}, ${meta.matchedKey})
    ON CONFLICT ("storeId", "event", "resourceId", "state") DO UPDATE SET
      "duplicates" = "WebhookDelivery"."duplicates" + 1, "lastSeenAt" = GREATEST("WebhookDelivery"."lastSeenAt", now())
    RETURNING "id", (xmax = 0) AS inserted, "jobId"`;
  return rows[0]!;
}

async function recordCancellation(
  tx: Tx,
  order: OrderHint,
  plan: ActionablePlan,
  meta: DeliveryMeta,
): Promise<RecordResult> {
  const delivery = await insertDelivery(tx, plan, meta);
  if (!delivery.inserted) return { duplicate: true, jobId: delivery.jobId, dispatch: false, outcome: "duplicate" };

  const o = orderUpsertValues(meta.storeId, order);
  const [saved] = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "Order" ("id", "storeId", "jumpsellerId", "status", "invoiceState", "customerName", "customerEmail",
      "nif", "country", "currency", "totalCents", "orderedAt", "updatedAt")
    VALUES (${o.id}, ${o.storeId}, ${o.jumpsellerId}, 'canceled', 'not_paid', ${o.customerName}, ${o.customerEmail},
      ${o.nif}, ${o.country}, ${o.currency}, ${o.totalCents}, ${o.orderedAt}, now())
    ON CONFLICT ("storeId", "jumpsellerId") DO UPDATE SET "status" = 'canceled', "updatedAt" = now()
    RETURNING "id"`;
  const orderId = saved!.id;
  const invoice = await tx.document.findUnique({
    where: { invoiceForOrderId: orderId },
    select: { id: true, order: { select: { invoiceState: true } }, store: { select: { autoCreditNote: true } } },
  });

  if (!invoice) {
    const credited = await tx.order.findUnique({ where: { id: orderId }, select: { invoiceState: true } });
    if (credited?.invoiceState === "credited") {
      return { duplicate: false, jobId: null, dispatch: false, outcome: "invoice already credited" };
    }
    // Not invoiced (yet): a queued invoice job reads the order again and skips it.
    await tx.order.updateMany({ where: { id: orderId, invoiceState: "pending" }, data: { invoiceState: "not_paid" } });
    return { duplicate: false, jobId: null, dispatch: false, outcome: "order not invoiced: nothing to credit" };
  }
  if (invoice.order?.invoiceState === "credited") {
    return { duplicate: false, jobId: null, dispatch: false, outcome: "invoice already credited" };
  }
  if (!invoice.store.autoCreditNote) {
    await tx.order.update({ where: { id: orderId }, data: { invoiceState: "credit_note_suggested" } });
    return { duplicate: false, jobId: null, dispatch: false, outcome: "credit note suggested" };
  }
  const job = await insertCancellationCreditJob(tx, { storeId: meta.storeId, orderId, documentId: invoice.id });
  await tx.webhookDelivery.update({ where: { id: delivery.id }, data: { jobId: job.id } });
  return { duplicate: false, jobId: job.id, dispatch: job.fresh, outcome: "credit note job created" };
}

async function recordProductChange(
  tx: Tx,
  kind: "sync_product" | "sync_stock",
  plan: ActionablePlan,
  meta: DeliveryMeta,
): Promise<RecordResult> {
  const delivery = await insertDelivery(tx, plan, meta);
  if (!delivery.inserted) return { duplicate: true, jobId: delivery.jobId, dispatch: false, outcome: "duplicate" };
  // One job per product and kind; a new change makes it run again (a new dispatch, hence a new event id),
  // unless it is still waiting to be sent, in which case the coming run will read the newest data anyway.
  const [job] = await tx.$queryRaw<{ id: string; status: string }[]>`
    INSERT INTO "Job" ("id", "storeId", "kind", "subject", "status", "payload", "updatedAt")
    VALUES (${newRowId()}, ${meta.storeId}, ${kind}::"JobKind", ${plan.resourceId}, 'waiting_dispatch',
      ${JSON.stringify({ productId: Number(plan.resourceId) })}::jsonb, now())
    ON CONFLICT ("storeId", "kind", "subject") DO UPDATE SET
      "dispatchCount" = CASE WHEN "Job"."status" = 'waiting_dispatch' THEN "Job"."dispatchCount" ELSE "Job"."dispatchCount" + 1 END,
      "status" = 'waiting_dispatch',
      "lastErrorKind" = NULL, "lastErrorCode" = NULL, "lastErrorParams" = NULL, "lastErrorMessage" = NULL,
      "updatedAt" = now()
    RETURNING "id", "status"::text AS status`;
  await tx.webhookDelivery.update({ where: { id: delivery.id }, data: { jobId: job!.id } });
  return { duplicate: false, jobId: job!.id, dispatch: true, outcome: `${kind} job queued` };
}
