// The dashboard's copy of a Jumpseller order, refreshed from what Jumpseller answers (the source of truth
// for orders; the webhook body was only a hint).
import type { Db } from "@/lib/db";
import type { JumpsellerOrder } from "@/lib/jumpseller/schemas";
import { orderColumns } from "@/lib/orders/columns";

/** Inserts or refreshes the order row; returns its id. Never moves an order's invoice state backwards. */
export async function saveOrderRow(db: Db, storeId: string, order: JumpsellerOrder): Promise<string> {
  return (await saveOrderRowReturning(db, storeId, order)).id;
}

/** saveOrderRow, also answering the invoice warnings the row holds (so an unchanged list is not written again). */
export async function saveOrderRowReturning(
  db: Db,
  storeId: string,
  order: JumpsellerOrder,
): Promise<{ id: string; invoiceWarnings: string[] }> {
  const c = orderColumns(order);
  const rows = await db.$queryRaw<{ id: string; invoiceWarnings: string[] }[]>`
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
      "updatedAt" = now()
    RETURNING "id", "invoiceWarnings"`;
  return rows[0]!;
}
