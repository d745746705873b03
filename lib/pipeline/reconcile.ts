// The safety net for lost webhooks: every 15 minutes, each enabled store's paid orders are compared with
// Ponte's jobs, and an invoice job is created for any order paid since the store was connected that has
// neither a job nor an invoice.
// Two passes: the orders after the store's cursor (oldest first, so the cursor only moves past orders
// that can no longer become paid), and the newest page of paid orders (orders paid long after they
// were placed, behind the cursor).
import { newRowId } from "@/lib/ids";
import type { JumpsellerOrder } from "@/lib/jumpseller/schemas";
import { parseJumpsellerTime } from "@/lib/jumpseller/time";
import { saveOrderRow } from "./orders";
import type { PipelineServices } from "./services";

export interface ReconcileOptions {
  /** Pages of 100 orders read after the cursor per run. */
  maxPages?: number;
  /** An unpaid order older than this is not waited for: the cursor moves past it. */
  pendingGraceMs?: number;
  now?: Date;
}

export interface ReconcileResult {
  scanned: number;
  jobIds: string[];
  cursor: number;
}

/**
 * Only orders paid since the store was connected: a shop connected with years of orders (invoiced by
 * other means) must not have its history invoiced again.
 */
function paidSince(orders: JumpsellerOrder[], connectedAt: Date): JumpsellerOrder[] {
  // A few minutes' margin for clock skew and Jumpseller's whole-second times.
  const since = new Date(connectedAt.getTime() - 5 * 60_000);
  return orders.filter((o) => {
    if (o.status_enum !== "paid") return false;
    const paidAt = parseJumpsellerTime(o.completed_at) ?? parseJumpsellerTime(o.created_at);
    return paidAt !== null && paidAt >= since;
  });
}

async function ensureInvoiceJobs(
  services: PipelineServices,
  storeId: string,
  paid: JumpsellerOrder[],
): Promise<string[]> {
  if (paid.length === 0) return [];
  const { db } = services;
  const subjects = paid.map((o) => String(o.id));
  const known = await db.job.findMany({
    where: { storeId, kind: "invoice_order", subject: { in: subjects } },
    select: { subject: true },
  });
  const knownSet = new Set(known.map((j) => j.subject));
  const created: string[] = [];
  for (const order of paid) {
    if (knownSet.has(String(order.id))) continue;
    const orderId = await saveOrderRow(db, storeId, order);
    // Invoiced already (the live invoice, or one since credited): nothing to start.
    if (await db.document.findFirst({ where: { orderId, type: { not: "NC" } }, select: { id: true } })) continue;
    // The same unique key as the webhook's: if a late delivery created the job meanwhile, this does nothing.
    const rows = await db.$queryRaw<{ id: string }[]>`
      INSERT INTO "Job" ("id", "storeId", "kind", "subject", "status", "orderId", "updatedAt")
      VALUES (${newRowId()}, ${storeId}, 'invoice_order', ${String(order.id)}, 'waiting_dispatch', ${orderId}, now())
      ON CONFLICT ("storeId", "kind", "subject") DO NOTHING
      RETURNING "id"`;
    if (rows[0]) created.push(rows[0].id);
  }
  return created;
}

export async function reconcileStore(
  services: PipelineServices,
  storeId: string,
  options: ReconcileOptions = {},
): Promise<ReconcileResult> {
  const now = options.now ?? new Date();
  const maxPages = options.maxPages ?? 10;
  const graceMs = options.pendingGraceMs ?? 7 * 24 * 3600_000;
  const { store, jumpseller } = await services.forStore(storeId);
  const jobIds: string[] = [];
  let scanned = 0;
  let cursor = store.reconcileCursor;
  let after = cursor;
  let blocked = false;

  for (let page = 0; page < maxPages; page++) {
    const orders = (await jumpseller.listOrdersAfter(after, { limit: 100 })).sort((a, b) => a.id - b.id);
    if (orders.length === 0) break;
    scanned += orders.length;
    jobIds.push(...(await ensureInvoiceJobs(services, storeId, paidSince(orders, store.createdAt))));
    for (const order of orders) {
      const placed = parseJumpsellerTime(order.created_at)?.getTime() ?? now.getTime();
      const settled = order.status_enum !== "pending_payment" || now.getTime() - placed > graceMs;
      if (!settled) blocked = true;
      if (!blocked) cursor = order.id;
    }
    after = orders[orders.length - 1]!.id;
    if (orders.length < 100) break;
  }

  const recentPaid = await jumpseller.listOrdersByStatus("paid", { page: 1, limit: 100 });
  scanned += recentPaid.length;
  jobIds.push(...(await ensureInvoiceJobs(services, storeId, paidSince(recentPaid, store.createdAt))));

  await services.db.store.update({ where: { id: storeId }, data: { reconcileCursor: cursor, lastReconciledAt: now } });
  return { scanned, jobIds: [...new Set(jobIds)], cursor };
}
