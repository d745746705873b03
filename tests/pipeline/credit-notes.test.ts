// Cancelled orders and credit notes: suggested, requested (CLI), automatic, partial. Normal mode: Vendus does
// not credit test-mode documents.
import { describe, expect, it } from "vitest";
import { runCli } from "@/scripts/ponte";
import { creditNotesOf, invoicedOrder, useHarness, vendusDocumentsFor } from "./harness";

describe("credit notes", () => {
  const h = useHarness({ settings: { testMode: false, vendusRegisterId: 101 } });

  it("suggests a credit note when an invoiced order is cancelled, then issues it when asked", async () => {
    const { order, invoice } = await invoicedOrder(h);
    h.control.cancelOrder(order.id);
    await h.settle();
    expect(await h.db.order.findFirstOrThrow({ where: { jumpsellerId: order.id } })).toMatchObject({
      status: "canceled",
      invoiceState: "credit_note_suggested",
    });
    expect(await h.db.job.count({ where: { kind: "credit_note" } })).toBe(0);
    expect(creditNotesOf(h, invoice.number)).toHaveLength(0);

    const code = await runCli(
      ["creditnote:issue", "--document", invoice.id, "--reason", "order_cancelled"],
      () => undefined,
    );
    expect(code).toBe(0);
    await h.settle();
    const nc = await h.db.document.findFirstOrThrow({ where: { creditsId: invoice.id } });
    expect(nc).toMatchObject({
      type: "NC",
      orderId: invoice.orderId,
      amountGrossCents: invoice.amountGrossCents,
      reason: "Encomenda cancelada",
    });
    expect(creditNotesOf(h, invoice.number)).toHaveLength(1);
    expect(await h.db.order.findFirstOrThrow({ where: { jumpsellerId: order.id } })).toMatchObject({
      invoiceState: "credited",
    });
    expect(h.control.documents(order.id).map((d) => d.document_type)).toEqual([1, 0]);
  });

  it("issues the credit note automatically when the store asks for it", async () => {
    await h.db.store.update({ where: { id: h.storeId }, data: { autoCreditNote: true } });
    const { order, invoice } = await invoicedOrder(h);
    h.control.cancelOrder(order.id);
    await h.settle();

    const job = await h.db.job.findFirstOrThrow({ where: { kind: "credit_note", subject: { startsWith: "cancel:" } } });
    expect(job).toMatchObject({ status: "succeeded" });
    expect(creditNotesOf(h, invoice.number)).toHaveLength(1);
    expect(await h.db.order.findFirstOrThrow({ where: { jumpsellerId: order.id } })).toMatchObject({
      invoiceState: "credited",
    });
    expect(h.control.documents(order.id).find((d) => d.document_type === 0)).toBeDefined();
    await h.db.store.update({ where: { id: h.storeId }, data: { autoCreditNote: false } });
  });

  it("credits part of an invoice, leaving the rest creditable", async () => {
    const { order, invoice } = await invoicedOrder(h);
    expect(vendusDocumentsFor(h, order.id)).toHaveLength(1);
    const code = await runCli(
      ["creditnote:issue", "--document", invoice.id, "--reason", "returned_goods", "--line", "1:1"],
      () => undefined,
    );
    expect(code).toBe(0);
    await h.settle();
    const nc = await h.db.document.findFirstOrThrow({ where: { creditsId: invoice.id } });
    expect(nc.amountGrossCents).toBe(invoice.amountGrossCents / 2);
    expect(await h.db.order.findFirstOrThrow({ where: { jumpsellerId: order.id } })).toMatchObject({
      invoiceState: "invoiced",
    });
    const detail = h.vendus.control.documents().find((d) => d.id === invoice.vendusId)!;
    expect(detail.items[0]).toMatchObject({ qty_nc: expect.anything() });
    expect(Number(detail.items[0]!.qty_nc)).toBe(1);
  });
});
