// For any paid order computed with Jumpseller's money model, the engine issues a document that Vendus will
// total to exactly what the customer paid (gift cards included), or refuses it for a stated reason.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildInvoice } from "./build-invoice";
import { buyers, scenarioArb, scenarioOrder, type Scenario } from "@/tests/support/invoicing/arbitraries";
import { buildOrder } from "@/tests/support/invoicing/fixtures";
import type { JumpsellerOrder } from "@/lib/jumpseller/schemas";
import { toCents } from "@/lib/money";
import type { InvoiceContext } from "./types";
import { computeVendusTotals } from "./vendus-totals";
// The simulator's own implementation of the order money model, written separately from the fixtures.
import { computeOrderTotals } from "@/simulators/jumpseller/totals";

describe("buildInvoice — properties", () => {
  it("issues exactly what was paid, or refuses exactly the orders it must, with the reason", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { order, ctx } = scenarioOrder(s);
        const paid = Math.round((order.total + order.gift_cards_discount) * 100);
        const result = buildInvoice(order, ctx);
        const expected = expectedRefusals(s, order, ctx);
        if (!result.ok) {
          expect(expected.size).toBeGreaterThan(0);
          for (const p of result.problems) expect(expected).toContain(p.code);
          return;
        }
        // A predicted refusal other than a 0.00 document must happen.
        expect([...expected].filter((code) => code !== "zero_total")).toEqual([]);
        expect(paid).toBeGreaterThan(0);
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
        // OSS lines carry the destination and one of its rates; exports and EU businesses are exempt.
        const buyer = buyers[s.buyer]!;
        for (const item of result.document.items) {
          if (buyer.ossState) expect(buyer.rates).toContain(item.tax_custom?.rate);
          if (buyer.ossState) expect(item.tax_custom?.country).toBe(buyer.ossState);
          if (["switzerland", "canaryIslands"].includes(s.buyer)) expect(item.tax_exemption).toBe("M05");
          if (s.buyer === "franceBusiness") expect(item.tax_exemption).toBe("M16");
        }
        // Where the sale is taxed in Portugal, the VAT on the document stays within a cent per line of the
        // VAT Jumpseller charged (the document rounds per rate, Jumpseller per line).
        const allTaxed = s.lines.every((l) => l.rate !== null) && s.shipping?.rate !== null;
        // (Shipping that follows the goods changes the VAT inside the shipping's price by design.)
        if ((s.buyer === "portugal" || s.buyer === "spainNoOss") && allTaxed && s.shippingVat === "as_charged") {
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
          coupon:
            s.coupon &&
            ("percent" in s.coupon
              ? { percent: s.coupon.percent }
              : { amountCents: Math.round(s.coupon.amount * 100) }),
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

/**
 * What the law says must stop this order, computed from the scenario without engine code: a sale taxed at
 * destination with a line (or the shipping, when charged as such) at a rate the destination does not have;
 * shipping that must follow goods worth 0.00; a document of 0.00.
 */
function expectedRefusals(s: Scenario, order: JumpsellerOrder, ctx: InvoiceContext): Set<string> {
  const codes = new Set<string>();
  const buyer = buyers[s.buyer]!;
  const paid = toCents(order.total) + toCents(order.gift_cards_discount);
  const shippingNet = toCents(order.shipping) - toCents(order.shipping_discount);
  const shippingTarget = shippingNet + (s.taxIncluded ? 0 : toCents(order.shipping_tax));
  const goods = paid - shippingTarget;
  const taxed = buyer.ossState !== undefined || ["portugal", "spainNoOss"].includes(s.buyer);
  if (taxed && shippingTarget > 0 && s.shippingVat === "follow_goods" && goods === 0) {
    codes.add("shipping_without_goods");
  }
  if (buyer.ossState) {
    const valid = (rate: number | null | undefined) => buyer.rates!.includes(rate ?? ctx.defaultVatRate);
    const shippingRate = s.shipping?.rate ?? ctx.defaultVatRate;
    const shippingBad = shippingTarget > 0 && (s.shippingVat === "as_charged" ? !valid(shippingRate) : false);
    if (s.lines.some((l) => !valid(l.rate === undefined ? 23 : l.rate)) || shippingBad)
      codes.add("destination_vat_rate");
  }
  if (paid === 0) codes.add("zero_total");
  return codes;
}
