// Vendus's answers are written out field by field on purpose: the literals are what the client must read.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { lisbonDay } from "@/lib/lisbon-time";
import { startVendusSimulator } from "@/simulators/vendus";
import { sampleInvoice } from "@/simulators/vendus/testing";
import { createVendusClient } from "./client";

const sim = await startVendusSimulator();
const options = { apiKey: sim.apiKeys[0]!, baseUrl: sim.url, retryDelayMs: 0 };
const vendus = createVendusClient(options);
afterAll(() => sim.close());
beforeEach(() => sim.control.reset());

const today = lisbonDay(new Date());
const year = today.slice(0, 4);

/** A fetch that answers every call with this JSON (for shapes the simulator does not produce). */
function answering(status: number, body: unknown, headers: Record<string, string> = {}): typeof fetch {
  return async () =>
    new Response(typeof body === "string" ? body : JSON.stringify(body), {
      status,
      headers: { "Content-Type": "application/json", ...headers },
    });
}

describe("Vendus client: documents", () => {
  it("issues a document and returns its number, fiscal fields and totals in cents", async () => {
    const issued = await vendus.createDocument(
      sampleInvoice({ external_reference: "order-1", client: { fiscal_id: "234567899", name: "Maria" } }),
    );
    expect(issued).toMatchObject({
      id: 50001,
      type: "FR",
      number: `FR 01P${year}/1`,
      date: today,
      amountGrossCents: 1230,
      amountNetCents: 1000,
    });
    expect(issued.atcud).toMatch(/^[A-Z]{8}-1$/);
    expect(issued.hash).toHaveLength(44);
    expect(issued.qrcodeData).toMatch(/^A:509100015\*B:234567899\*C:PT\*D:FR\*E:N\*/);
    expect(issued.systemTime).toMatch(new RegExp(`^${today} \\d{2}:\\d{2}:\\d{2}$`));
    expect(sim.control.requests()[0]).toMatchObject({
      method: "POST",
      path: "/documents/",
      contentType: "application/json",
    });
  });

  it("reads the detail back: lines with qty and qty_nc, taxes, status, client", async () => {
    const { id } = await vendus.createDocument({
      ...sampleInvoice({ type: "FT", payments: [], external_reference: "order-2" }),
      client: { fiscal_id: "514123451", name: "Atelier Norte, Lda." },
      items: [
        { reference: "A", title: "Casaco", qty: 2, gross_price: 49.9, discount_percentage: 10, tax_id: "NOR" },
        { reference: "B", title: "Guia", qty: 1, gross_price: 18, tax_id: "RED" },
      ],
    });
    const detail = await vendus.getDocument(id, { mode: "normal" });
    expect(detail).toMatchObject({
      id,
      type: "FT",
      status: "N",
      externalReference: "order-2",
      registerId: 101,
      amountGrossCents: 10782,
      amountNetCents: 9000,
      client: { id: 2001, fiscalId: "514123451", name: "Atelier Norte, Lda.", country: "PT" },
      payments: [],
      relatedDocs: [],
    });
    expect(detail.items).toEqual([
      {
        productId: 1001,
        reference: "A",
        title: "Casaco",
        qty: 2,
        qtyNc: 2,
        amounts: { netUnitCents: 4057, netTotalCents: 7302, grossUnitCents: 4990, grossTotalCents: 8982 },
        tax: { id: "NOR", rate: 23, exemption: null, exemptionLaw: null },
      },
      {
        productId: 1002,
        reference: "B",
        title: "Guia",
        qty: 1,
        qtyNc: 1,
        amounts: { netUnitCents: 1698, netTotalCents: 1698, grossUnitCents: 1800, grossTotalCents: 1800 },
        tax: { id: "RED", rate: 6, exemption: null, exemptionLaw: null },
      },
    ]);
    expect(detail.taxes).toEqual([
      { rate: 23, baseCents: 7302, amountCents: 1680, totalCents: 8982 },
      { rate: 6, baseCents: 1698, amountCents: 102, totalCents: 1800 },
    ]);
  });

  it("finds test-mode documents only when asked for mode tests", async () => {
    const { id } = await vendus.createDocument(sampleInvoice({ mode: "tests", register_id: 102 }));
    await expect(vendus.getDocument(id, { mode: "normal" })).rejects.toMatchObject({ kind: "not_found", status: 404 });
    await expect(vendus.getDocument(id, { mode: "tests" })).resolves.toMatchObject({ id, number: `FR T02P${year}/1` });
    expect(sim.control.requests({ method: "GET" }).map((r) => r.query)).toEqual([
      { mode: "normal" },
      { mode: "tests" },
    ]);
  });

  it("finds documents by external_reference, per register and mode; [] when none", async () => {
    await expect(vendus.findDocumentsByExternalReference("order-9", { mode: "normal" })).resolves.toEqual([]);
    const first = await vendus.createDocument(sampleInvoice({ external_reference: "order-9" }));
    await vendus.createDocument(sampleInvoice({ external_reference: "order-9", mode: "tests" }));
    await vendus.createDocument(sampleInvoice({ external_reference: "order-10" }));
    const found = await vendus.findDocumentsByExternalReference("order-9", { mode: "normal", registerId: 101 });
    expect(found).toEqual([
      {
        id: first.id,
        type: "FR",
        number: first.number,
        date: today,
        status: "N",
        externalReference: "order-9",
        registerId: 101,
        amountGrossCents: 1230,
        amountNetCents: 1000,
      },
    ]);
    expect(sim.control.requests({ method: "GET" }).at(-1)!.query).toMatchObject({
      external_reference: "order-9",
      mode: "normal",
      register_id: "101",
    });
    await expect(
      vendus.findDocumentsByExternalReference("order-9", { mode: "normal", registerId: 102 }),
    ).resolves.toEqual([]);
  });

  it("leaves out annulled documents and rows for another reference", async () => {
    const rows = [
      {
        id: 1,
        type: "FR",
        number: "FR 01P2026/1",
        date: "2026-01-05",
        status: { id: "A" },
        external_reference: "order-5",
        amount_gross: "10.00",
        amount_net: "8.13",
      },
      {
        id: 2,
        type: "FR",
        number: "FR 01P2026/2",
        date: "2026-01-05",
        status: "N",
        external_reference: "order-55",
        amount_gross: "10.00",
        amount_net: "8.13",
      },
      {
        id: "3",
        type: "FR",
        number: "FR 01P2026/3",
        date: "2026-01-05",
        status: "N",
        external_reference: "order-5",
        amount_gross: 10,
        amount_net: "8.13",
      },
    ];
    const client = createVendusClient({ ...options, fetch: answering(200, rows) });
    const found = await client.findDocumentsByExternalReference("order-5", { mode: "normal" });
    expect(found.map((d) => [d.id, d.status, d.amountGrossCents])).toEqual([[3, "N", 1000]]);
  });

  it("answers a repeated tx_id with the original document", async () => {
    const body = sampleInvoice({ tx_id: "order-7-FR" });
    const first = await vendus.createDocument(body);
    const second = await vendus.createDocument(body);
    expect(second).toEqual(first);
    expect(sim.control.documents()).toHaveLength(1);
  });

  it("downloads the PDF as bytes", async () => {
    const { id, number } = await vendus.createDocument(sampleInvoice());
    const pdf = await vendus.getDocumentPdf(id, { mode: "normal" });
    const text = new TextDecoder().decode(pdf);
    expect(text.startsWith("%PDF-1.4\n")).toBe(true);
    expect(text).toContain(`(${number})`);
    await expect(vendus.getDocumentPdf(id + 1, { mode: "normal" })).rejects.toMatchObject({ kind: "not_found" });
  });

  it("decodes SAF-T whether Vendus sends it base64-encoded or raw", async () => {
    const { number } = await vendus.createDocument(sampleInvoice());
    const [y, m] = today.split("-").map(Number);
    const xml = await vendus.getSaft({ year: y!, month: m! });
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(xml).toContain(`<InvoiceNo>${number}</InvoiceNo>`);
    expect(sim.control.requests().at(-1)!.query).toEqual({ year: String(y), month: String(m) });

    const raw = createVendusClient({
      ...options,
      fetch: answering(200, { xml: '\uFEFF<?xml version="1.0"?><AuditFile/>' }),
    });
    await expect(raw.getSaft({ year: 2026, month: 1 })).resolves.toBe('<?xml version="1.0"?><AuditFile/>');
    const broken = createVendusClient({ ...options, fetch: answering(200, { xml: "not xml at all" }) });
    await expect(broken.getSaft({ year: 2026, month: 1 })).rejects.toMatchObject({
      kind: "transient",
      code: "BAD_RESPONSE",
    });
  });
});

