// The month close against the simulators: a month with each kind of difference, and a clean one. The report
// is built by the real Inngest function (through the stand-in) from what Jumpseller and Vendus answer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/access";
import { lisbonDay } from "@/lib/lisbon-time";
import { requestMonthCloses } from "@/lib/month-close/request";
import { monthOf } from "@/lib/month-close/period";
import type { MonthReport } from "@/lib/month-close/types";
import { createVendusClient } from "@/lib/vendus/client";
import { runCli } from "@/scripts/ponte";
import { DEFAULT_SIMULATOR_API_KEY } from "@/simulators/vendus";
import { placePaidOrder, startHarness, type Harness } from "../pipeline/harness";

describe("month close", () => {
  let h: Harness;
  let admin: SessionUser;
  const now = new Date();
  const thisMonth = monthOf(now);
  const lastMonth =
    thisMonth.month === 1 ? { year: thisMonth.year - 1, month: 12 } : { ...thisMonth, month: thisMonth.month - 1 };
  const orders = { lateInvoice: 0, clean: 0, withoutInvoice: 0, mismatch: 0, cancelled: 0, credited: 0 };
  let manualNumber = "";

  beforeAll(async () => {
    h = await startHarness({ settings: { testMode: false, vendusRegisterId: 101 } });
    const user = await h.db.user.create({
      data: {
        email: "contabilista@example.com",
        name: "Contabilista",
        passwordHash: "x",
        role: "accountant",
        allStores: true,
      },
    });
    admin = { ...user, locale: "pt-PT" };

    // Paid on the 15th of last month, invoiced now: allowed, shown for information in last month's close.
    h.control.setTime(new Date(Date.UTC(lastMonth.year, lastMonth.month - 1, 15, 12)));
    orders.lateInvoice = placePaidOrder(h).id;
    await h.settle();
    h.control.setTime(null);

    orders.clean = placePaidOrder(h).id;
    await h.settle();

    // Paid, but both deliveries were lost: no invoice.
    const unpaid = placePaidOrder(h, { pay: false });
    h.control.suppressWebhooks(1, "order_paid");
    h.control.suppressWebhooks(1, "order_updated");
    h.control.payOrder(unpaid.id);
    orders.withoutInvoice = unpaid.id;
    await h.settle();

    // Invoiced at 24.60 €, but the shop now says 30.00 € was paid.
    orders.mismatch = placePaidOrder(h).id;
    await h.settle();
    h.control.updateOrder(orders.mismatch, { overrides: { total: 30 } });
    await h.settle();

    // Invoiced, then cancelled: a credit note is only suggested.
    orders.cancelled = placePaidOrder(h).id;
    await h.settle();
    h.control.cancelOrder(orders.cancelled);
    await h.settle();

    // Invoiced, cancelled and credited.
    orders.credited = placePaidOrder(h).id;
    await h.settle();
    h.control.cancelOrder(orders.credited);
    await h.settle();
    const invoice = await h.db.document.findFirstOrThrow({ where: { order: { jumpsellerId: orders.credited } } });
    expect(
      await runCli(["creditnote:issue", "--document", invoice.id, "--reason", "order_cancelled"], () => undefined),
    ).toBe(0);
    await h.settle();

    // Issued by hand in Vendus: 12.30 € at 23 %.
    const vendus = createVendusClient({ apiKey: DEFAULT_SIMULATOR_API_KEY, baseUrl: h.vendus.url });
    const manual = await vendus.createDocument({
      register_id: 101,
      type: "FT",
      mode: "normal",
      external_reference: "balcao-1",
      tx_id: "balcao-1",
      items: [{ reference: "MAN-01", title: "Serviço ao balcão", qty: 1, gross_price: 12.3, tax_id: "NOR" }],
    });
    manualNumber = manual.number;
  }, 120_000);
  afterAll(async () => h?.close());

  async function closeMonth(period: { year: number; month: number }) {
    const result = await requestMonthCloses(h.db, admin, period);
    expect(result).toMatchObject({ requested: [h.storeId] });
    await h.settle();
    return h.db.monthClose.findUniqueOrThrow({
      where: { storeId_year_month: { storeId: h.storeId, ...period } },
    });
  }

  it("finds each difference of a month and says the store needs attention", async () => {
    const close = await closeMonth(thisMonth);
    expect(close).toMatchObject({ run: "done", progress: 100, outcome: "needs_attention", error: null });
    expect(close.checkedAt).toBeInstanceOf(Date);
    const report = close.report as unknown as MonthReport;
    const ids = await h.db.order.findMany({ select: { id: true, jumpsellerId: true } });
    const orderId = (jumpsellerId: number) => ids.find((o) => o.jumpsellerId === jumpsellerId)!.id;

    // Paid in the month and still paid: clean, without invoice, mismatch (30.00 €).
    expect(report.jumpseller).toEqual({ paidCount: 3, paidCents: 2460 + 2460 + 3000 });
    // Ponte's five invoices of the month (late, clean, mismatch, cancelled, credited) and the manual one.
    expect(report.vendus.invoices).toEqual({
      count: 6,
      netCents: 5 * 2000 + 1000,
      grossCents: 5 * 2460 + 1230,
      vat: [{ rate: 23, country: null, baseCents: 11000, vatCents: 2530 }],
    });
    expect(report.vendus.creditNotes).toEqual({
      count: 1,
      netCents: 2000,
      grossCents: 2460,
      vat: [{ rate: 23, country: null, baseCents: 2000, vatCents: 460 }],
    });
    expect(report.vatUnknownDocuments).toBe(0);

    const d = report.differences;
    expect(d.withoutInvoice.count).toBe(1);
    expect(d.withoutInvoice.items[0]).toMatchObject({
      jumpsellerId: orders.withoutInvoice,
      orderId: null,
      paidCents: 2460,
      deadlineState: "ok",
      workingDaysLeft: 5,
    });
    expect(d.withoutInvoice.items[0]!.deadline > lisbonDay(now)).toBe(true);

    const mismatchDoc = await h.db.document.findFirstOrThrow({ where: { order: { jumpsellerId: orders.mismatch } } });
    expect(d.grossMismatch).toEqual({
      count: 1,
      items: [
        {
          jumpsellerId: orders.mismatch,
          orderId: orderId(orders.mismatch),
          documentId: mismatchDoc.id,
          number: mismatchDoc.number,
          paidCents: 3000,
          grossCents: 2460,
        },
      ],
    });

    const cancelledDoc = await h.db.document.findFirstOrThrow({
      where: { order: { jumpsellerId: orders.cancelled }, type: "FR" },
    });
    expect(d.cancelledNotCredited).toEqual({
      count: 1,
      items: [
        {
          jumpsellerId: orders.cancelled,
          orderId: orderId(orders.cancelled),
          documentId: cancelledDoc.id,
          number: cancelledDoc.number,
          grossCents: 2460,
        },
      ],
    });

    expect(d.outsidePonte.count).toBe(1);
    expect(d.outsidePonte.items[0]).toMatchObject({ type: "FT", number: manualNumber, grossCents: 1230 });
    expect(d.invoicedNextMonth.count).toBe(0);
  });

  it("calls last month ready, showing the order paid then and invoiced now for information", async () => {
    const close = await closeMonth(lastMonth);
    expect(close).toMatchObject({ run: "done", outcome: "ready" });
    const report = close.report as unknown as MonthReport;
    expect(report.jumpseller).toEqual({ paidCount: 1, paidCents: 2460 });
    expect(report.vendus.invoices).toEqual({ count: 0, netCents: 0, grossCents: 0, vat: [] });
    const late = await h.db.document.findFirstOrThrow({ where: { order: { jumpsellerId: orders.lateInvoice } } });
    expect(report.differences.invoicedNextMonth.items).toEqual([
      expect.objectContaining({ jumpsellerId: orders.lateInvoice, documentId: late.id, number: late.number }),
    ]);
    for (const name of ["withoutInvoice", "grossMismatch", "cancelledNotCredited", "outsidePonte"] as const) {
      expect(report.differences[name].count).toBe(0);
    }
  });

  it("shows the same report from the CLI, and rebuilds it with --refresh", async () => {
    const month = `${thisMonth.year}-${String(thisMonth.month).padStart(2, "0")}`;
    const lines: string[] = [];
    expect(await runCli(["month:close", "--month", month, "--details"], (line) => lines.push(line))).toBe(0);
    const [header, row] = lines;
    expect(header).toMatch(/^store\s+status\s+run\s+checked\s+paid\s+invoices\s+credit_notes\s+without_invoice/);
    expect(row).toContain(h.storeCode);
    expect(row).toContain("needs_attention");
    expect(row).toMatch(/6 135,30\s€/);
    const details = lines.slice(2).join("\n");
    expect(details).toContain(`without invoice      #${orders.withoutInvoice}  24,60\u00a0€`);
    expect(details).toContain(`total differs        #${orders.mismatch}`);
    expect(details).toContain(`outside Ponte        ${manualNumber}`);

    const refreshed: string[] = [];
    expect(await runCli(["month:close", "--month", month, "--refresh"], (line) => refreshed.push(line))).toBe(0);
    expect(refreshed).toEqual([`${month}: 1 report(s) requested, 0 already running, 0 store(s) without a Vendus key.`]);
    await h.settle();
    const close = await h.db.monthClose.findUniqueOrThrow({
      where: { storeId_year_month: { storeId: h.storeId, ...thisMonth } },
    });
    expect(close).toMatchObject({ run: "done", outcome: "needs_attention", requestedById: null });
  });

  it("does not start a second run while one is queued, and merchants cannot refresh", async () => {
    await h.db.monthClose.updateMany({ data: { run: "running", requestedAt: new Date() } });
    expect(await requestMonthCloses(h.db, admin, thisMonth, { send: async () => undefined })).toEqual({
      requested: [],
      running: [h.storeId],
      notConnected: [],
    });
    expect(await requestMonthCloses(h.db, { ...admin, role: "merchant" }, thisMonth)).toEqual({ error: "forbidden" });
  });
});
