// Reads a Jumpseller order with the money model of README.md and decides, per line, the exact gross (VAT
// included, after every discount) the customer paid for it. Nothing here knows about Vendus codes.
import type { JumpsellerOrder, JumpsellerOrderProduct } from "@/lib/jumpseller/schemas";
import { toCents } from "@/lib/money";
import { lineReference, lineTitle } from "./labels";
import { allocateProportionally, divideCeil, divideRounded, rateBasisPoints } from "./allocate";
import { decimal, describeLine, eur, problem } from "./problems";
import type { InvoiceProblem } from "./types";

export interface LineTarget {
  kind: "product" | "shipping";
  reference: string;
  title: string;
  qty: number;
  /** The VAT rate the order applied (or the default rate for an untaxed line). */
  rate: number;
  /** Undiscounted unit price with VAT, rounded up to the cent when the shop's prices exclude VAT. */
  unitGrossCents: number;
  /** What the customer paid for the whole line, VAT included, after every discount. */
  targetCents: number;
}

export type LinesResult =
  { ok: true; lines: LineTarget[]; taxExclusive: boolean } | { ok: false; problems: InvoiceProblem[] };

interface ProductLine {
  product: JumpsellerOrderProduct;
  index: number;
  qty: number;
  priceCents: number;
  discountCents: number;
  rate: number;
  /** null when the line carries no tax: its price is what was paid, and the default rate applies. */
  exclusive: boolean | null;
}

export function computeLineTargets(order: JumpsellerOrder, defaultRate: number, shippingTitle: string): LinesResult {
  if (order.products.length === 0) {
    const message = `Order #${order.id} has no product lines: nothing to invoice.`;
    return { ok: false, problems: [problem("no_lines", message, { orderId: order.id })] };
  }
  const problems: InvoiceProblem[] = [];
  const products = order.products.map((p, index) => readProduct(p, index, defaultRate, problems));
  const exclusiveFlags = new Set(products.map((p) => p.exclusive).filter((e) => e !== null));
  if (exclusiveFlags.size > 1) {
    problems.push(
      problem(
        "mixed_tax_basis",
        `Order #${order.id} mixes lines whose prices include VAT with lines whose prices exclude it; ` +
          "set every tax of the shop the same way in Jumpseller and invoice this order manually.",
        { orderId: order.id },
      ),
    );
  }
  if (problems.length > 0) return { ok: false, problems };
  const taxExclusive = exclusiveFlags.has(true) || (exclusiveFlags.size === 0 && isExclusive(order.shipping_taxes));
  const lineNets = products.map((p) => (p.priceCents - p.discountCents) * p.qty);
  const perUnitDiscounts = products.reduce((sum, p) => sum + p.discountCents * p.qty, 0);
  const coupons = toCents(order.discount) - perUnitDiscounts;
  const netSum = lineNets.reduce((a, b) => a + b, 0);
  if (coupons < 0 || coupons > netSum) {
    problems.push(
      problem(
        "discount_mismatch",
        `Order #${order.id} reports a discount of ${eur(toCents(order.discount))}, but its lines carry ` +
          `${eur(perUnitDiscounts)} of per-unit discounts on ${eur(netSum + perUnitDiscounts)} of products; ` +
          "the coupon part cannot be placed on the lines. Check the order's discounts in Jumpseller.",
        { orderId: order.id, discount: decimal(toCents(order.discount)), lineDiscounts: decimal(perUnitDiscounts) },
      ),
    );
  }
  if (problems.length > 0) return { ok: false, problems };

  // Coupons and promotions reduce the lines in proportion to what each line costs after its own discounts.
  const afterDiscounts = allocateProportionally(coupons, lineNets).map((share, i) => lineNets[i]! - share);
  const vat = taxExclusive ? productVat(order, products, afterDiscounts, problems) : products.map(() => 0);
  const shipping = shippingLine(order, defaultRate, shippingTitle, taxExclusive, problems);
  if (problems.length > 0 || vat === null) return { ok: false, problems };

  const lines: LineTarget[] = products.map((p, i) => ({
    kind: "product",
    reference: lineReference(p.product),
    title: lineTitle(p.product),
    qty: p.qty,
    rate: p.rate,
    unitGrossCents: p.exclusive ? grossOf(p.priceCents, p.rate) : p.priceCents,
    targetCents: afterDiscounts[i]! + vat[i]!,
  }));
  if (shipping) lines.push(shipping);
  return { ok: true, lines, taxExclusive };
}

function readProduct(
  product: JumpsellerOrderProduct,
  index: number,
  defaultRate: number,
  problems: InvoiceProblem[],
): ProductLine {
  const where = describeLine(index, product.name);
  const [tax, ...otherTaxes] = product.taxes;
  if (otherTaxes.length > 0 || tax?.fixed) {
    problems.push(
      problem(
        "unsupported_tax",
        `${capitalize(where)} carries ${otherTaxes.length > 0 ? "more than one tax" : "a fixed-amount tax"}; ` +
          "an invoice line takes exactly one VAT rate. Invoice this order manually.",
        { line: index + 1, name: product.name },
      ),
    );
  }
  const qty = product.qty;
  if (!Number.isInteger(qty) || qty <= 0) {
    problems.push(
      problem(
        "invalid_quantity",
        `${capitalize(where)} has quantity ${qty}; only whole positive quantities are invoiced.`,
        {
          line: index + 1,
          name: product.name,
          qty,
        },
      ),
    );
  }
  const priceCents = toCents(product.price);
  const discountCents = toCents(product.discount);
  if (priceCents < 0 || discountCents < 0 || discountCents > priceCents) {
    problems.push(
      problem(
        "negative_line",
        `${capitalize(where)} has price ${eur(priceCents)} and per-unit discount ${eur(discountCents)}; ` +
          "a line cannot be negative. Refunds are made with a credit note.",
        { line: index + 1, name: product.name, price: decimal(priceCents), discount: decimal(discountCents) },
      ),
    );
  }
  return {
    product,
    index,
    qty,
    priceCents,
    discountCents,
    rate: tax ? tax.rate : defaultRate,
    exclusive: tax ? tax.tax_on_product_price !== true : null,
  };
}

