// Correct and retry, and credit and reissue, from the dashboard's actions against the Vendus simulator: the
// correction is stored in Ponte (the order's own values kept), checked as the engine checks, audited, used by
// the pipeline, and followed by a retry; a merchant corrects only their own store's orders.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/access";
import { settledOrder, type Harness } from "./harness";
import { startStoreWithPeople } from "./store-people";

let currentUser: SessionUser | null = null;
vi.mock("@/lib/auth", () => ({ getSessionUser: async () => currentUser }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { correctOrder, creditAndReissue } = await import("@/lib/actions/corrections");

describe("correct and retry", () => {
  let h: Harness;
  let merchant: SessionUser, stranger: SessionUser, accountant: SessionUser;
  beforeAll(async () => {
    ({ h, merchant, stranger, accountant } = await startStoreWithPeople());
  });
  afterAll(async () => h?.close());

  const vendusInvoicesOf = (orderId: number) =>
    h.vendus.control.documents().filter((d) => d.external_reference?.startsWith(`js-${h.storeCode}-${orderId}`));

  async function failedOrder(nif: string) {
    const { order, row } = await settledOrder(h, { nif });
    const job = await h.db.job.findFirstOrThrow({ where: { orderId: row.id, kind: "invoice_order" } });
    expect(job).toMatchObject({ status: "failed", lastErrorCode: "invalid_nif" });
    expect(vendusInvoicesOf(order.id)).toHaveLength(0);
    return { order, row, job };
  }

  it("issues one document with the NIF corrected in Ponte, keeping the original, audited", async () => {
    const { order, row, job } = await failedOrder("123456780");

    currentUser = stranger;
    expect(await correctOrder({ orderId: row.id, taxId: "503504564", retry: true })).toEqual({ error: "not_found" });
    currentUser = merchant;
    expect(await correctOrder({ orderId: row.id, taxId: "123 456 788", retry: true })).toEqual({
      error: "invalid",
      fields: { taxId: "invalid_nif" },
    });
    expect(await h.db.orderCorrection.count()).toBe(0);

    expect(await correctOrder({ orderId: row.id, taxId: "503 504 564", retry: true })).toEqual({
      ok: true,
      retried: true,
    });
    await h.settle();

    const docs = vendusInvoicesOf(order.id);
    expect(docs).toHaveLength(1);
    expect(docs[0]!.client?.fiscal_id).toBe("503504564");
    expect(await h.db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "succeeded" });
    // The Jumpseller order and Ponte's copy of it keep the customer's value; the correction keeps it too.
    expect(await h.db.order.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      nif: "123456780",
      invoiceState: "invoiced",
    });
    expect(await h.db.orderCorrection.findUniqueOrThrow({ where: { orderId: row.id } })).toMatchObject({
      taxId: "503504564",
      original: expect.objectContaining({ taxId: "123456780" }),
      updatedById: merchant.id,
    });
    const audit = await h.db.auditEvent.findMany({ where: { actorId: merchant.id }, orderBy: { at: "asc" } });
    expect(audit.map((e) => [e.action, e.targetId])).toEqual([
      ["order.corrected", row.id],
      ["job.retried", job.id],
    ]);
  });

  it("issues to Consumidor final when asked, without a NIF", async () => {
    const { order, row } = await failedOrder("987654320");
    currentUser = merchant;
    expect(await correctOrder({ orderId: row.id, consumidorFinal: true, retry: true })).toEqual({
      ok: true,
      retried: true,
    });
    await h.settle();
    const docs = vendusInvoicesOf(order.id);
    expect(docs).toHaveLength(1);
    expect(docs[0]!.client?.fiscal_id || null).toBeNull();
    const posted = h.vendus.control
      .requests({ pathPrefix: "/documents/" })
      .find(
        (r) =>
          r.method === "POST" &&
          (r.body as { external_reference?: string }).external_reference === `js-${h.storeCode}-${order.id}`,
      );
    expect((posted!.body as { client?: { fiscal_id?: string } }).client?.fiscal_id).toBeUndefined();
  });

  it("credits and reissues an issued invoice with the corrected NIF, once, for an accountant only", async () => {
    const { order, row } = await settledOrder(h, { nif: "123456789" });
    const invoice = await h.db.document.findFirstOrThrow({ where: { orderId: row.id, type: "FR" } });

    currentUser = accountant;
    expect(await correctOrder({ orderId: row.id, taxId: "503504564" })).toEqual({ ok: true, retried: false });
    currentUser = merchant;
    expect(await creditAndReissue(invoice.id, invoice.number)).toEqual({ error: "forbidden" });
    currentUser = accountant;
    const [a, b] = await Promise.all([
      creditAndReissue(invoice.id, invoice.number),
      creditAndReissue(invoice.id, invoice.number),
    ]);
    expect(a && "ok" in a && b && "ok" in b && a.jobId === b.jobId).toBe(true);
    await h.settle();

    const docs = vendusInvoicesOf(order.id);
    expect(docs.map((d) => [d.external_reference, d.client?.fiscal_id])).toEqual([
      [`js-${h.storeCode}-${order.id}`, "123456789"],
      [`js-${h.storeCode}-${order.id}-2`, "503504564"],
    ]);
    const nc = await h.db.document.findFirstOrThrow({ where: { creditsId: invoice.id } });
    expect(await h.db.document.findFirstOrThrow({ where: { replacesId: invoice.id } })).toMatchObject({
      afterCreditNoteId: nc.id,
      invoiceForOrderId: row.id,
    });
    expect(await creditAndReissue(invoice.id, invoice.number)).toMatchObject({ ok: true, repeated: true });
    await h.settle();
    expect(vendusInvoicesOf(order.id)).toHaveLength(2);
  });
});
