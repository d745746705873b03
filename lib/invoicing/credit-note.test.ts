import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildCreditNote, creditedLineCents, type CreditableInvoice, type CreditableLine } from "./credit-note";

const invoice: CreditableInvoice = {
  number: "FT 01P2026/12",
  mode: "normal",
  registerId: 7,
  storeId: "store_1",
  id: 4242,
  lines: [
    {
      row: 1,
      reference: "LAP-1",
      title: "Lápis de cor",
      qty: 3,
      qtyCreditable: 3,
      grossUnitCents: 1229,
      lineGrossCents: 3686,
      taxRate: 23,
      taxCode: "NOR",
    },
    {
      row: 2,
      reference: "LIV-1",
      title: "Livro de receitas",
      qty: 1,
      qtyCreditable: 1,
      grossUnitCents: 1800,
      lineGrossCents: 1800,
      taxRate: 6,
      taxCode: "RED",
    },
    {
      row: 3,
      reference: "PORTES",
      title: "Portes de envio",
      qty: 1,
      qtyCreditable: 1,
      grossUnitCents: 450,
      lineGrossCents: 450,
      taxRate: 23,
      taxCode: "NOR",
    },
  ],
};

const ref = (row: number) => ({ document_number: "FT 01P2026/12", document_row: row });
const withCreditable = (row: number, qtyCreditable: number): CreditableInvoice => ({
  ...invoice,
  lines: invoice.lines.map((line) => (line.row === row ? { ...line, qtyCreditable } : line)),
});

