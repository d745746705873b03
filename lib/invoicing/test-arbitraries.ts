// Random paid orders for property tests: regions, rates, quantities, discounts, coupons, shipping, gift
// cards, tax-inclusive or exclusive prices, and buyers in and outside Portugal.
import fc from "fast-check";
import { buildOrder, LISBON, type FixtureAddress, type FixtureLine, type FixtureSpec } from "./test-fixtures";
import { baseCtx } from "./test-support";
import type { InvoiceContext, Region } from "./types";

export const REGION_RATES: Record<Region, number[]> = { PT: [23, 13, 6], "PT-MA": [22, 12, 5], "PT-AC": [16, 9, 4] };

const euros = (maxCents: number) => fc.integer({ min: 0, max: maxCents }).map((c) => c / 100);

export const buyers: Record<string, { address: Partial<FixtureAddress>; oss: boolean }> = {
  portugal: { address: LISBON, oss: false },
  spainOss: { address: { country_code: "ES", city: "Madrid", postal: "28013" }, oss: true },
  spainNoOss: { address: { country_code: "ES", city: "Madrid", postal: "28013" }, oss: false },
  franceBusiness: { address: { country_code: "FR", city: "Paris", postal: "75004", taxid: "FR40303265045" }, oss: true },
  switzerland: { address: { country_code: "CH", city: "Zürich", postal: "8001" }, oss: true },
};

function lineArb(rates: number[]): fc.Arbitrary<FixtureLine> {
  return fc
    .record({
      price: euros(50_000),
      qty: fc.integer({ min: 1, max: 6 }),
      discountShare: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
      rate: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...rates) }, fc.constant(0), fc.constant(null)),
      sku: fc.oneof(fc.constant(null), fc.constant("SKU")),
      variantId: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 9999 })),
    })
    .map(({ price, qty, discountShare, rate, sku, variantId }) => ({
      name: "Artigo",
      sku,
      variantId,
      price,
      qty,
      discount: Math.floor(price * 100 * discountShare) / 100,
      rate,
    }));
}

export const scenarioArb = fc
  .constantFrom<Region>("PT", "PT-MA", "PT-AC")
  .chain((region) =>
    fc.record({
      region: fc.constant(region),
      taxIncluded: fc.boolean(),
      lines: fc.array(lineArb(REGION_RATES[region]), { minLength: 1, maxLength: 6 }),
      coupon: fc.oneof(
        fc.constant(undefined),
        fc.integer({ min: 1, max: 100 }).map((percent) => ({ percent })),
        euros(30_000).map((amount) => ({ amount })),
      ),
      shipping: fc.oneof(
        fc.constant(undefined),
        fc
          .record({
            price: euros(3_000),
            rate: fc.constantFrom(...REGION_RATES[region], null),
            discountShare: fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })),
          })
          .map(({ price, rate, discountShare }) => ({
            price,
            rate,
            discount: Math.floor(price * 100 * discountShare) / 100,
          })),
      ),
      giftCard: fc.oneof(fc.constant(0), euros(100_000)),
      buyer: fc.constantFrom(...Object.keys(buyers)),
      documentType: fc.constantFrom<"FT" | "FR">("FT", "FR"),
    }),
  );

export type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

/** The order and store context a scenario describes. */
export function scenarioOrder(s: Scenario, overrides: Partial<InvoiceContext> = {}) {
  const buyer = buyers[s.buyer]!;
  const spec: FixtureSpec = {
    id: 5000,
    taxIncluded: s.taxIncluded,
    lines: s.lines,
    coupon: s.coupon,
    shipping: s.shipping,
    giftCard: s.giftCard,
    billing: buyer.address,
  };
  const ctx: InvoiceContext = {
    ...baseCtx,
    region: s.region,
    defaultVatRate: REGION_RATES[s.region][0]!,
    oss: buyer.oss,
    documentType: s.documentType,
    paymentMethodId: 3,
    exemption: { code: "M07", law: "Artigo 9.º do CIVA" },
    ...overrides,
  };
  return { order: buildOrder(spec), ctx };
}
