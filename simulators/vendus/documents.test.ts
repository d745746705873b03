import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { lisbonDay } from "@/lib/lisbon-time";
import { startVendusSimulator } from "./server";
import { rawApi, sampleInvoice, validNifs } from "./testing";

const sim = await startVendusSimulator();
const api = rawApi(sim);
afterAll(() => sim.close());
beforeEach(() => sim.control.reset());

type Errors = { errors: { code: string; message: string }[] };
type Created = {
  id: number;
  number: string;
  amount_gross: string;
  amount_net: string;
  atcud: string;
  qrcode_data: string;
};

const today = lisbonDay(new Date());

describe("Vendus simulator: documents", () => {
  it("creates one document for a repeated tx_id and answers the original (200) the second time", async () => {
    const body = sampleInvoice({ tx_id: "order-1001-invoice" });
    const first = await api("POST", "documents/", body);
    const second = await api("POST", "documents/", {
      ...body,
      items: [{ reference: "OTHER", qty: 9, gross_price: 1, tax_id: "NOR" }],
    });
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(sim.control.documents()).toHaveLength(1);
    expect(sim.control.products().map((p) => p.reference)).toEqual(["TSHIRT-M"]);
  });

  it("numbers per type and series, with a T in test mode", async () => {
    const fr1 = (await api("POST", "documents/", sampleInvoice())).body as Created;
    const fr2 = (await api("POST", "documents/", sampleInvoice())).body as Created;
    const ft = (await api("POST", "documents/", sampleInvoice({ type: "FT", payments: [] }))).body as Created;
    const test = (await api("POST", "documents/", sampleInvoice({ mode: "tests" }))).body as Created;
    const year = today.slice(0, 4);
    expect([fr1.number, fr2.number, ft.number, test.number]).toEqual([
      `FR 01P${year}/1`,
      `FR 01P${year}/2`,
      `FT 01P${year}/1`,
      `FR T01P${year}/1`,
    ]);
    expect(fr2.atcud).toMatch(/^[A-Z]{8}-2$/);
    expect(fr1.qrcode_data).toBe(
      `A:509100015*B:999999990*C:PT*D:FR*E:N*F:${today.replaceAll("-", "")}*G:FR 01P${year}/1*H:${fr1.atcud}` +
        `*I1:PT*I7:10.00*I8:2.30*N:2.30*O:12.30*Q:${fr1.qrcode_data.split("*Q:")[1]!.slice(0, 4)}*R:0000`,
    );
  });

  it("refuses an FR without payments", async () => {
    const answer = await api("POST", "documents/", sampleInvoice({ payments: [] }));
    expect(answer.status).toBe(400);
    expect((answer.body as Errors).errors[0]).toEqual({
      code: "A001",
      message: "Os documentos do tipo FR têm de ter pelo menos um pagamento.",
    });
    expect(sim.control.documents()).toHaveLength(0);
    expect(sim.control.products()).toHaveLength(0);
  });

  it("hides test-mode documents unless mode=tests is asked", async () => {
    const { id } = (await api("POST", "documents/", sampleInvoice({ mode: "tests" }))).body as Created;
    expect((await api("GET", `documents/${id}/`)).status).toBe(404);
    expect((await api("GET", `documents/${id}.pdf`)).status).toBe(404);
    const found = await api("GET", `documents/${id}/?mode=tests`);
    expect(found.status).toBe(200);
    expect((found.body as { mode: string }).mode).toBe("tests");
  });

  it("refuses a date earlier than the last document's, and a future date", async () => {
    expect((await api("POST", "documents/", sampleInvoice())).status).toBe(201);
    const earlier = await api("POST", "documents/", sampleInvoice({ date: "2025-12-09" }));
    expect(earlier.status).toBe(400);
    expect((earlier.body as Errors).errors).toEqual([
      {
        code: "A001",
        message: `A data do documento, 2025-12-09, não pode ser anterior à do último documento emitido, ${today}.`,
      },
    ]);
    const future = await api("POST", "documents/", sampleInvoice({ date: "2999-01-01" }));
    expect((future.body as Errors).errors[0]!.message).toBe(
      `A data do documento, 2999-01-01, não pode ser posterior à data atual, ${today}.`,
    );
  });

  it("creates the product for an unknown reference and reuses it afterwards", async () => {
    await api(
      "POST",
      "documents/",
      sampleInvoice({
        items: [{ reference: "MUG-01", title: "Caneca", qty: 2, gross_price: 8, tax_id: "NOR" }],
        payments: [{ id: 301, amount: 16 }],
      }),
    );
    await api(
      "POST",
      "documents/",
      sampleInvoice({ items: [{ reference: "MUG-01", qty: 1, gross_price: 8 }], payments: [{ id: 301, amount: 8 }] }),
    );
    const products = await api("GET", "products/?reference=MUG-01");
    expect(products.body).toEqual([
      expect.objectContaining({ reference: "MUG-01", title: "Caneca", gross_price: "8.00", tax_id: "NOR", unit_id: 1 }),
    ]);
    const refused = await api(
      "POST",
      "documents/",
      sampleInvoice({ items: [{ title: "Sem referência", qty: 1, gross_price: 1 }] }),
    );
    expect(refused.status).toBe(403);
    expect((refused.body as Errors).errors[0]!.code).toBe("P001");
  });

  it("never cancels FT, FR, FS or NC, but cancels a receipt", async () => {
    const fr = (await api("POST", "documents/", sampleInvoice())).body as Created;
    const refused = await api("PATCH", `documents/${fr.id}/`, { status: "A" });
    expect(refused.status).toBe(400);
    expect((refused.body as Errors).errors[0]!.message).toBe("Não é permitido cancelar este tipo de documentos");
    const ft = (await api("POST", "documents/", sampleInvoice({ type: "FT", payments: [{ id: 306, amount: 12.3 }] })))
      .body as Created;
    expect((await api("PATCH", `documents/${ft.id}/`, { status: "A" })).status).toBe(400);
    const detail = (await api("GET", `documents/${ft.id}/`)).body as { related_docs: { id: number; type: string }[] };
    expect(detail.related_docs).toEqual([expect.objectContaining({ type: "RG" })]);
    // The receipt does not carry the order's external_reference: a lookup finds the invoices only.
    const byReference = (await api("GET", "documents/?external_reference=order-1001")).body as { type: string }[];
    expect(byReference.map((d) => d.type)).toEqual(["FT", "FR"]);
    const cancelled = await api("PATCH", `documents/${detail.related_docs[0]!.id}/`, { status: "A" });
    expect(cancelled.status).toBe(200);
    expect((cancelled.body as { status: { id: string } }).status.id).toBe("A");
  });

  it("answers 415 to a POST without a JSON content type", async () => {
    const answer = await api("POST", "documents/", JSON.stringify(sampleInvoice()), {
      headers: { "Content-Type": "text/plain" },
    });
    expect(answer.status).toBe(415);
    expect(sim.control.documents()).toHaveLength(0);
  });

  it("computes totals and taxes of a multi-rate document with discounts to the cent", async () => {
    const answer = await api("POST", "documents/", {
      ...sampleInvoice(),
      items: [
        { reference: "A", title: "Casaco", qty: 3, gross_price: 19.99, discount_percentage: 15, tax_id: "NOR" },
        { reference: "B", title: "Livro", qty: 2, gross_price: 7.45, discount_amount: 1, tax_id: "RED" },
        {
          reference: "C",
          title: "Vinho",
          qty: 1,
          gross_price: 100,
          discount_percentage: 10,
          discount_amount: 5.55,
          tax_id: "INT",
        },
        { reference: "D", title: "Queijo (kg)", qty: 1.5, gross_price: 3.33, tax_id: "NOR" },
        {
          reference: "E",
          title: "Formação",
          qty: 1,
          gross_price: 20,
          tax_id: "ISE",
          tax_exemption: "M07",
          tax_exemption_law: "Artigo 9.º do CIVA",
        },
      ],
      payments: [{ id: 302, amount: 174.32 }],
    });
    expect(answer.status).toBe(201);
    const created = answer.body as Created;
    expect([created.amount_gross, created.amount_net]).toEqual(["174.32", "153.34"]);
    const detail = (await api("GET", `documents/${created.id}/`)).body as {
      taxes: unknown[];
      items: { qty: number; qty_nc: number; amounts: Record<string, string>; tax: { id: string; rate: string } }[];
    };
    expect(detail.taxes).toEqual([
      { rate: "23.00", base: "45.50", amount: "10.47", total: "55.97" },
      { rate: "6.00", base: "13.11", amount: "0.79", total: "13.90" },
      { rate: "13.00", base: "74.73", amount: "9.72", total: "84.45" },
      { rate: "0.00", base: "20.00", amount: "0.00", total: "20.00" },
    ]);
    expect(detail.items[0]).toMatchObject({
      qty: 3,
      qty_nc: 3,
      amounts: { net_unit: "16.25", net_total: "41.44", gross_unit: "19.99", gross_total: "50.97" },
      tax: { id: "NOR", rate: "23.00" },
    });
    expect(detail.items[3]!.amounts.gross_total).toBe("5.00");
  });

  it("checks exemptions: ISE needs a valid reason and law, other rates take none", async () => {
    const missing = await api(
      "POST",
      "documents/",
      sampleInvoice({ items: [{ reference: "X", qty: 1, gross_price: 5, tax_id: "ISE" }] }),
    );
    expect([missing.status, (missing.body as Errors).errors[0]!.code]).toEqual([403, "P001"]);
    const misplaced = await api(
      "POST",
      "documents/",
      sampleInvoice({
        items: [
          {
            reference: "X",
            qty: 1,
            gross_price: 5,
            tax_id: "NOR",
            tax_exemption: "M07",
            tax_exemption_law: "Artigo 9.º",
          },
        ],
      }),
    );
    expect([misplaced.status, (misplaced.body as Errors).errors[0]!.code]).toEqual([403, "P001"]);
  });

  it("taxes an OSS line at the destination country's rate, in its own group", async () => {
    const created = await api("POST", "documents/", {
      ...sampleInvoice(),
      items: [
        { reference: "A", title: "Casaco", qty: 1, gross_price: 12.3, tax_id: "NOR" },
        {
          reference: "B",
          title: "Casaco (ES)",
          qty: 1,
          gross_price: 12.1,
          tax_id: "NOR",
          tax_custom: { country: "ES", rate: 21, code: "NOR", type: "IVA" },
        },
      ],
      payments: [{ id: 301, amount: 24.4 }],
    });
    expect(created.status).toBe(201);
    const { id, qrcode_data } = created.body as Created;
    const detail = (await api("GET", `documents/${id}/`)).body as { taxes: unknown[] };
    expect(detail.taxes).toEqual([
      { rate: "23.00", base: "10.00", amount: "2.30", total: "12.30" },
      { rate: "21.00", base: "10.00", amount: "2.10", total: "12.10" },
    ]);
    // The QR code's PT block has the mainland rate only.
    expect(qrcode_data).toContain("*I1:PT*I7:10.00*I8:2.30*N:4.40*O:24.40*");
    const own = await api(
      "POST",
      "documents/",
      sampleInvoice({
        items: [{ reference: "C", qty: 1, gross_price: 1, tax_custom: { country: "PT", rate: 23, type: "IVA" } }],
      }),
    );
    expect([own.status, (own.body as Errors).errors[0]!.code]).toEqual([403, "P001"]);
  });

  it("refuses 999999990 and NIFs that fail mod-11; reuses a known client", async () => {
    const cf = await api(
      "POST",
      "documents/",
      sampleInvoice({ client: { fiscal_id: "999999990", name: "Consumidor" } }),
    );
    expect([cf.status, (cf.body as Errors).errors[0]!.code]).toEqual([403, "P001"]);
    const bad = await api("POST", "documents/", sampleInvoice({ client: { fiscal_id: "123456780", name: "X" } }));
    expect((bad.body as Errors).errors[0]!.message).toBe("O NIF 123456780 é inválido.");
    const foreign = await api(
      "POST",
      "documents/",
      sampleInvoice({ client: { fiscal_id: "ESX1234567X", name: "Cliente ES", country: "ES" } }),
    );
    expect(foreign.status).toBe(201);
    await api("POST", "documents/", sampleInvoice({ client: { fiscal_id: validNifs.person, name: "Maria" } }));
    await api("POST", "documents/", sampleInvoice({ client: { fiscal_id: validNifs.person, name: "Maria S." } }));
    expect(sim.control.clients().filter((c) => c.fiscal_id === validNifs.person)).toEqual([
      expect.objectContaining({ name: "Maria" }),
    ]);
    const duplicate = await api("POST", "clients/", { fiscal_id: validNifs.person, name: "Outra" });
    expect(duplicate.status).toBe(400);
    expect((duplicate.body as Errors).errors[0]).toEqual({
      code: "A001",
      message: `Já existe um cliente com o NIF ${validNifs.person}.`,
    });
  });

  it("serves a real PDF with the number and total", async () => {
    const created = (await api("POST", "documents/", sampleInvoice())).body as Created;
    const pdf = await api("GET", `documents/${created.id}.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.text.startsWith("%PDF-1.4")).toBe(true);
    expect(pdf.text).toContain(`(${created.number})`);
    expect(pdf.text).toContain("(Total 12.30 EUR)");
    expect(pdf.text.trimEnd().endsWith("%%EOF")).toBe(true);
  });

  it("exports the month's normal documents as base64 SAF-T XML", async () => {
    const created = (await api("POST", "documents/", sampleInvoice())).body as Created;
    await api("POST", "documents/", sampleInvoice({ mode: "tests" }));
    const [year, month] = today.split("-").map(Number);
    const answer = await api("GET", `taxauthority/saft/?year=${year}&month=${month}`);
    const xml = Buffer.from((answer.body as { xml: string }).xml, "base64").toString("utf8");
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<AuditFile xmlns="urn:OECD:StandardAuditFile-Tax:PT_1.04_01">',
      ),
    ).toBe(true);
    expect(xml).toContain(`<InvoiceNo>${created.number}</InvoiceNo>`);
    expect(xml).toContain("<NumberOfEntries>1</NumberOfEntries>");
    expect(xml).toContain("<GrossTotal>12.30</GrossTotal>");
    expect(xml.trimEnd().endsWith("</AuditFile>")).toBe(true);
  });
});
