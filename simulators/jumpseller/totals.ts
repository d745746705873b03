// The money model of a Jumpseller order (see simulators/README.md, "## Jumpseller"), in integer cents.
// Where Jumpseller documents nothing (how a coupon is spread over lines, how VAT is rounded), this file is
// the team's stated assumption, and the invoicing engine is tested against it. Written apart from
// lib/invoicing on purpose (an independent oracle): where it resembles the engine, leave it so.

export interface TotalsLineInput {
  /** Unit price on the shop's tax basis. */
  priceCents: number;
  /** Per-unit discount on the line (a product promotion), same basis as the price. */
  discountCents: number;
  qty: number;
  /** VAT rate in percent (23, 13, 6, 0). */
  taxRate: number;
}

export interface TotalsInput {
  lines: TotalsLineInput[];
  taxInclusive: boolean;
  shippingCents: number;
  shippingDiscountCents: number;
  shippingTaxRate: number;
  coupon?: { percent?: number; amountCents?: number } | null;
  giftCardCents: number;
}

export interface TotalsLine {
  /** Informational per-unit VAT on (price − discount), before any coupon share. */
  unitTaxCents: number;
  /** This line's part of the coupon, on the same basis as prices. */
  couponShareCents: number;
  /** VAT of the line on (price − discount) × qty − coupon share. */
  lineTaxCents: number;
}

export interface OrderTotals {
  lines: TotalsLine[];
  subtotal: number;
  /** Per-line discounts × qty plus the coupon. */
  discount: number;
  couponDiscount: number;
  tax: number;
  shipping: number;
  shippingDiscount: number;
  shippingTax: number;
  giftCardsDiscount: number;
  total: number;
}

/** Rounds numerator/denominator to the nearest integer, halves away from zero. */
function divRound(numerator: number, denominator: number): number {
  const sign = Math.sign(numerator) * Math.sign(denominator);
  const n = Math.abs(numerator);
  const d = Math.abs(denominator);
  return sign * Math.floor((2 * n + d) / (2 * d));
}

/** Rates such as 23 or 6.5 become basis points, so that all arithmetic stays in integers. */
const basisPoints = (rate: number) => Math.round(rate * 100);

/** VAT contained in, or added to, an amount in cents. */
export function vatOf(amountCents: number, rate: number, taxInclusive: boolean): number {
  const bp = basisPoints(rate);
  return taxInclusive ? divRound(amountCents * bp, 10_000 + bp) : divRound(amountCents * bp, 10_000);
}

/** Spreads `amount` over `weights` in proportion, largest remainder first (ties to the earlier line), so the
 * parts add up exactly. BigInt keeps the remainders exact, so ties are real ties. */
export function allocate(amount: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + BigInt(b), 0n);
  if (sum <= 0n || amount === 0) return weights.map(() => 0);
  const total = BigInt(amount);
  const parts = weights.map((w) => (total * BigInt(w)) / sum);
  let left = total - parts.reduce((a, b) => a + b, 0n);
  const order = weights
    .map((w, i) => ({ i, r: (total * BigInt(w)) % sum }))
    .sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of order) {
    if (left <= 0n) break;
    parts[i] = (parts[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return parts.map(Number);
}

export function computeOrderTotals(input: TotalsInput): OrderTotals {
  const nets = input.lines.map((l) => (l.priceCents - l.discountCents) * l.qty);
  const netSum = nets.reduce((a, b) => a + b, 0);

  let couponDiscount = 0;
  if (input.coupon?.percent) couponDiscount = divRound(netSum * basisPoints(input.coupon.percent), 10_000);
  else if (input.coupon?.amountCents) couponDiscount = Math.min(input.coupon.amountCents, netSum);
  const shares = allocate(couponDiscount, nets);

  const lines = input.lines.map((line, i) => ({
    unitTaxCents: vatOf(line.priceCents - line.discountCents, line.taxRate, input.taxInclusive),
    couponShareCents: shares[i] ?? 0,
    lineTaxCents: vatOf((nets[i] ?? 0) - (shares[i] ?? 0), line.taxRate, input.taxInclusive),
  }));

  const subtotal = input.lines.reduce((sum, l) => sum + l.priceCents * l.qty, 0);
  const lineDiscounts = input.lines.reduce((sum, l) => sum + l.discountCents * l.qty, 0);
  const discount = lineDiscounts + couponDiscount;
  const tax = lines.reduce((sum, l) => sum + l.lineTaxCents, 0);

  const shipping = input.shippingCents;
  const shippingDiscount = Math.min(input.shippingDiscountCents, shipping);
  const shippingTax = vatOf(shipping - shippingDiscount, input.shippingTaxRate, input.taxInclusive);

  const gross = subtotal - discount + shipping - shippingDiscount + (input.taxInclusive ? 0 : tax + shippingTax);
  const giftCardsDiscount = Math.min(input.giftCardCents, gross);
  return {
    lines,
    subtotal,
    discount,
    couponDiscount,
    tax,
    shipping,
    shippingDiscount,
    shippingTax,
    giftCardsDiscount,
    total: gross - giftCardsDiscount,
  };
}