/**
 * The order's VAT placed on the lines. Jumpseller computes it per line on the discounted amount, rounded to
 * the cent; the order's own `tax` is what the customer paid, so any cent of difference from that
 * computation is spread over the taxed lines. A larger difference means the order does not follow the
 * money model (another rate, another rounding): stop rather than guess.
 */
function productVat(
  order: JumpsellerOrder,
  products: ProductLine[],
  afterDiscounts: number[],
  problems: InvoiceProblem[],
): number[] | null {
  const weights = products.map((p, i) => (p.exclusive ? afterDiscounts[i]! * Number(rateBasisPoints(p.rate)) : 0));
  const expected = weights.map((w) => Number(divideRounded(BigInt(w), 10000n)));
  const orderTax = toCents(order.tax);
  const difference = orderTax - expected.reduce((a, b) => a + b, 0);
  const tolerance = Math.max(
    1,
    products.reduce((sum, p) => sum + (p.exclusive ? p.qty : 0), 0),
  );
  const spread = weights.some((w) => w > 0) ? allocateProportionally(Math.abs(difference), weights) : null;
  const vat = spread ? expected.map((e, i) => e + Math.sign(difference) * spread[i]!) : expected;
  if (Math.abs(difference) > tolerance || (difference !== 0 && !spread) || vat.some((v) => v < 0)) {
    problems.push(
      problem(
        "tax_mismatch",
        `Order #${order.id} reports ${eur(orderTax)} of VAT on its products, but its lines' rates give ` +
          `${eur(orderTax - difference)}. Check the products' taxes in Jumpseller.`,
        { orderId: order.id, orderTax: decimal(orderTax), computedTax: decimal(orderTax - difference) },
      ),
    );
    return null;
  }
  return vat;
}

function shippingLine(
  order: JumpsellerOrder,
  defaultRate: number,
  title: string,
  taxExclusive: boolean,
  problems: InvoiceProblem[],
): LineTarget | null {
  const [tax, ...otherTaxes] = order.shipping_taxes;
  if (otherTaxes.length > 0 || tax?.fixed) {
    problems.push(
      problem(
        "unsupported_tax",
        "Shipping carries more than one tax or a fixed-amount tax; invoice this order manually.",
      ),
    );
    return null;
  }
  const shipping = toCents(order.shipping);
  const shippingDiscount = toCents(order.shipping_discount);
  const afterDiscount = shipping - shippingDiscount;
  if (shipping < 0 || shippingDiscount < 0 || afterDiscount < 0) {
    problems.push(
      problem(
        "negative_line",
        `Shipping is ${eur(shipping)} with a shipping discount of ${eur(shippingDiscount)}; it cannot be negative.`,
        { shipping: decimal(shipping), shippingDiscount: decimal(shippingDiscount) },
      ),
    );
    return null;
  }
  const rate = tax ? tax.rate : defaultRate;
  const shippingTax = toCents(order.shipping_tax);
  const addsTax = taxExclusive && (tax !== undefined || shippingTax !== 0);
  if (addsTax) {
    const expected = Number(divideRounded(BigInt(afterDiscount) * rateBasisPoints(rate), 10000n));
    if (Math.abs(expected - shippingTax) > 1) {
      problems.push(
        problem(
          "tax_mismatch",
          `Order #${order.id} reports ${eur(shippingTax)} of VAT on ${eur(afterDiscount)} of shipping; ` +
            `${rate} % gives ${eur(expected)}. Check the shipping tax in Jumpseller.`,
          { orderId: order.id, shippingTax: decimal(shippingTax), computedTax: decimal(expected), rate },
        ),
      );
      return null;
    }
  }
  const target = afterDiscount + (taxExclusive ? shippingTax : 0);
  if (target === 0) return null;
  return {
    kind: "shipping",
    reference: "PORTES",
    title,
    qty: 1,
    rate,
    unitGrossCents: addsTax ? grossOf(shipping, rate) : shipping,
    targetCents: target,
  };
}

/** Shipping taxes say `tax_on_shipping_price` where product taxes say `tax_on_product_price`. */
function isExclusive(taxes: JumpsellerOrder["shipping_taxes"]): boolean {
  const tax = taxes[0];
  if (!tax) return false;
  return (tax.tax_on_product_price ?? (tax as Record<string, unknown>).tax_on_shipping_price) !== true;
}

/** A net amount with VAT added, rounded up so that the line can reach its target with a discount. */
function grossOf(netCents: number, rate: number): number {
  return Number(divideCeil(BigInt(netCents) * (10000n + rateBasisPoints(rate)), 10000n));
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
