// The month-close page's stored reports for the dashboard benchmark: one per store for the month before the
// current one, built by the real report builder (lib/month-close/report.ts) from the benchmark's own orders and
// documents, as a background run would have stored them (the shop's and Vendus's lists stand-in: Ponte's rows).
// Made once; later runs find them.
import pg from "pg";
import { lisbonDay } from "../../lib/lisbon-time";
import { monthBounds, type MonthPeriod } from "../../lib/month-close/period";
import { buildMonthReport, outcomeOf } from "../../lib/month-close/report";
import type { OrderFact, PonteDocFact, VatAmount, VendusDocFact } from "../../lib/month-close/types";

interface Row {
  storeId: string;
  jumpsellerId: number;
  orderId: string;
  orderedAt: Date;
  paidAt: Date | null;
  totalCents: number;
  docId: string | null;
  type: string | null;
  vendusId: number | null;
  number: string | null;
  issuedAt: Date | null;
  grossCents: number | null;
  netCents: number | null;
  creditsId: string | null;
}

function vatOf(grossCents: number, netCents: number): VatAmount[] {
  return [{ rate: 23, country: null, baseCents: netCents, vatCents: grossCents - netCents }];
}

export async function ensureMonthCloses(url: string, period: MonthPeriod, log: (line: string) => void) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { year, month } = period;
    const have = await client.query('SELECT 1 FROM "MonthClose" WHERE year = $1 AND month = $2 LIMIT 1', [year, month]);
    if (have.rowCount) return;
    log(`Building the month-close reports of ${year}-${String(month).padStart(2, "0")} for every store`);
    const bounds = monthBounds(period);
    // The month's paid orders and those paid in the days before it, with their invoices and credit notes.
    const rows = (
      await client.query<Row>(
        `SELECT o."storeId", o."jumpsellerId", o.id AS "orderId", o."orderedAt", o."paidAt", o."totalCents",
                d.id AS "docId", d.type::text AS type, d."vendusId", d.number, d."issuedAt",
                d."amountGrossCents" AS "grossCents", d."amountNetCents" AS "netCents", d."creditsId"
         FROM "Order" o LEFT JOIN "Document" d ON d."orderId" = o.id
         WHERE o."paidAt" >= $1::timestamptz - interval '31 days' AND o."paidAt" < $2`,
        [bounds.start, bounds.end],
      )
    ).rows;
    const byStore = new Map<string, Row[]>();
    for (const row of rows) byStore.set(row.storeId, [...(byStore.get(row.storeId) ?? []), row]);
    const stores = (await client.query<{ id: string }>('SELECT id FROM "Store" ORDER BY id')).rows;
    const now = new Date();
    await client.query("BEGIN");
    for (const { id: storeId } of stores) {
      const storeRows = byStore.get(storeId) ?? [];
      const orders = new Map<number, OrderFact>();
      const ponteDocs: PonteDocFact[] = [];
      const vendusDocs: VendusDocFact[] = [];
      const vatByVendusId = new Map<number, VatAmount[]>();
      const orderIds = new Map<number, string>();
      for (const r of storeRows) {
        orderIds.set(r.jumpsellerId, r.orderId);
        orders.set(r.jumpsellerId, {
          jumpsellerId: r.jumpsellerId,
          status: r.paidAt ? "paid" : "pending_payment",
          createdAt: r.orderedAt.toISOString(),
          paidAt: r.paidAt?.toISOString() ?? null,
          paidCents: r.totalCents,
        });
        if (!r.docId || r.vendusId === null || !r.issuedAt) continue;
        const gross = r.grossCents ?? 0;
        const net = r.netCents ?? 0;
        ponteDocs.push({
          id: r.docId,
          vendusId: r.vendusId,
          type: r.type!,
          number: r.number!,
          issuedAt: r.issuedAt.toISOString(),
          grossCents: gross,
          netCents: net,
          vat: r.type === "NC" ? [] : vatOf(gross, net),
          orderId: r.orderId,
          jumpsellerId: r.jumpsellerId,
          orderStatus: "paid",
          orderPaidAt: r.paidAt?.toISOString() ?? null,
          creditsId: r.creditsId,
        });
        const date = lisbonDay(r.issuedAt);
        if (date >= bounds.firstDay && date <= bounds.lastDay) {
          vendusDocs.push({
            vendusId: r.vendusId,
            type: r.type!,
            number: r.number!,
            date,
            status: "N",
            grossCents: gross,
            netCents: net,
          });
          vatByVendusId.set(r.vendusId, vatOf(gross, net));
        }
      }
      const report = buildMonthReport({
        period,
        mode: "normal",
        now,
        orders: [...orders.values()],
        vendusDocs,
        ponteDocs,
        vatByVendusId,
        orderIds,
      });
      await client.query(
        `INSERT INTO "MonthClose" (id, "storeId", year, month, run, progress, "requestedAt", "startedAt", "finishedAt",
                                   outcome, "checkedAt", report, "updatedAt")
         VALUES ($1, $2, $3, $4, 'done', 100, $5, $5, $5, $6::"MonthCloseOutcome", $5, $7::jsonb, $5)`,
        [`mc-${storeId}-${year}-${month}`, storeId, year, month, now, outcomeOf(report), JSON.stringify(report)],
      );
    }
    await client.query("COMMIT");
    await client.query('ANALYZE "MonthClose"');
  } finally {
    await client.end();
  }
}
