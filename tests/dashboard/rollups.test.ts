// The overview's per-store rollups (StoreRollup, StoreDailyInvoices) are kept by database triggers. After a
// mixed workload through the real pipeline (ingest, invoice, failure, retry, cancellation, credit note, an
// unpaid order) and direct multi-store changes (bulk updates, deletes, a store deleted), they must equal a
// recount from the rows themselves, and the overview must show them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/access";
import { getOverview } from "@/lib/data/overview";
import { runCli } from "@/scripts/ponte";
import { placePaidOrder, startHarness, type Harness } from "../pipeline/harness";

interface Counters {
  storeId: string;
  awaitingInvoice: number;
  failedJobs: number;
  lastWebhookAt: Date | null;
}
interface Daily {
  day: string;
  storeId: string;
  count: number;
  grossCents: number;
  creditedCents: number;
}

async function rollups(h: Harness) {
  const counters = await h.db.$queryRaw<Counters[]>`
    SELECT "storeId", sum("awaitingInvoice")::int AS "awaitingInvoice", sum("failedJobs")::int AS "failedJobs",
           max("lastWebhookAt") AS "lastWebhookAt"
    FROM "StoreRollup" GROUP BY "storeId"
    HAVING sum("awaitingInvoice") <> 0 OR sum("failedJobs") <> 0 OR max("lastWebhookAt") IS NOT NULL ORDER BY "storeId"`;
  const daily = await h.db.$queryRaw<Daily[]>`
    SELECT day::text AS day, "storeId", count, "grossCents"::int AS "grossCents",
           "creditedCents"::int AS "creditedCents" FROM "StoreDailyInvoices"
    WHERE count <> 0 OR "grossCents" <> 0 OR "creditedCents" <> 0 ORDER BY day, "storeId"`;
  return { counters, daily };
}

async function recount(h: Harness) {
  const counters = await h.db.$queryRaw<Counters[]>`
    SELECT s.id AS "storeId",
           (SELECT count(*)::int FROM "Order" o WHERE o."storeId" = s.id AND o."paidAt" IS NOT NULL
              AND o."invoiceState" IN ('pending', 'failed')) AS "awaitingInvoice",
           (SELECT count(*)::int FROM "Job" j WHERE j."storeId" = s.id AND j.status = 'failed') AS "failedJobs",
           (SELECT max(w."lastSeenAt") FROM "WebhookDelivery" w WHERE w."storeId" = s.id) AS "lastWebhookAt"
    FROM "Store" s
    WHERE EXISTS (SELECT 1 FROM "Order" o WHERE o."storeId" = s.id AND o."paidAt" IS NOT NULL
                    AND o."invoiceState" IN ('pending', 'failed'))
       OR EXISTS (SELECT 1 FROM "Job" j WHERE j."storeId" = s.id AND j.status = 'failed')
       OR EXISTS (SELECT 1 FROM "WebhookDelivery" w WHERE w."storeId" = s.id)
    ORDER BY s.id`;
  const daily = await h.db.$queryRaw<Daily[]>`
    SELECT ("issuedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Lisbon')::date::text AS day, "storeId",
           count(*) FILTER (WHERE type <> 'NC')::int AS count,
           coalesce(sum("amountGrossCents") FILTER (WHERE type <> 'NC'), 0)::int AS "grossCents",
           coalesce(sum("amountGrossCents") FILTER (WHERE type = 'NC'), 0)::int AS "creditedCents"
    FROM "Document"
    GROUP BY 1, 2 ORDER BY 1, 2`;
  return { counters, daily };
}

async function cli(...argv: string[]) {
  return runCli(argv, () => undefined);
}