describe("buildCreditNote", () => {
  it("credits a whole invoice", () => {
    const result = buildCreditNote(invoice, { scope: "full", reason: { preset: "order_cancelled" }, sequence: 1 });
    expect(result).toEqual({
      ok: true,
      creditedCents: 5936,
      document: {
        register_id: 7,
        type: "NC",
        mode: "normal",
        notes: "Referente a FT 01P2026/12. Motivo: Encomenda cancelada",
        external_reference: "nc-4242-1",
        // sha256("store_1:4242:credit:1"), first 32 hex digits.
        tx_id: "ponte-013438b0636db104fe04d5c64d365123",
        items: [
          { reference: "LAP-1", title: "Lápis de cor", qty: 3, reference_document: ref(1) },
          { reference: "LIV-1", title: "Livro de receitas", qty: 1, reference_document: ref(2) },
          { reference: "PORTES", title: "Portes de envio", qty: 1, reference_document: ref(3) },
        ],
      },
    });
  });

  it("credits part of a line, with the preset reason and the merchant's words", () => {
    const result = buildCreditNote(invoice, {
      scope: "lines",
      lines: [{ row: 1, qty: 1 }],
      reason: { preset: "returned_goods", text: " Caixa danificada " },
      sequence: "r-2",
      date: "2026-03-10",
    });
    expect(result).toMatchObject({
      ok: true,
      // 36.86 / 3 = 12.2867 → 12.29.
      creditedCents: 1229,
      document: {
        date: "2026-03-10",
        notes: "Referente a FT 01P2026/12. Motivo: Devolução de mercadoria — Caixa danificada",
        external_reference: "nc-4242-r-2",
        items: [{ reference: "LAP-1", title: "Lápis de cor", qty: 1, reference_document: ref(1) }],
      },
    });
  });

  it("gives the exact remainder when the rest of a partly credited line is credited", () => {
    // 12.29 was credited for the first unit; the two left are 36.86 − 12.29 = 24.57.
    const result = buildCreditNote(withCreditable(1, 2), {
      scope: "full",
      reason: { preset: "returned_goods" },
      sequence: 2,
    });
    expect(result.ok && result.creditedCents).toBe(2457 + 1800 + 450);
    expect(result.ok && result.document.items[0]).toEqual({
      reference: "LAP-1",
      title: "Lápis de cor",
      qty: 2,
      reference_document: ref(1),
    });
  });

  it("uses the free text alone for the reason 'other'", () => {
    const result = buildCreditNote(invoice, {
      scope: "lines",
      lines: [{ row: 3, qty: 1 }],
      reason: { preset: "other", text: "Portes cobrados em duplicado" },
      sequence: 3,
    });
    expect(result.ok && result.document.notes).toBe("Referente a FT 01P2026/12. Motivo: Portes cobrados em duplicado");
    expect(result.ok && result.creditedCents).toBe(450);
  });

  it("refuses to credit more than is left", () => {
    const result = buildCreditNote(withCreditable(1, 1), {
      scope: "lines",
      lines: [{ row: 1, qty: 2 }],
      reason: { preset: "returned_goods" },
      sequence: 4,
    });
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          code: "over_credit",
          message: 'Line 1 ("Lápis de cor"): 2 requested, but only 1 of 3 can still be credited.',
          params: { row: 1, requested: 2, creditable: 1, invoiced: 3 },
        },
      ],
    });
  });

  it("requires a reason, and text for 'other'", () => {
    const noReason = buildCreditNote(invoice, { scope: "full", sequence: 5 } as never);
    expect(noReason).toEqual({
      ok: false,
      problems: [
        { code: "reason_required", message: "A credit note must state why it is issued: choose a reason.", params: {} },
      ],
    });
    const otherWithoutText = buildCreditNote(invoice, {
      scope: "full",
      reason: { preset: "other", text: "  " },
      sequence: 5,
    });
    expect(otherWithoutText).toEqual({
      ok: false,
      problems: [{ code: "reason_text_required", message: 'Describe the reason when "Other" is chosen.', params: {} }],
    });
  });

  it("refuses test-mode invoices", () => {
    const result = buildCreditNote(
      { ...invoice, mode: "tests" },
      { scope: "full", reason: { preset: "order_cancelled" }, sequence: 6 },
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          code: "test_mode_invoice",
          message: "FT 01P2026/12 was issued in test mode; Vendus does not credit test documents.",
          params: { number: "FT 01P2026/12" },
        },
      ],
    });
  });

  it("reports unknown rows, repeated rows, bad quantities and fully credited invoices", () => {
    const result = buildCreditNote(invoice, {
      scope: "lines",
      lines: [
        { row: 9, qty: 1 },
        { row: 2, qty: 0 },
        { row: 3, qty: 1 },
        { row: 3, qty: 1 },
      ],
      reason: { preset: "wrong_price" },
      sequence: 7,
    });
    expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual([
      "unknown_row",
      "invalid_quantity",
      "duplicate_row",
    ]);
    const spent: CreditableInvoice = { ...invoice, lines: invoice.lines.map((l) => ({ ...l, qtyCreditable: 0 })) };
    const nothing = buildCreditNote(spent, { scope: "full", reason: { preset: "wrong_price" }, sequence: 8 });
    expect(nothing.ok ? [] : nothing.problems.map((p) => p.code)).toEqual(["nothing_to_credit"]);
  });
});

describe("creditedLineCents", () => {
  it("adds up to the line's gross whatever the sequence of partial credits", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc
          .integer({ min: 1, max: 40 })
          .chain((qty) =>
            fc.tuple(fc.constant(qty), fc.array(fc.integer({ min: 1, max: qty }), { minLength: 1, maxLength: 10 })),
          ),
        (lineGrossCents, [qty, steps]) => {
          const line: CreditableLine = {
            row: 1,
            reference: "X",
            title: "X",
            qty,
            qtyCreditable: qty,
            grossUnitCents: 0,
            lineGrossCents,
            taxRate: 23,
            taxCode: "NOR",
          };
          let credited = 0;
          for (const step of steps) {
            const take = Math.min(step, line.qtyCreditable);
            if (take === 0) break;
            credited += creditedLineCents(line, take);
            line.qtyCreditable -= take;
          }
          if (line.qtyCreditable > 0) credited += creditedLineCents(line, line.qtyCreditable);
          expect(credited).toBe(lineGrossCents);
        },
      ),
      { numRuns: 500 },
    );
  });
});
