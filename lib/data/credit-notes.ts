// What is still creditable on invoices the signed-in user may see: their stored lines, less the credit
// notes issued and the credit requests on their way.
import { storeScope, type SessionUser } from "@/lib/access";
import { lineBalances, readInvoiceLines, type LineBalance } from "@/lib/credit-notes/balance";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export interface InvoiceBalance {
  /** Null when the stored lines cannot be read: then only the whole invoice can be credited. */
  lines: LineBalance[] | null;
  /** Gross already credited by issued credit notes. */
  creditedCents: number;
  /** Whether a credit request for this invoice is still on its way. */
  hasPendingRequest: boolean;
}

interface InvoiceInput {
  id: string;
  orderId: string | null;
  lines: Prisma.JsonValue;
}

export async function getInvoiceBalances(
  user: SessionUser,
  invoices: InvoiceInput[],
): Promise<Map<string, InvoiceBalance>> {
  const result = new Map<string, InvoiceBalance>();
  if (invoices.length === 0) return result;
  const ids = invoices.map((invoice) => invoice.id);
  // Every credit-note job carries its invoice's order: the index on orderId finds the few candidates, where the
  // payload alone would mean reading every credit-note job of every visible store.
  const orderIds = [...new Set(invoices.map((invoice) => invoice.orderId))];
  const ofOrders = orderIds.every((id) => id !== null) ? { orderId: { in: orderIds as string[] } } : {};
  const [requests, creditNotes] = await Promise.all([
    db.job.findMany({
      where: {
        AND: [
          storeScope(user),
          { kind: "credit_note", ...ofOrders },
          { OR: ids.map((id) => ({ payload: { path: ["documentId"], equals: id } })) },
        ],
      },
      select: { status: true, payload: true, createdAt: true },
    }),
    db.document.findMany({
      where: { AND: [storeScope(user), { creditsId: { in: ids } }] },
      select: { creditsId: true, amountGrossCents: true },
    }),
  ]);
  for (const invoice of invoices) {
    const own = requests.filter((r) => (r.payload as { documentId?: unknown } | null)?.documentId === invoice.id);
    const lines = readInvoiceLines(invoice.lines);
    result.set(invoice.id, {
      lines: lines ? lineBalances(lines, own) : null,
      creditedCents: creditNotes
        .filter((nc) => nc.creditsId === invoice.id)
        .reduce((sum, nc) => sum + nc.amountGrossCents, 0),
      hasPendingRequest: own.some(
        (r) =>
          r.status === "waiting_dispatch" || r.status === "queued" || r.status === "running" || r.status === "waiting",
      ),
    });
  }
  return result;
}
