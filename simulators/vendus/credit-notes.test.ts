import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { startVendusSimulator } from "./server";
import { rawApi, sampleInvoice } from "./testing";

const sim = await startVendusSimulator();
const api = rawApi(sim);
afterAll(() => sim.close());
beforeEach(() => sim.control.reset());

type Errors = { errors: { code: string; message: string }[] };
type Created = { id: number; number: string; amount_gross: string; amount_net: string };
type Detail = { items: { qty: number; qty_nc: number; amounts: { gross_total: string } }[] };

async function issueInvoice(mode: "normal" | "tests" = "normal") {
  const answer = await api("POST", "documents/", {
    ...sampleInvoice({ type: "FT", mode, payments: [] }),
    items: [
      // Line gross 3 × 10.00 − 3.00 = 27.00
      { reference: "CAM-L", title: "Camisa L", qty: 3, gross_price: 10, discount_amount: 3, tax_id: "NOR" },
      { reference: "LIV-1", title: "Livro", qty: 1, gross_price: 5, tax_id: "RED" },
    ],
  });
  expect(answer.status).toBe(201);
  return answer.body as Created;
}

function creditNote(
  invoice: Created,
  lines: { row: number; qty: number; reference: string }[],
  notes = "Devolução de mercadoria",
) {
  return api("POST", "documents/", {
    register_id: 101,
    type: "NC",
    mode: "normal",
    external_reference: "order-1001-nc",
    tx_id: `nc-${lines.map((l) => `${l.row}x${l.qty}`).join("-")}-${notes.length}`,
    notes,
    items: lines.map((l) => ({
      reference: l.reference,
      qty: l.qty,
      reference_document: { document_number: invoice.number, document_row: l.row },
    })),
  });
}

describe("Vendus simulator: credit notes", () => {
  it("credits part of a line at the original price and lowers qty_nc", async () => {
    const invoice = await issueInvoice();
    const answer = await creditNote(invoice, [{ row: 1, qty: 1, reference: "CAM-L" }]);
    expect(answer.status).toBe(201);
    const nc = answer.body as Created;
    expect(nc.number).toMatch(/^NC 01P\d{4}\/1$/);
    // One of three units: 10.00 − 3.00 × 1/3 (the whole-line discount is prorated).
    expect([nc.amount_gross, nc.amount_net]).toEqual(["9.00", "7.32"]);
    const original = (await api("GET", `documents/${invoice.id}/`)).body as Detail;
    expect(original.items.map((i) => [i.qty, i.qty_nc])).toEqual([
      [3, 2],
      [1, 1],
    ]);
    const detail = (await api("GET", `documents/${nc.id}/`)).body as {
      items: { reference_document: unknown }[];
      notes: string;
    };
    expect(detail.notes).toBe("Devolução de mercadoria");
    expect(detail.items[0]!.reference_document).toEqual({
      document_id: invoice.id,
      document_number: invoice.number,
      document_row: 1,
    });
  });

  it("refuses to credit more than is left on the line", async () => {
    const invoice = await issueInvoice();
    expect((await creditNote(invoice, [{ row: 1, qty: 2, reference: "CAM-L" }])).status).toBe(201);
    const refused = await creditNote(invoice, [{ row: 1, qty: 2, reference: "CAM-L" }], "Outra devolução");
    expect(refused.status).toBe(400);
    expect((refused.body as Errors).errors).toEqual([
      {
        code: "A001",
        message: `A quantidade a creditar (2) da linha 1 do documento ${invoice.number} é superior à quantidade disponível (1).`,
      },
    ]);
    const original = (await api("GET", `documents/${invoice.id}/`)).body as Detail;
    expect(original.items[0]!.qty_nc).toBe(1);
    expect(sim.control.documents().filter((d) => d.type === "NC")).toHaveLength(1);
  });

  it("credits a whole invoice back to zero", async () => {
    const invoice = await issueInvoice();
    const answer = await creditNote(invoice, [
      { row: 1, qty: 3, reference: "CAM-L" },
      { row: 2, qty: 1, reference: "LIV-1" },
    ]);
    expect((answer.body as Created).amount_gross).toBe("32.00");
    const original = (await api("GET", `documents/${invoice.id}/`)).body as Detail;
    expect(original.items.map((i) => i.qty_nc)).toEqual([0, 0]);
  });

  it("requires a reason, an existing row and the same product", async () => {
    const invoice = await issueInvoice();
    const noReason = await creditNote(invoice, [{ row: 1, qty: 1, reference: "CAM-L" }], "");
    expect((noReason.body as Errors).errors[0]!.message).toBe(
      "É obrigatório indicar o motivo da nota de crédito (notes).",
    );
    const noRow = await creditNote(invoice, [{ row: 7, qty: 1, reference: "CAM-L" }]);
    expect((noRow.body as Errors).errors[0]!.message).toBe(`A linha 7 não existe no documento ${invoice.number}.`);
    const wrongProduct = await creditNote(invoice, [{ row: 2, qty: 1, reference: "CAM-L" }]);
    expect(wrongProduct.status).toBe(400);
  });

  it("cannot credit a test-mode document", async () => {
    const invoice = await issueInvoice("tests");
    const refused = await creditNote(invoice, [{ row: 1, qty: 1, reference: "CAM-L" }]);
    expect(refused.status).toBe(400);
    expect((refused.body as Errors).errors[0]!.message).toBe(
      "Não é possível emitir notas de crédito de documentos emitidos em modo de testes.",
    );
  });
});
