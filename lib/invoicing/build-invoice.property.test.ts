// For any paid order computed with Jumpseller's money model, the engine issues a document that Vendus will
// total to exactly what the customer paid (gift cards included), or refuses it for a stated reason.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildInvoice } from "./build-invoice";
import { scenarioArb, scenarioOrder } from "./test-arbitraries";
import { buildOrder } from "./test-fixtures";
import { computeVendusTotals } from "./vendus-totals";
// The simulator's own implementation of the order money model, written separately from the fixtures.
import { computeOrderTotals } from "@/simulators/jumpseller/totals";

describe("buildInvoice — properties", () => {
  it("issues exactly what was paid, or refuses only an order with nothing to invoice", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { order, ctx } = scenarioOrder(s);
        const paid = Math.round((order.total + order.gift_cards_discount) * 100);
        const result = buildInvoice(order, ctx);
        if (!result.ok) {
          expect(result.problems.map((p) => p.code)).toEqual(["zero_total"]);
          expect(paid).toBe(0);
          return;
        }
        const totals = computeVendusTotals(result.document.items, s.region);
        expect(totals.grossCents).toBe(paid);
        expect(result.summary.grossCents).toBe(paid);
        for (const tax of totals.taxes) expect(tax.baseCents).toBeGreaterThanOrEqual(0);
        for (const [i, item] of result.document.items.entries()) {
          expect(item.reference).toMatch(/\S/);
          expect(totals.lineGrossCents[i]).toBeGreaterThanOrEqual(0);
          expect(item.discount_amount ?? 0).toBeGreaterThanOrEqual(0);
        }
        if (s.documentType === "FR") expect(result.document.payments).toEqual([{ id: 3, amount: paid / 100 }]);
        // Where the sale is taxed in Portugal, the VAT on the document stays within a cent per line of the
        // VAT Jumpseller charged (the document rounds per rate, Jumpseller per line).
        const allTaxed = s.lines.every((l) => l.rate !== null) && s.shipping?.rate !== null;
        if ((s.buyer === "portugal" || s.buyer === "spainNoOss") && allTaxed) {
          const documentVat = totals.taxes.reduce((sum, t) => sum + t.vatCents, 0);
          const orderVat = Math.round((order.tax + order.shipping_tax) * 100);
          expect(Math.abs(documentVat - orderVat)).toBeLessThanOrEqual(result.document.items.length);
        }
        // Deterministic: the same order gives the same document.
        expect(buildInvoice(order, ctx)).toEqual(result);
      }),
      { numRuns: 1000 },
    );
  }, 60_000);

  it("uses the same money model as the Jumpseller simulator", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const lines = s.lines.map((l) => ({ ...l, rate: l.rate ?? 23 }));
        const shippingRate = s.shipping?.rate ?? 23;
        const order = buildOrder({ ...s, lines, shipping: s.shipping && { ...s.shipping, rate: shippingRate } });
        const totals = computeOrderTotals({
          lines: lines.map((l) => ({
            priceCents: Math.round(l.price * 100),
            discountCents: Math.round((l.discount ?? 0) * 100),
            qty: l.qty ?? 1,
            taxRate: l.rate,
          })),
          taxInclusive: s.taxIncluded,
          shippingCents: Math.round((s.shipping?.price ?? 0) * 100),
          shippingDiscountCents: Math.round((s.shipping?.discount ?? 0) * 100),
          shippingTaxRate: shippingRate,
          coupon: s.coupon && ("percent" in s.coupon ? { percent: s.coupon.percent } : { amountCents: Math.round(s.coupon.amount * 100) }),
          giftCardCents: Math.round(s.giftCard * 100),
        });
        const cents = (v: number) => Math.round(v * 100);
        expect({
          subtotal: cents(order.subtotal),
          discount: cents(order.discount),
          tax: cents(order.tax),
          shippingTax: cents(order.shipping_tax),
          giftCardsDiscount: cents(order.gift_cards_discount),
          total: cents(order.total),
        }).toEqual({
          subtotal: totals.subtotal,
          discount: totals.discount,
          tax: totals.tax,
          shippingTax: totals.shippingTax,
          giftCardsDiscount: totals.giftCardsDiscount,
          total: totals.total,
        });
      }),
      { numRuns: 500 },
    );
  }, 60_000);
});
