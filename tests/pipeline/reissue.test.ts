// Credit and reissue against the Vendus simulator: the whole invoice credited ("wrong customer data"), a new
// invoice for the same order, both linked; exactly once under double submits, lost answers and retried runs;
// one live invoice per order, held by the database. Normal mode: Vendus does not credit test-mode documents.
import { describe, expect, it } from "vitest";
import { requestCreditAndReissue } from "@/lib/jobs/reissue";
import { retryJob } from "@/lib/jobs/retry";
import { creditNotesOf, invoicedOrder, useHarness } from "./harness";

describe("credit and reissue", () => {
  const h = useHarness({ settings: { testMode: false, vendusRegisterId: 101 } });

  const vendusDocs = (orderId: number) =>
    h.vendus.control.documents().filter((d) => d.external_reference?.startsWith(`js-${h.storeCode}-${orderId}`));

  it("credits the whole invoice and issues one new invoice with the corrected data, linked to both", async () => {
    const { order, invoice } = await invoicedOrder(h);
    // The customer's NIF is corrected at the source; the new invoice must carry it.
    h.control.updateOrder(order.id, { nif: "503504564" });
    h.vendus.control.clearRequests();

    // A double submit: both answer with the same request.
    const [first, second] = await Promise.all([
      requestCreditAndReissue(invoice.id, { requestedBy: null, via: "test" }),
      requestCreditAndReissue(invoice.id, { requestedBy: null, via: "test" }),
    ]);
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(first.jobId).toBe(second.jobId);
    await h.settle();

    // Vendus received one credit note for every line of the invoice, then one new invoice.
    const posts = h.vendus.control.requests({ pathPrefix: "/documents/" }).filter((r) => r.method === "POST");
    expect(posts.map((r) => (r.body as { type: string }).type)).toEqual(["NC", "FR"]);
    const ncBody = posts[0]!.body as {
      items: { qty: number; reference_document: { document_number: string; document_row: number } }[];
      notes?: string;
    };
    const original = h.vendus.control.documents().find((d) => d.id === invoice.vendusId)!;
    expect(ncBody.items.map((i) => i.reference_document)).toEqual(
      original.items.map((_, row) =>
        expect.objectContaining({ document_number: invoice.number, document_row: row + 1 }),
      ),
    );
    expect(ncBody.items.map((i) => i.qty)).toEqual(original.items.map((i) => Number(i.qty)));
    const fr = posts[1]!.body as { external_reference: string; tx_id: string; client?: { fiscal_id?: string } };
    expect(fr.external_reference).toBe(`js-${h.storeCode}-${order.id}-2`);
    expect(fr.client?.fiscal_id).toBe("503504564");
    expect(fr.tx_id).not.toBe(invoice.txId);

    const nc = await h.db.document.findFirstOrThrow({ where: { creditsId: invoice.id } });
    expect(nc).toMatchObject({ type: "NC", amountGrossCents: invoice.amountGrossCents, reason: expect.any(String) });
    expect(creditNotesOf(h, invoice.number)).toHaveLength(1);
    const reissued = await h.db.document.findFirstOrThrow({ where: { replacesId: invoice.id } });
    expect(reissued).toMatchObject({
      type: "FR",
      orderId: invoice.orderId,
      invoiceForOrderId: invoice.orderId,
      afterCreditNoteId: nc.id,
      externalReference: `js-${h.storeCode}-${order.id}-2`,
      amountGrossCents: invoice.amountGrossCents,
    });
    expect(await h.db.document.findUniqueOrThrow({ where: { id: invoice.id } })).toMatchObject({
      invoiceForOrderId: null,
      creditedAt: expect.any(Date),
    });
    expect(await h.db.order.findUniqueOrThrow({ where: { id: invoice.orderId! } })).toMatchObject({
      invoiceState: "invoiced",
    });
    // Jumpseller's order carries the invoice, the credit note and the new invoice.
    expect(h.control.documents(order.id)).toHaveLength(3);
    const audit = await h.db.auditEvent.findMany({ where: { storeId: h.storeId }, orderBy: { at: "asc" } });
    expect(audit.map((e) => e.action)).toEqual(
      expect.arrayContaining(["invoice.reissue_requested", "credit_note.issued", "document.issued"]),
    );

    // Asking again for the replaced invoice answers with the first request; retried runs issue nothing more.
    expect(await requestCreditAndReissue(invoice.id, { requestedBy: null })).toMatchObject({
      ok: true,
      jobId: first.jobId,
      repeated: true,
    });
    const jobs = await h.db.job.findMany({ where: { subject: `reissue:${invoice.id}` } });
    expect(jobs.map((j) => [j.kind, j.status]).sort()).toEqual([
      ["credit_note", "succeeded"],
      ["invoice_order", "succeeded"],
    ]);
    for (const job of jobs) {
      await h.db.job.update({ where: { id: job.id }, data: { status: "failed" } });
      expect(await retryJob({ jobId: job.id, requestedBy: null })).toMatchObject({ ok: true });
    }
    await h.settle();
    expect(vendusDocs(order.id)).toHaveLength(2);
    expect(creditNotesOf(h, invoice.number)).toHaveLength(1);
    expect(await h.db.document.count({ where: { orderId: invoice.orderId } })).toBe(3);
  });

  it("stays exactly once when Vendus's answers to the credit note and the new invoice are lost", async () => {
    const { order, invoice } = await invoicedOrder(h);
    h.vendus.control.loseNextDocumentResponse({ kind: "delay", delayMs: 2_500, count: 2 });
    const asked = await requestCreditAndReissue(invoice.id, { requestedBy: null });
    expect(asked.ok).toBe(true);
    await h.settle();

    expect(creditNotesOf(h, invoice.number)).toHaveLength(1);
    expect(vendusDocs(order.id).map((d) => d.external_reference)).toEqual([
      `js-${h.storeCode}-${order.id}`,
      `js-${h.storeCode}-${order.id}-2`,
    ]);
    const reissued = await h.db.document.findFirstOrThrow({ where: { replacesId: invoice.id } });
    expect(reissued.invoiceForOrderId).toBe(invoice.orderId);
  });

  it("keeps one live invoice per order: no second replacement, no new invoice until the live one is credited", async () => {
    const { invoice } = await invoicedOrder(h);
    const asked = await requestCreditAndReissue(invoice.id, { requestedBy: null });
    expect(asked.ok).toBe(true);
    await h.settle();
    const second = await h.db.document.findFirstOrThrow({ where: { replacesId: invoice.id } });
    const nc = await h.db.document.findFirstOrThrow({ where: { creditsId: invoice.id } });

    // A credit note cannot be reissued, nor a test-mode invoice.
    expect(await requestCreditAndReissue(nc.id, { requestedBy: null })).toEqual({
      ok: false,
      error: "not_an_invoice",
    });
    // The database refuses a third invoice while the second is live, and a second replacement of the first.
    const row = {
      storeId: h.storeId,
      orderId: invoice.orderId,
      type: "FR" as const,
      vendusId: 999_001,
      number: "FR 999/1",
      issuedAt: new Date(),
      amountGrossCents: 100,
      amountNetCents: 81,
      externalReference: "manual",
      lines: [],
      taxes: [],
    };
    await expect(
      h.db.document.create({ data: { ...row, txId: "manual-1", invoiceForOrderId: invoice.orderId } }),
    ).rejects.toThrow();
    await expect(
      h.db.document.create({
        data: { ...row, txId: "manual-2", vendusId: 999_002, replacesId: second.id, afterCreditNoteId: nc.id },
      }),
    ).rejects.toThrow(/not a fully credited invoice/);
    await expect(h.db.document.update({ where: { id: second.id }, data: { creditedAt: new Date() } })).rejects.toThrow(
      /cannot be the live invoice/,
    );

    // Once the second invoice is credited and reissued, there is a third, and still one live.
    const again = await requestCreditAndReissue(second.id, { requestedBy: null });
    expect(again.ok).toBe(true);
    await h.settle();
    const third = await h.db.document.findFirstOrThrow({ where: { replacesId: second.id } });
    expect(third.externalReference).toMatch(/-3$/);
    expect(await h.db.document.count({ where: { invoiceForOrderId: invoice.orderId } })).toBe(1);
  });
});
