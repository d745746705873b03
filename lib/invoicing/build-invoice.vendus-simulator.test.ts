// The engine's documents, issued to the Vendus simulator in-process: the simulator computes amounts with its
// own code (exact rationals), so this checks computeVendusTotals and the price/discount pairs against an
// independent implementation, and that every document passes Vendus's validation.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toCents } from "@/lib/money";
import { issueDocument } from "@/simulators/vendus/issue-document";
import { createState } from "@/simulators/vendus/state";
import type { SimState } from "@/simulators/vendus/state";
import { buildInvoice } from "./build-invoice";
import { buildCreditNote, type CreditableInvoice, type CreditNoteRequest } from "./credit-note";
import { scenarioArb, scenarioOrder } from "@/tests/support/invoicing/arbitraries";
import { buildOrder } from "@/tests/support/invoicing/fixtures";
import { baseCtx } from "@/tests/support/invoicing/expectations";

const march2 = () => new Date("2026-03-02T12:00:00Z");

/** What the pipeline would read back from GET /documents/{id}/ (lines with qty_nc). */
function creditable(state: SimState, documentId: number): CreditableInvoice {
  const doc = state.documents.find((d) => d.id === documentId)!;
  return {
    number: doc.number,
    mode: doc.mode,
    registerId: doc.registerId,
    storeId: "store_1",
    id: doc.id,
    lines: doc.lines.map((line, index) => ({
      row: index + 1,
      reference: line.reference,
      title: line.title,
      qty: line.qtyMilli / 1000,
      qtyCreditable: line.qtyNcMilli / 1000,
      grossUnitCents: line.amounts.grossUnitCents,
      lineGrossCents: line.amounts.grossTotalCents,
      taxRate: Number(line.rate),
      taxCode: line.taxId,
    })),
  };
}

describe("buildInvoice — against the Vendus simulator", () => {
  it("Vendus totals every issued document to what the customer paid, rate by rate as predicted", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { order, ctx } = scenarioOrder(s, { registerId: 101, paymentMethodId: 301 });
        const result = buildInvoice(order, ctx);
        fc.pre(result.ok);
        if (!result.ok) return;
        const state = createState({ region: s.region, apiKeys: ["key"], clock: march2 });
        const response = issueDocument(state, JSON.parse(JSON.stringify(result.document)));
        expect(response.status).toBe(201);
        const issued = response.body as { amount_gross: string; amount_net: string };
        expect(toCents(issued.amount_gross)).toBe(Math.round((order.total + order.gift_cards_discount) * 100));
        expect(toCents(issued.amount_net)).toBe(result.summary.netCents);
        const taxes = state.documents[0]!.taxes.map((t) => ({
          rate: Number(t.rate),
          baseCents: t.baseCents,
          vatCents: t.vatCents,
        }));
        expect(taxes).toEqual(
          result.summary.taxes.map(({ rate, baseCents, vatCents }) => ({ rate, baseCents, vatCents })),
        );
      }),
      { numRuns: 500 },
    );
  }, 60_000);

  it("credits what the engine predicts, partial then the rest", () => {
    const state = createState({ region: "PT", apiKeys: ["key"], clock: march2 });
    const order = buildOrder({
      id: 1017,
      taxIncluded: false,
      lines: [{ name: "Lápis de cor", sku: "LAP-1", price: 9.99, qty: 3 }],
      shipping: { price: 4 },
    });
    const invoice = buildInvoice(order, { ...baseCtx, registerId: 101 });
    if (!invoice.ok) throw new Error("expected an invoice");
    const issued = issueDocument(state, invoice.document).body as { id: number };

    const steps: CreditNoteRequest[] = [
      { scope: "lines", lines: [{ row: 1, qty: 1 }], reason: { preset: "returned_goods" }, sequence: 1 },
      { scope: "full", reason: { preset: "order_cancelled" }, sequence: 2 },
    ];
    const credited = steps.map((request) => {
      const note = buildCreditNote(creditable(state, issued.id), request);
      if (!note.ok) throw new Error(note.problems[0]!.message);
      const response = issueDocument(state, note.document);
      expect(response.status).toBe(201);
      expect(toCents((response.body as { amount_gross: string }).amount_gross)).toBe(note.creditedCents);
      return note.creditedCents;
    });
    // 36.86 + 4.92 shipping: 12.29 first, then 24.57 + 4.92.
    expect(credited).toEqual([1229, 2949]);
    expect(buildCreditNote(creditable(state, issued.id), { ...steps[1]!, sequence: 3 })).toMatchObject({
      ok: false,
      problems: [{ code: "nothing_to_credit" }],
    });
  });
});
