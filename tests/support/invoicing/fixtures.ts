// Realistic Jumpseller orders for tests, with every amount computed the way Jumpseller does (the money model
// of README.md). This file shares no code with the engine: it is the independent side of every comparison.
import type { z } from "zod";
import { orderSchema, type JumpsellerOrder, type OrderStatus } from "@/lib/jumpseller/schemas";
import type { SimAddress } from "@/simulators/jumpseller/state";

export type RawOrder = z.input<typeof orderSchema>;

export interface FixtureLine {
  name: string;
  /** Omitted: "SKU-<productId>"; null: no SKU. */
  sku?: string | null;
  productId?: number;
  variantId?: number | null;
  options?: { name: string; value: string }[];
  /** Unit price in euros, on the shop's tax basis. */
  price: number;
  qty?: number;
  /** Per-unit discount in euros, same basis as the price. */
  discount?: number;
  /** VAT rate; null: the line carries no tax. Default 23. */
  rate?: number | null;
}

/** A Jumpseller address as a fixture spells it: without region and municipality. */
export type FixtureAddress = Omit<SimAddress, "region" | "municipality">;

export interface FixtureSpec {
  id?: number;
  /** true (default): prices include VAT; false: VAT is added on top. */
  taxIncluded?: boolean;
  lines: FixtureLine[];
  coupon?: { percent: number } | { amount: number };
  shipping?: { price: number; rate?: number | null; discount?: number };
  giftCard?: number;
  currency?: string;
  status?: OrderStatus;
  taxid?: string | null;
  billing?: Partial<FixtureAddress>;
  /** Defaults to the billing address. */
  shippingAddress?: Partial<FixtureAddress>;
  customer?: { id?: number | string; email?: string; fullname?: string };
  additionalFields?: { label: string; value: string; area?: string }[];
  paymentMethodType?: string;
  paymentMethodName?: string;
  /** Last-minute edits of the raw JSON (to build inconsistent orders). */
  patch?: (raw: RawOrder) => void;
}

export const LISBON: FixtureAddress = {
  name: "Maria",
  surname: "Silva",
  taxid: null,
  address: "Rua das Flores 12",
  city: "Lisboa",
  postal: "1100-123",
  country: "Portugal",
  country_code: "PT",
};

const cents = (euros: number) => Math.round(euros * 100);
const euros = (c: number) => c / 100;
/** n / d rounded half up, in integers (n ≥ 0, d > 0). */
const divideHalfUp = (n: number, d: number) => Math.floor((2 * n + d) / (2 * d));
const basisPoints = (rate: number) => Math.round(rate * 100);
/** Jumpseller rounds each line's VAT half up to the cent. */
const vatOnNet = (net: number, rate: number) => divideHalfUp(net * basisPoints(rate), 10000);
/** VAT contained in a VAT-included amount (informational: it is not added to the total). */
const vatInGross = (gross: number, rate: number) => divideHalfUp(gross * basisPoints(rate), 10000 + basisPoints(rate));

/** Coupon cents spread over the lines in proportion to their amounts, largest remainders first. */
function spreadCoupon(coupon: number, amounts: number[]): number[] {
  const total = amounts.reduce((a, b) => a + b, 0);
  if (total === 0) return amounts.map(() => 0);
  const exact = amounts.map((a) => (coupon * a) / total);
  const shares = exact.map(Math.floor);
  let left = coupon - shares.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left-- <= 0) break;
    shares[i]! += 1;
  }
  return shares;
}

