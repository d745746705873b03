// The OSS threshold tracker on a seeded year, on the real PostgreSQL: documents are inserted as the pipeline
// saves them, the trigger keeps the yearly rollup, and the tracker reads it. Only distance sales to consumers
// in another member state count (OSS VAT, or Portuguese VAT for a consumer in Spain), net, less their credit
// notes; a Portuguese sale, an exempt intra-EU B2B sale, an export, a test-mode invoice and another year's
// invoice do not.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/access";
import { listOssThreshold } from "@/lib/data/oss-threshold";
import { createTestDatabase, type TestDatabase } from "../db";

describe("OSS threshold tracker", () => {
  let test: TestDatabase;
  let user: SessionUser;
  let storeId: string;
  let seq = 0;

  async function invoice(input: {
    country: string;
    netCents: number;
    vatCents: number;
    at: string;
    taxCountry?: string;
    mode?: string;
    nif?: string;
    credit?: { netCents: number; at: string };
  }) {
    const n = ++seq;
    const order = await test.db.order.create({
      data: {
        storeId,
        jumpsellerId: n,
        status: "paid",
        country: input.country,
        nif: input.nif ?? null,
        totalCents: input.netCents + input.vatCents,
        orderedAt: new Date(input.at),
        paidAt: new Date(input.at),
      },
    });
    const rate = input.netCents === 0 ? 0 : Math.round((100 * input.vatCents) / input.netCents);
    const doc = await test.db.document.create({
      data: {
        storeId,
        orderId: order.id,
        invoiceForOrderId: order.id,
        type: "FR",
        vendusId: n,
        number: `FR 01P2026/${n}`,
        mode: input.mode ?? "normal",
        issuedAt: new Date(input.at),
        amountNetCents: input.netCents,
        amountGrossCents: input.netCents + input.vatCents,
        externalReference: `js-${n}`,
        txId: `tx-${n}`,
        lines: [],
        taxes: [
          {
            rate,
            baseCents: input.netCents,
            vatCents: input.vatCents,
            ...(input.taxCountry ? { country: input.taxCountry } : {}),
          },
        ],
      },
    });
    if (input.credit) {
      await test.db.document.create({
        data: {
          storeId,
          orderId: order.id,
          creditsId: doc.id,
          type: "NC",
          vendusId: 10_000 + n,
          number: `NC 01P2026/${n}`,
          issuedAt: new Date(input.credit.at),
          amountNetCents: input.credit.netCents,
          amountGrossCents: Math.round(input.credit.netCents * (1 + rate / 100)),
          externalReference: `js-${n}-nc`,
          txId: `tx-${n}-nc`,
          lines: [{ taxRate: rate, lineGrossCents: Math.round(input.credit.netCents * (1 + rate / 100)) }],
          taxes: [],
        },
      });
    }
  }

  beforeAll(async () => {
    test = await createTestDatabase();
    storeId = (await test.db.store.create({ data: { code: "loja-do-mar", name: "Loja do Mar", oss: false } })).id;
    const row = await test.db.user.create({
      data: { email: "ana@example.pt", name: "Ana", passwordHash: "x", role: "accountant", allStores: true },
    });
    user = { ...row, locale: "pt-PT" };
    // One invoice a case, each written out in full (alike in shape on purpose).
    // Counted in 2026: a consumer in Spain with Portuguese VAT (under the threshold), partly credited; a
    // consumer in France with French VAT (OSS); New Year's Eve in Lisbon is still 2025.
    await invoice({ country: "ES", netCents: 300_000, vatCents: 69_000, at: "2026-02-10T10:00:00Z" });
    await invoice({
      country: "ES",
      netCents: 200_000,
      vatCents: 46_000,
      at: "2026-03-05T10:00:00Z",
      credit: { netCents: 50_000, at: "2026-03-20T10:00:00Z" },
    });
    await invoice({ country: "FR", netCents: 150_000, vatCents: 30_000, at: "2026-04-01T10:00:00Z", taxCountry: "FR" });
    // Not counted: Portugal, an exempt B2B sale to Germany, an export to Switzerland, a test-mode invoice, and
    // Portuguese companies (NIF 5…, or 8… for old sole traders) buying for delivery in Spain with Portuguese VAT:
    // taxable persons, not consumers.
    await invoice({ country: "PT", netCents: 900_000, vatCents: 207_000, at: "2026-02-01T10:00:00Z" });
    await invoice({ country: "DE", netCents: 400_000, vatCents: 0, at: "2026-02-02T10:00:00Z" });
    await invoice({ country: "CH", netCents: 400_000, vatCents: 0, at: "2026-02-03T10:00:00Z" });
    await invoice({
      country: "ES",
      netCents: 700_000,
      vatCents: 161_000,
      at: "2026-02-11T10:00:00Z",
      nif: "503504564",
    });
    await invoice({
      country: "ES",
      netCents: 100_000,
      vatCents: 23_000,
      at: "2026-02-12T10:00:00Z",
      nif: "PT800000005",
    });
    await invoice({ country: "IT", netCents: 400_000, vatCents: 88_000, at: "2026-02-04T10:00:00Z", mode: "tests" });
    // 2025: Italy, on 31 December 23:30 in Lisbon (UTC).
    await invoice({ country: "IT", netCents: 120_000, vatCents: 27_600, at: "2025-12-31T23:30:00Z" });
  }, 120_000);
  afterAll(async () => test?.drop());

  it("sums the year's distance sales to consumers, net of credit notes, per store and country", async () => {
    const [row] = await listOssThreshold(test.db, user, 2026);
    // 3,000.00 + 2,000.00 − 500.00 (ES) + 1,500.00 (FR) = 6,000.00
    expect(row).toMatchObject({
      year: 2026,
      yearCents: 600_000,
      previousYearCents: 120_000,
      countries: [
        { country: "ES", netCents: 450_000 },
        { country: "FR", netCents: 150_000 },
      ],
      level: "under",
      alert: false,
    });
  });

  it("warns at 80 % and alerts once crossed while OSS is off, not when it is on", async () => {
    await invoice({ country: "NL", netCents: 200_000, vatCents: 46_000, at: "2026-05-01T10:00:00Z" });
    let [row] = await listOssThreshold(test.db, user, 2026);
    expect(row).toMatchObject({ yearCents: 800_000, level: "warning", alert: false });

    await invoice({ country: "NL", netCents: 200_001, vatCents: 46_000, at: "2026-06-01T10:00:00Z" });
    [row] = await listOssThreshold(test.db, user, 2026);
    expect(row).toMatchObject({ yearCents: 1_000_001, level: "crossed", alert: true });

    await test.db.store.update({ where: { id: storeId }, data: { oss: true } });
    [row] = await listOssThreshold(test.db, user, 2026);
    expect(row).toMatchObject({ level: "crossed", alert: false });
    // The rollup equals a recount of the documents that count.
    const rollup = await test.db.distanceSales.aggregate({ where: { storeId, year: 2026 }, _sum: { documents: true } });
    expect(rollup._sum.documents).toBe(6);
  });
});
