// invoice-order end to end: webhook → ingest → Inngest stand-in → serve() → Vendus and Jumpseller
// simulators. "Exactly one document" is asserted on what the Vendus simulator holds.
import { describe, expect, it } from "vitest";
import { GET as getPdf } from "@/app/api/documents/[documentId]/pdf/route";
import { signedPdfPath } from "@/lib/pipeline/pdf-link";
import { saveStoreSettings } from "@/lib/stores";
import {
  paidOrderWithLostWebhooks,
  placePaidOrder,
  replayDelivery,
  useHarness,
  vendusCallsFor,
  vendusDocumentsFor,
} from "./harness";

describe("invoice-order", () => {
  const h = useHarness();

  it("turns a paid order into one document with one Vendus call, attached to the Jumpseller order", async () => {
    const order = placePaidOrder(h);
    await h.settle();

    const docs = vendusDocumentsFor(h, order.id);
    expect(docs).toHaveLength(1);
    // Warm path: the job never POSTed before, so no lookup: the POST is the only call.
    expect(vendusCallsFor(h, order.id).map((r) => r.method)).toEqual(["POST"]);
    const job = await h.db.job.findFirstOrThrow({ where: { subject: String(order.id) } });
    expect(job).toMatchObject({ status: "succeeded", kind: "invoice_order", lastErrorMessage: null });
    const doc = await h.db.document.findFirstOrThrow({ where: { vendusId: docs[0]!.id }, include: { order: true } });
    expect(doc).toMatchObject({
      number: docs[0]!.number,
      type: "FR",
      atcud: docs[0]!.atcud,
      invoiceForOrderId: doc.orderId,
    });
    expect(doc.lines).toMatchObject([{ row: 1, reference: "CAN-01", qty: 2 }]);
    expect(doc.order?.invoiceState).toBe("invoiced");
    const attached = h.control.documents(order.id);
    expect(attached).toHaveLength(1);
    expect(attached[0]).toMatchObject({ document_type: 1, external_id: String(doc.vendusId), public_id: doc.number });
    expect(attached[0]!.url).toMatch(new RegExp(`^http://ponte.test/api/documents/${doc.id}/pdf\\?exp=\\d+&sig=`));
    expect(
      h.control
        .history(order.id)
        .map((e) => e.message)
        .join("\n"),
    ).toContain(doc.number);
  });

  it("issues the next invoice with the store's settings as changed since the last one", async () => {
    // The runs reuse a store's settings and clients while the store's rows are unchanged: a change is seen.
    const before = placePaidOrder(h);
    await h.settle();
    const saved = await saveStoreSettings(h.db, h.storeId, { documentType: "FT" }, { actorId: null });
    expect(saved).toMatchObject({ ok: true });
    const after = placePaidOrder(h);
    await h.settle();

    expect(vendusDocumentsFor(h, before.id).map((d) => d.type)).toEqual(["FR"]);
    expect(vendusDocumentsFor(h, after.id).map((d) => d.type)).toEqual(["FT"]);
    await saveStoreSettings(h.db, h.storeId, { documentType: "FR" }, { actorId: null });
  });

  it("issues one document and keeps one job when the same order_paid arrives 10 times at once", async () => {
    const order = await paidOrderWithLostWebhooks(h);
    expect(await h.db.job.count({ where: { subject: String(order.id) } })).toBe(0);
    const lost = h.control
      .deliveries()
      .find((d) => d.suppressed && d.event === "order_paid" && JSON.parse(d.body).order.id === order.id);
    expect(lost).toBeDefined();

    const answers = await replayDelivery(h, lost!, 10);
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    expect(answers.filter((a) => a.body.duplicate === false)).toHaveLength(1);
    await h.settle();

    expect(vendusDocumentsFor(h, order.id)).toHaveLength(1);
    expect(await h.db.job.count({ where: { subject: String(order.id) } })).toBe(1);
    expect(await h.db.document.count({ where: { order: { jumpsellerId: order.id } } })).toBe(1);
    expect((await h.db.webhookDelivery.findFirstOrThrow({ where: { resourceId: String(order.id) } })).duplicates).toBe(
      9,
    );
    expect(h.control.documents(order.id)).toHaveLength(1);
  });

  it("retries after Vendus answers 500 twice, and issues one document", async () => {
    h.vendus.control.failNext({ count: 2, status: 500, method: "POST", pathPrefix: "/documents/" });
    const order = placePaidOrder(h);
    await h.settle();

    expect(vendusDocumentsFor(h, order.id)).toHaveLength(1);
    // Each retry looks the document up before it POSTs again.
    expect(vendusCallsFor(h, order.id).map((r) => `${r.method} ${r.status}`)).toEqual([
      "POST 500",
      "GET 404",
      "POST 500",
      "GET 404",
      "POST 201",
    ]);
    expect(await h.db.job.findFirstOrThrow({ where: { subject: String(order.id) } })).toMatchObject({
      status: "succeeded",
    });
  });

  it("finds the document instead of issuing a second one when Vendus committed but the answer timed out", async () => {
    h.vendus.control.loseNextDocumentResponse({ kind: "delay", delayMs: 2_500 });
    const order = placePaidOrder(h);
    await h.settle();

    const docs = vendusDocumentsFor(h, order.id);
    expect(docs).toHaveLength(1);
    // The retry: the lookup by external_reference, then a read of the document found. No second POST.
    expect(vendusCallsFor(h, order.id).map((r) => r.method)).toEqual(["POST", "GET", "GET"]);
    const doc = await h.db.document.findFirstOrThrow({ where: { vendusId: docs[0]!.id } });
    expect(doc).toMatchObject({ number: docs[0]!.number, txId: docs[0]!.tx_id, atcud: docs[0]!.atcud });
    expect(await h.db.job.findFirstOrThrow({ where: { subject: String(order.id) } })).toMatchObject({
      status: "succeeded",
    });
  });

  it("waits for Rate-Limit-Reset after a 429, then issues one document", async () => {
    h.vendus.control.rateLimitBurst({ resetSeconds: 1, count: 1 });
    const started = Date.now();
    const order = placePaidOrder(h);
    await h.settle();

    expect(vendusDocumentsFor(h, order.id)).toHaveLength(1);
    const calls = vendusCallsFor(h, order.id).map((r) => `${r.method} ${r.status}`);
    expect(calls[0]).toBe("POST 429");
    expect(calls.at(-1)).toBe("POST 201");
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    const job = await h.db.job.findFirstOrThrow({ where: { subject: String(order.id) } });
    expect(job).toMatchObject({ status: "succeeded" });
  });

  it("serves the PDF behind the signed link without a session, and refuses a tampered or expired link", async () => {
    const order = placePaidOrder(h);
    await h.settle();
    const link = new URL(h.control.documents(order.id)[0]!.url!);
    const documentId = link.pathname.split("/")[3]!;
    const fetchPdf = (url: URL | string) =>
      getPdf(new Request(new URL(url, "http://ponte.test")), {
        params: Promise.resolve({ documentId: new URL(url, "http://ponte.test").pathname.split("/")[3]! }),
      });

    const ok = await fetchPdf(link);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("application/pdf");
    const bytes = Buffer.from(await ok.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");

    const tamperedSig = new URL(link);
    const sig = link.searchParams.get("sig")!;
    // Flip the first character, so the altered signature always differs from the real one.
    tamperedSig.searchParams.set("sig", `${sig[0] === "A" ? "B" : "A"}${sig.slice(1)}`);
    const tamperedExp = new URL(link);
    tamperedExp.searchParams.set("exp", String(Number(link.searchParams.get("exp")) + 1));
    const otherDocument = new URL(link);
    otherDocument.pathname = otherDocument.pathname.replace(documentId, "someone-elses-document");
    const expired = signedPdfPath(documentId, new Date(Date.now() - 1000));
    for (const url of [tamperedSig, tamperedExp, otherDocument, expired, `/api/documents/${documentId}/pdf`]) {
      const refused = await fetchPdf(url);
      expect(refused.status, String(url)).toBe(403);
    }
  });
});
