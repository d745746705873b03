// Order totals follow the money model (simulators/README.md, "## Jumpseller") to the cent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toCents } from "@/lib/money";
import { orderSchema } from "@/lib/jumpseller/schemas";
import { startJumpsellerSimulator, type JumpsellerSimulator, type OrderJson } from ".";
import { allocate, computeOrderTotals } from "./totals";

let sim: JumpsellerSimulator;
beforeAll(async () => {
  sim = await startJumpsellerSimulator({ rateLimit: false });
});
afterAll(() => sim.close());

const cents = (order: OrderJson) => ({
  subtotal: toCents(order.subtotal),
  discount: toCents(order.discount),
  tax: toCents(order.tax),
  shipping: toCents(order.shipping),
  shipping_discount: toCents(order.shipping_discount),
  shipping_tax: toCents(order.shipping_tax),
  gift_cards_discount: toCents(order.gift_cards_discount),
  total: toCents(order.total),
});

describe("money model", () => {
  it("tax-inclusive order: coupon, line discount, shipping discount, gift card", () => {
    const order = sim.control.createOrder({
      taxInclusive: true,
      products: [
        { name: "Caneca", qty: 2, price: 24.6, taxRate: 23 },
        { name: "Livro", qty: 1, price: 10, discount: 1, taxRate: 6 },
      ],
      coupon: { code: "DEZ", percent: 10 },
      shipping: 4.92,
      shippingTaxRate: 23,
      shippingDiscount: 1,
      giftCard: 5,
    });
    // Lines net of line discounts: 49.20 + 9.00 = 58.20; coupon 10% = 5.82, shared 4.92 / 0.90.
    // VAT inside: (49.20 − 4.92) × 23/123 = 8.28; (9.00 − 0.90) × 6/106 = 0.4585 → 0.46.
    // Shipping 4.92 − 1.00 = 3.92, VAT inside 0.733 → 0.73.
    expect(cents(order)).toEqual({
      subtotal: 5920,
      discount: 682,
      tax: 874,
      shipping: 492,
      shipping_discount: 100,
      shipping_tax: 73,
      gift_cards_discount: 500,
      total: 5130,
    });
    expect(order.total).toBeCloseTo(59.2 - 6.82 + 4.92 - 1 - 5, 10);
    expect(order.products.map((p) => [p.price, p.discount, p.tax])).toEqual([
      [24.6, 0, 4.6],
      [10, 1, 0.51],
    ]);
    expect(order.products[0]?.taxes).toEqual([expect.objectContaining({ rate: 23, tax_on_product_price: true })]);
    expect(order.shipping_taxes).toEqual([expect.objectContaining({ rate: 23 })]);
    expect(orderSchema.safeParse(order).success).toBe(true);
  });

  it("tax-exclusive order: VAT added per line after the coupon share, gift card paid part", () => {
    const order = sim.control.createOrder({
      taxInclusive: false,
      products: [
        { name: "Caneca", qty: 3, price: 10, discount: 0.5, taxRate: 23 },
        { name: "Vela", qty: 1, price: 7.99, taxRate: 13 },
      ],
      coupon: { amount: 5 },
      shipping: 5,
      shippingDiscount: 2,
      shippingTaxRate: 23,
      giftCard: 10,
    });
    // Nets 28.50 and 7.99; a 5.00 coupon splits 3.91 / 1.09 (largest remainder).
    // VAT: 24.59 × 23% = 5.6557 → 5.66; 6.90 × 13% = 0.897 → 0.90. Shipping 3.00 × 23% = 0.69.
    // total = 37.99 − 6.50 + 5.00 − 2.00 + 6.56 + 0.69 − 10.00 = 31.74
    expect(cents(order)).toEqual({
      subtotal: 3799,
      discount: 650,
      tax: 656,
      shipping: 500,
      shipping_discount: 200,
      shipping_tax: 69,
      gift_cards_discount: 1000,
      total: 3174,
    });
    // Per-unit VAT is informational: 9.50 × 23% = 2.185 → 2.19, and 3 × 2.19 = 6.57 ≠ the line's 6.56 before
    // the coupon — the one-cent trap of rounding per unit.
    expect(order.products.map((p) => p.tax)).toEqual([2.19, 1.04]);
    expect(order.products[0]?.taxes).toEqual([expect.objectContaining({ tax_on_product_price: false })]);
  });

  it("a gift card never exceeds what is owed", () => {
    const order = sim.control.createOrder({
      products: [{ name: "Postal", qty: 1, price: 2, taxRate: 23 }],
      giftCard: 50,
    });
    expect(cents(order)).toMatchObject({ gift_cards_discount: 200, total: 0 });
  });

  it("allocates with the largest remainder so parts add up", () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(0, [5, 5])).toEqual([0, 0]);
    const t = computeOrderTotals({
      lines: [1, 2, 3].map(() => ({ priceCents: 333, discountCents: 0, qty: 1, taxRate: 23 })),
      taxInclusive: true,
      shippingCents: 0,
      shippingDiscountCents: 0,
      shippingTaxRate: 23,
      coupon: { amountCents: 100 },
      giftCardCents: 0,
    });
    expect(t.lines.reduce((s, l) => s + l.couponShareCents, 0)).toBe(100);
  });
});

describe("order life cycle", () => {
  it("pays, cancels and edits orders, with translated status names beside status_enum", () => {
    const order = sim.control.createOrder({
      products: [{ name: "Caneca", qty: 1, price: 10, taxRate: 23 }],
      nif: "999999990",
    });
    expect([order.status, order.status_enum]).toEqual(["Pendente de Pagamento", "pending_payment"]);
    const paid = sim.control.payOrder(order.id);
    expect([paid.status, paid.status_name, paid.status_enum]).toEqual(["Pago", "Pago", "paid"]);
    expect(paid.completed_at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);
    const fixed = sim.control.updateOrder(order.id, { nif: "123456789" });
    expect((fixed.billing_address as { taxid: string }).taxid).toBe("123456789");
    expect(sim.control.cancelOrder(order.id)).toMatchObject({ status: "Cancelado", status_enum: "canceled" });
    expect(() => sim.control.payOrder(order.id)).toThrow(/canceled/);
  });
});