export function buildOrder(spec: FixtureSpec): JumpsellerOrder {
  const inclusive = spec.taxIncluded ?? true;
  const lines = spec.lines.map((line, index) => {
    const productId = line.productId ?? 100 + index;
    const rate = line.rate === undefined ? 23 : line.rate;
    const qty = line.qty ?? 1;
    const price = cents(line.price);
    const discount = cents(line.discount ?? 0);
    return { line, productId, rate, qty, price, discount, net: (price - discount) * qty };
  });
  const subtotal = lines.reduce((sum, l) => sum + l.price * l.qty, 0);
  const lineNets = lines.map((l) => l.net);
  const netSum = lineNets.reduce((a, b) => a + b, 0);
  const coupon = !spec.coupon
    ? 0
    : "percent" in spec.coupon
      ? Math.round((netSum * spec.coupon.percent) / 100)
      : Math.min(cents(spec.coupon.amount), netSum);
  const shares = spreadCoupon(coupon, lineNets);
  const tax = lines.reduce((sum, l, i) => {
    if (l.rate === null) return sum;
    const amount = l.net - shares[i]!;
    return sum + (inclusive ? vatInGross(amount, l.rate) : vatOnNet(amount, l.rate));
  }, 0);
  const discount = lines.reduce((sum, l) => sum + l.discount * l.qty, 0) + coupon;

  const shippingRate = spec.shipping?.rate === undefined ? 23 : spec.shipping.rate;
  const shipping = cents(spec.shipping?.price ?? 0);
  const shippingDiscount = cents(spec.shipping?.discount ?? 0);
  const shippingNet = shipping - shippingDiscount;
  const shippingTax =
    shippingRate === null ? 0 : inclusive ? vatInGross(shippingNet, shippingRate) : vatOnNet(shippingNet, shippingRate);

  const beforeGiftCards = subtotal - discount + shippingNet + (inclusive ? 0 : tax + shippingTax);
  const giftCards = Math.min(cents(spec.giftCard ?? 0), beforeGiftCards);
  const total = beforeGiftCards - giftCards;

  const billing = { ...LISBON, taxid: spec.taxid ?? null, ...spec.billing };
  const taxEntry = (rate: number) => ({ id: 1, name: "IVA", rate, fixed: false, tax_on_product_price: inclusive });
  const raw: RawOrder = {
    id: spec.id ?? 1001,
    created_at: "2026-03-02 10:15:00 UTC",
    completed_at: "2026-03-02 10:17:41 UTC",
    status: spec.status === "pending_payment" ? "Pendente de Pagamento" : "Pago",
    status_enum: spec.status ?? "paid",
    currency: spec.currency ?? "EUR",
    subtotal: euros(subtotal),
    tax: euros(tax),
    shipping: euros(shipping),
    shipping_tax: euros(shippingTax),
    shipping_discount: euros(shippingDiscount),
    discount: euros(discount),
    gift_cards_discount: euros(giftCards),
    total: euros(total),
    coupons: coupon > 0 ? "PROMO" : null,
    shipping_method_name: "CTT Expresso",
    payment_method_name: spec.paymentMethodName ?? "MB Way",
    payment_method_type: spec.paymentMethodType ?? "mbway",
    customer: {
      id: spec.customer?.id ?? 501,
      email: spec.customer?.email ?? "maria.silva@example.pt",
      phone: "+351912345678",
      fullname: spec.customer?.fullname ?? `${billing.name} ${billing.surname}`,
    },
    billing_address: { ...billing, region: null, municipality: null },
    shipping_address: { ...billing, ...spec.shippingAddress, taxid: null, region: null, municipality: null },
    products: lines.map(({ line, productId, rate, qty, price, discount: unitDiscount }) => ({
      id: productId,
      variant_id: line.variantId ?? null,
      sku: line.sku === undefined ? `SKU-${productId}` : line.sku,
      name: line.name,
      qty,
      price: euros(price),
      discount: euros(unitDiscount),
      tax:
        rate === null
          ? 0
          : euros(inclusive ? vatInGross(price - unitDiscount, rate) : vatOnNet(price - unitDiscount, rate)),
      taxes: rate === null ? [] : [taxEntry(rate)],
      options: line.options ?? [],
    })),
    shipping_taxes:
      shippingRate === null || shipping === 0
        ? []
        : [{ id: 2, name: "IVA", rate: shippingRate, fixed: false, tax_on_shipping_price: inclusive }],
    additional_fields: (spec.additionalFields ?? []).map((f) => ({ area: "billing", ...f })),
    shipment_status_enum: "requested",
  };
  spec.patch?.(raw);
  return orderSchema.parse(raw);
}