describe("store rollups", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ settings: { testMode: false, vendusRegisterId: 101 } });
  });
  afterAll(async () => h?.close());

  it("equal a recount after a mixed workload, and the overview shows them", async () => {
    // Ingest and invoice.
    const paid = [placePaidOrder(h), placePaidOrder(h), placePaidOrder(h)];
    // Refused (invalid NIF): one fixed and retried, one left failed.
    const fixed = placePaidOrder(h, { nif: "123456780" });
    const refused = placePaidOrder(h, { nif: "123456780" });
    // Not paid, then one of them cancelled.
    placePaidOrder(h, { pay: false });
    const cancelledUnpaid = placePaidOrder(h, { pay: false });
    await h.settle();
    expect(await rollups(h)).toEqual(await recount(h));
    const mid = await rollups(h);
    expect(mid.counters).toEqual([expect.objectContaining({ storeId: h.storeId, awaitingInvoice: 2, failedJobs: 2 })]);
    expect(mid.daily.reduce((n, d) => n + d.count, 0)).toBe(3);

    h.control.updateOrder(fixed.id, { nif: "123456789" });
    await h.settle();
    const job = await h.db.job.findFirstOrThrow({ where: { subject: String(fixed.id) } });
    expect(await cli("jobs:retry", job.id)).toBe(0);
    await h.settle();
    h.control.cancelOrder(cancelledUnpaid.id);

    // Cancel an invoiced order and credit it.
    h.control.cancelOrder(paid[0]!.id);
    await h.settle();
    const invoice = await h.db.document.findFirstOrThrow({ where: { order: { jumpsellerId: paid[0]!.id } } });
    expect(await cli("creditnote:issue", "--document", invoice.id, "--reason", "order_cancelled")).toBe(0);
    await h.settle();
    expect(await h.db.document.count({ where: { type: "NC" } })).toBe(1);
    expect(await h.db.order.findFirstOrThrow({ where: { jumpsellerId: refused.id } })).toMatchObject({
      invoiceState: "failed",
    });
    expect(await rollups(h)).toEqual(await recount(h));

    // Direct changes across stores in single statements: a second store with its own history, bulk updates
    // touching both stores, a delete, and a backdated invoice (another Lisbon day).
    const other = await h.db.store.create({ data: { code: "outra-loja", name: "Outra Loja" } });
    const paidAt = new Date("2026-07-14T20:00:00Z");
    await h.db.order.createMany({
      data: [1, 2, 3, 4].map((n) => ({
        storeId: other.id,
        jumpsellerId: 9000 + n,
        status: "paid",
        invoiceState: "pending" as const,
        totalCents: 1000 * n,
        orderedAt: paidAt,
        paidAt,
      })),
    });
    await h.db.job.createMany({
      data: [1, 2, 3].map((n) => ({
        storeId: other.id,
        kind: "invoice_order" as const,
        subject: String(9000 + n),
        status: "failed" as const,
      })),
    });
    const otherOrder = await h.db.order.findFirstOrThrow({ where: { storeId: other.id, jumpsellerId: 9001 } });
    await h.db.document.create({
      data: {
        storeId: other.id,
        orderId: otherOrder.id,
        invoiceForOrderId: otherOrder.id,
        type: "FT",
        vendusId: 1,
        number: "FT 01P2026/1",
        // 23:30 UTC on the 14th is 00:30 on the 15th in Lisbon (summer time): the invoice counts on the 15th.
        issuedAt: new Date("2026-07-14T23:30:00Z"),
        amountGrossCents: 1000,
        amountNetCents: 813,
        externalReference: "js-outra-loja-9001",
        txId: "tx-outra-1",
        lines: [],
        taxes: [],
      },
    });
    await h.db.$executeRaw`UPDATE "Order" SET "invoiceState" = 'invoiced' WHERE "jumpsellerId" = 9001`;
    // A credit note of 2.50 on it, then moved to the next Lisbon day (an update): counted as credited on its day.
    await h.db.document.create({
      data: {
        storeId: other.id,
        orderId: otherOrder.id,
        type: "NC",
        vendusId: 2,
        number: "NC 01P2026/1",
        issuedAt: new Date("2026-07-15T10:00:00Z"),
        amountGrossCents: 250,
        amountNetCents: 203,
        externalReference: "js-outra-loja-9001-nc",
        txId: "tx-outra-nc-1",
        lines: [],
        taxes: [],
      },
    });
    await h.db.$executeRaw`UPDATE "Document" SET "issuedAt" = '2026-07-16T10:00:00Z' WHERE "txId" = 'tx-outra-nc-1'`;
    // One statement over both stores: every failed job of every store is queued again.
    await h.db.$executeRaw`UPDATE "Job" SET status = 'queued' WHERE status = 'failed' AND subject <> '9003'`;
    await h.db.$executeRaw`DELETE FROM "Order" WHERE "jumpsellerId" = 9004`;
    await h.db.$executeRaw`UPDATE "Order" SET "invoiceState" = 'failed' WHERE "invoiceState" = 'pending'`;
    await h.db.$executeRaw`INSERT INTO "WebhookDelivery" (id, "storeId", event, "resourceId", state, body, "matchedKey",
                             "receivedAt", "lastSeenAt")
                           VALUES ('w-other', ${other.id}, 'order_paid', '9001', 'paid', '{}', 'order:9001',
                                   '2026-07-14T21:00:00Z', '2026-07-14T21:00:00Z')`;
    const after = await rollups(h);
    expect(after).toEqual(await recount(h));
    expect(after.counters.find((c) => c.storeId === other.id)).toMatchObject({
      awaitingInvoice: 2,
      failedJobs: 1,
      lastWebhookAt: new Date("2026-07-14T21:00:00Z"),
    });
    expect(after.daily.filter((d) => d.storeId === other.id)).toEqual([
      { day: "2026-07-15", storeId: other.id, count: 1, grossCents: 1000, creditedCents: 0 },
      { day: "2026-07-16", storeId: other.id, count: 0, grossCents: 0, creditedCents: 250 },
    ]);

    // The overview shows the rollups.
    const admin: SessionUser = {
      id: "admin",
      email: "a@example.com",
      name: "Admin",
      role: "admin",
      allStores: true,
      locale: "pt-PT",
    };
    const overview = await getOverview(admin, new Date("2026-07-15T12:00:00Z"));
    expect(overview.find((s) => s.id === other.id)).toMatchObject({
      awaitingInvoice: 2,
      failedJobs: 1,
      invoicedToday: { count: 1, grossCents: 1000 },
      invoicedMonth: { count: 1, grossCents: 1000 },
      lastWebhookAt: new Date("2026-07-14T21:00:00Z"),
      // Paid yesterday: within the legal deadline.
      overdue: 0,
    });

    // A deleted store leaves no rollup behind; the other store's stay exact.
    await h.db.store.delete({ where: { id: other.id } });
    expect(await h.db.storeRollup.count({ where: { storeId: other.id } })).toBe(0);
    expect(await h.db.storeDailyInvoices.count({ where: { storeId: other.id } })).toBe(0);
    expect(await rollups(h)).toEqual(await recount(h));
  });

  it("stays exact under concurrent writers on one store", async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        h.db.$transaction(async (tx) => {
          await tx.order.create({
            data: {
              storeId: h.storeId,
              jumpsellerId: 50_000 + i,
              status: "paid",
              invoiceState: i % 2 ? "pending" : "failed",
              totalCents: 100,
              orderedAt: new Date(),
              paidAt: new Date(),
            },
          });
          await tx.job.create({
            data: { storeId: h.storeId, kind: "invoice_order", subject: String(50_000 + i), status: "failed" },
          });
        }),
      ),
    );
    expect(await rollups(h)).toEqual(await recount(h));
  });
});
