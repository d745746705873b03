// An order cancelled while its invoice is on its way ends the same as one cancelled after: with the store's
// automatic credit note, whichever comes first (the cancellation's webhook or the invoice), exactly one credit
// note, both documents on the order, nothing failed. Normal mode: Vendus does not credit test documents.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { interleaveBefore } from "../support/interleave";
import { placePaidOrder, startHarness, type Harness } from "./harness";

describe("credit-note races", () => {
  let h: Harness;
  beforeAll(async () => {
    // interleaveBefore forces each race by intercepting the global fetch.
    h = await startHarness({ settings: { testMode: false, vendusRegisterId: 101 }, globalFetch: true });
    await h.db.store.update({ where: { id: h.storeId }, data: { autoCreditNote: true } });
  });
  afterAll(async () => h?.close());
  afterEach(() => vi.restoreAllMocks());

  /** The order's invoices in Vendus, and the credit notes that credit one of them. */
  function documentsOf(orderId: number) {
    const all = h.vendus.control.documents();
    const invoices = all.filter((d) => d.external_reference === `js-${h.storeCode}-${orderId}`);
    const numbers = invoices.map((d) => d.number);
    const credits = all.filter((d) => d.type === "NC" && numbers.some((n) => JSON.stringify(d.items).includes(n)));
    return [...invoices, ...credits];
  }
  const orderRow = (orderId: number) => h.db.order.findFirstOrThrow({ where: { jumpsellerId: orderId } });

  async function expectCreditedOnce(orderId: number) {
    const issued = documentsOf(orderId).map((d) => d.type);
    expect(issued.sort()).toEqual(["FR", "NC"]);
    expect(await orderRow(orderId)).toMatchObject({ status: "canceled", invoiceState: "credited" });
    expect(
      h.control
        .documents(orderId)
        .map((d) => d.document_type)
        .sort(),
    ).toEqual([0, 1]);
    const jobs = await h.db.job.findMany({ where: { order: { jumpsellerId: orderId } } });
    expect(jobs.map((j) => [j.kind, j.status]).sort()).toEqual([
      ["credit_note", "succeeded"],
      ["invoice_order", "succeeded"],
    ]);
  }

  it("an order cancelled between the invoice's preparation and its POST is credited automatically", async () => {
    const order = placePaidOrder(h, { pay: false });
    const race = interleaveBefore(
      ({ url, method, body }) =>
        method === "POST" &&
        url.href.startsWith(h.vendus.url) &&
        url.pathname.endsWith("/documents/") &&
        body.includes(`"external_reference":"js-${h.storeCode}-${order.id}"`),
      async () => {
        h.control.cancelOrder(order.id);
        // The cancellation is recorded while the invoice is in flight: it finds no invoice to credit.
        await vi.waitFor(async () => expect((await orderRow(order.id)).status).toBe("canceled"), { timeout: 20_000 });
        expect(await h.db.job.count({ where: { kind: "credit_note" } })).toBe(0);
      },
    );
    h.control.payOrder(order.id);
    await h.settle();
    expect(race.happened()).toBe(true);
    await expectCreditedOnce(order.id);
  });

  it("an order cancelled while its invoice is being attached to the shop's order is credited once", async () => {
    const order = placePaidOrder(h, { pay: false });
    const race = interleaveBefore(
      ({ url, method }) =>
        method === "POST" &&
        url.href.startsWith(h.jumpseller.url) &&
        url.pathname.endsWith(`/orders/${order.id}/documents.json`),
      async () => {
        h.control.cancelOrder(order.id);
        await vi.waitFor(
          async () =>
            expect(await h.db.job.count({ where: { kind: "credit_note", order: { jumpsellerId: order.id } } })).toBe(1),
          { timeout: 20_000 },
        );
      },
    );
    h.control.payOrder(order.id);
    await h.settle();
    expect(race.happened()).toBe(true);
    await expectCreditedOnce(order.id);
  });
});
