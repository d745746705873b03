// Random paid orders for property tests: regions, rates, quantities, discounts, coupons, shipping, gift
// cards, tax-inclusive or exclusive prices, shipping VAT as charged or following the goods, and buyers in
// Portugal, in other member states (with and without OSS, consumers and businesses), in territories outside
// the EU VAT area and in Northern Ireland.
import fc from "fast-check";
import { buildOrder, LISBON, type FixtureAddress, type FixtureLine, type FixtureSpec } from "./fixtures";
import { baseCtx } from "./expectations";
import type { InvoiceContext, Region } from "@/lib/invoicing/types";

export const REGION_RATES: Record<Region, number[]> = { PT: [23, 13, 6], "PT-MA": [22, 12, 5], "PT-AC": [16, 9, 4] };

const euros = (maxCents: number) => fc.integer({ min: 0, max: maxCents }).map((c) => c / 100);

export interface Buyer {
  address: Partial<FixtureAddress>;
  oss: boolean;
  /** Set when the sale is taxed at destination through OSS: the state whose rates the lines must carry. */
  ossState?: string;
  /** The destination's rates on the fixtures' date (2026-03-02), for OSS buyers. */
  rates?: number[];
  ctx?: Partial<InvoiceContext>;
}

export const buyers: Record<string, Buyer> = {
  portugal: { address: LISBON, oss: false },
  spainOss: {
    address: { country_code: "ES", city: "Madrid", postal: "28013" },
    oss: true,
    ossState: "ES",
    rates: [21, 10, 4],
  },
  spainNoOss: { address: { country_code: "ES", city: "Madrid", postal: "28013" }, oss: false },
  franceBusiness: {
    address: { country_code: "FR", city: "Paris", postal: "75004", taxid: "FR40303265045" },
    oss: true,
  },
  switzerland: { address: { country_code: "CH", city: "Zürich", postal: "8001" }, oss: true },
  // Outside the EU VAT area although Spanish: an export whatever the OSS setting.
  canaryIslands: { address: { country_code: "ES", city: "Las Palmas", postal: "35001" }, oss: true },
  // EU rules for goods, the UK's rates, declared as XI.
  northernIreland: {
    address: { country_code: "GB", city: "Belfast", postal: "BT1 5GS" },
    oss: true,
    ossState: "XI",
    rates: [20, 5],
  },
  finlandOss: {
    address: { country_code: "FI", city: "Helsinki", postal: "00100" },
    oss: true,
    ossState: "FI",
    rates: [25.5, 13.5, 10],
  },
  // A malformed VAT number, with the store's policy to invoice such buyers as consumers: OSS to Germany.
  germanyMalformedVat: {
    address: { country_code: "DE", city: "Berlin", postal: "10119", taxid: "DE12345" },
    oss: true,
    ossState: "DE",
    rates: [19, 7],
    ctx: { invalidVatNumberPolicy: "consumer" },
  },
};

function lineArb(rates: fc.Arbitrary<number>, weight: number): fc.Arbitrary<FixtureLine> {
  return fc
    .record({
      price: euros(50_000),
      qty: fc.integer({ min: 1, max: 6 }),
      discountShare: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
      rate: fc.oneof({ weight, arbitrary: rates }, fc.constant(0), fc.constant(null)),
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
  .record({
    region: fc.constantFrom<Region>("PT", "PT-MA", "PT-AC"),
    buyer: fc.constantFrom(...Object.keys(buyers)),
  })
  .chain(({ region, buyer }) => {
    // OSS buyers mostly get their destination's rates, sometimes a rate the destination does not have.
    const own = buyers[buyer]!.rates;
    const rates = own
      ? fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...own) }, fc.constantFrom(...REGION_RATES[region]))
      : fc.constantFrom(...REGION_RATES[region]);
    return fc.record({
      region: fc.constant(region),
      taxIncluded: fc.boolean(),
      lines: fc.array(lineArb(rates, own ? 40 : 8), { minLength: 1, maxLength: 6 }),
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
            rate: fc.oneof(rates, fc.constant(null)),
            discountShare: fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })),
          })
          .map(({ price, rate, discountShare }) => ({
            price,
            rate,
            discount: Math.floor(price * 100 * discountShare) / 100,
          })),
      ),
      giftCard: fc.oneof(fc.constant(0), euros(100_000)),
      buyer: fc.constant(buyer),
      documentType: fc.constantFrom<"FT" | "FR">("FT", "FR"),
      shippingVat: fc.constantFrom<"as_charged" | "follow_goods">("as_charged", "follow_goods"),
    });
  });

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
    shippingVat: s.shippingVat,
    ...buyer.ctx,
    paymentMethodId: 3,
    exemption: { code: "M07", law: "Artigo 9.º do CIVA" },
    ...overrides,
  };
  return { order: buildOrder(spec), ctx };
}
