// The dashboard's copy of a Jumpseller order, refreshed from what Jumpseller answers (the source of truth
// for orders; the webhook body was only a hint).
import { queryRows, type Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrderCorrection } from "@/lib/invoicing";
import type { JumpsellerOrder } from "@/lib/jumpseller/schemas";
import { orderColumns } from "@/lib/orders/columns";

/** The insert-or-refresh of an order row. Never moves an order's invoice state backwards. */
function upsertOrder(storeId: string, order: JumpsellerOrder): Prisma.Sql {
  const c = orderColumns(order);
  return Prisma.sql`
    INSERT INTO "Order" ("id", "storeId", "jumpsellerId", "status", "invoiceState", "customerName", "customerEmail",
      "nif", "country", "currency", "totalCents", "orderedAt", "paidAt", "paymentMethod", "updatedAt")
    VALUES (gen_random_uuid()::text, ${storeId}, ${c.jumpsellerId}, ${c.status},
      ${c.status === "paid" ? "pending" : "not_paid"}::"InvoiceState", ${c.customerName}, ${c.customerEmail}, ${c.nif},
      ${c.country}, ${c.currency}, ${c.totalCents}, ${c.orderedAt}, ${c.paidAt}, ${c.paymentMethod}, now())
    ON CONFLICT ("storeId", "jumpsellerId") DO UPDATE SET
      "status" = EXCLUDED."status", "customerName" = EXCLUDED."customerName", "customerEmail" = EXCLUDED."customerEmail",
      "nif" = EXCLUDED."nif", "country" = EXCLUDED."country", "currency" = EXCLUDED."currency",
      "totalCents" = EXCLUDED."totalCents", "orderedAt" = EXCLUDED."orderedAt",
      "paidAt" = COALESCE("Order"."paidAt", EXCLUDED."paidAt"),
      "paymentMethod" = COALESCE(EXCLUDED."paymentMethod", "Order"."paymentMethod"),
      "invoiceState" = CASE WHEN "Order"."invoiceState" = 'not_paid' AND EXCLUDED."status" = 'paid'
                            THEN 'pending'::"InvoiceState" ELSE "Order"."invoiceState" END,
      "updatedAt" = now()`;
}

/** Inserts or refreshes the order row; returns its id. Never moves an order's invoice state backwards. */
export async function saveOrderRow(db: Db, storeId: string, order: JumpsellerOrder): Promise<string> {
  const [row] = await queryRows<{ id: string }>(db, Prisma.sql`${upsertOrder(storeId, order)} RETURNING "id"`);
  return row!.id;
}

/**
 * saveOrderRow for an invoice, in one round trip: also answers the invoice warnings the row holds (so an
 * unchanged list is not written again), the order's correction, and the id of the invoice saved under
 * `invoice.txId` or, with `anyLiveInvoice`, of any live invoice of the order (the one with that tx_id first).
 */
export async function saveOrderRowForInvoice(
  db: Db,
  storeId: string,
  order: JumpsellerOrder,
  invoice: { txId: string; anyLiveInvoice: boolean },
): Promise<{ id: string; invoiceWarnings: string[]; correction: OrderCorrection | null; invoiceId: string | null }> {
  const [row] = await queryRows<{
    id: string;
    invoiceWarnings: string[];
    correction: OrderCorrection | null;
    invoiceId: string | null;
  }>(
    db,
    Prisma.sql`
    WITH saved AS (${upsertOrder(storeId, order)} RETURNING "id", "invoiceWarnings")
    SELECT saved."id", saved."invoiceWarnings",
      (SELECT json_build_object('consumidorFinal', k."consumidorFinal", 'taxId', k."taxId", 'taxCountry', k."taxCountry",
          'name', k."name", 'address', k."address", 'postalCode', k."postalCode", 'city', k."city")
        FROM "OrderCorrection" k WHERE k."orderId" = saved."id") AS "correction",
      (SELECT d."id" FROM "Document" d
        WHERE d."txId" = ${invoice.txId} OR (${invoice.anyLiveInvoice} AND d."invoiceForOrderId" = saved."id")
        ORDER BY d."txId" = ${invoice.txId} DESC LIMIT 1) AS "invoiceId"
    FROM saved`,
  );
  return row!;
}