describe("Vendus client: lost answers", () => {
  it("reports a timeout after commit as transient, and the document is found by external_reference", async () => {
    sim.control.loseNextDocumentResponse({ kind: "delay", delayMs: 60_000 });
    const impatient = createVendusClient({ ...options, timeoutMs: 100 });
    await expect(impatient.createDocument(sampleInvoice({ external_reference: "order-lost" }))).rejects.toMatchObject({
      service: "vendus",
      kind: "transient",
      code: "TIMEOUT",
    });
    const found = await vendus.findDocumentsByExternalReference("order-lost", { mode: "normal", registerId: 101 });
    expect(found).toHaveLength(1);
    expect(sim.control.documents().map((d) => d.id)).toEqual([found[0]!.id]);
    expect(sim.control.requests({ method: "POST" })).toHaveLength(1);
  });

  it("reports a dropped connection after commit as transient without retrying the POST", async () => {
    sim.control.loseNextDocumentResponse({ kind: "destroy" });
    await expect(vendus.createDocument(sampleInvoice({ external_reference: "order-cut" }))).rejects.toMatchObject({
      kind: "transient",
      code: "NETWORK",
    });
    expect(sim.control.requests({ method: "POST" })).toHaveLength(1);
    expect(await vendus.findDocumentsByExternalReference("order-cut", { mode: "normal" })).toHaveLength(1);
  });
});
