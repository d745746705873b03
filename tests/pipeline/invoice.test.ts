import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { placePaidOrder, startHarness, type Harness } from "./harness";

describe("invoice-order", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h?.close());

  it("turns a paid order into one document, attached to the Jumpseller order", async () => {
    const order = placePaidOrder(h);
    await h.settle();

    const docs = h.vendus.control.documents().filter((d) => d.external_reference === `js-${h.storeCode}-${order.id}`);
    expect(docs).toHaveLength(1);
    const job = await h.db.job.findFirstOrThrow({ where: { subject: String(order.id) } });
    expect(job).toMatchObject({ status: "succeeded", kind: "invoice_order", lastErrorMessage: null });
    const doc = await h.db.document.findFirstOrThrow({ include: { order: true } });
    expect(doc).toMatchObject({ vendusId: docs[0]!.id, number: docs[0]!.number, type: "FR" });
    expect(doc.order?.invoiceState).toBe("invoiced");
    const attached = h.control.documents(order.id);
    expect(attached).toHaveLength(1);
    expect(attached[0]).toMatchObject({ document_type: 1, external_id: String(doc.vendusId) });
    expect(h.control.history(order.id).map((e) => e.message).join("\n")).toContain(doc.number);
  });
});
