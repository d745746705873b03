// Document types, modes, and orders that must not become invoices.
import { describe } from "vitest";
import { buildOrder } from "@/tests/support/invoicing/fixtures";
import { expectedDocument, item, runInvoiceCases, shippingItem } from "@/tests/support/invoicing/expectations";

const mug = { name: "Caneca", sku: "CAN-1", price: 12.5 };

describe("buildInvoice — document type and mode", () => {
  runInvoiceCases([
    {
      name: "FR with the store's payment method",
      order: buildOrder({ id: 1043, lines: [mug], shipping: { price: 4.5 } }),
      ctx: { documentType: "FR", paymentMethodId: 3 },
      document: expectedDocument(1043, [item("CAN-1", "Caneca", 1, 12.5, "NOR"), shippingItem(4.5, "NOR")], {
        type: "FR",
        payments: [{ id: 3, amount: 17 }],
      }),
      gross: 1700,
    },
    {
      name: "FR with the method mapped from Jumpseller's payment type",
      order: buildOrder({ id: 1044, lines: [mug], paymentMethodType: "mbway" }),
      ctx: { documentType: "FR", paymentMethodId: 3, paymentMethodMap: { mbway: 9, credit_card: 4 } },
      document: expectedDocument(1044, [item("CAN-1", "Caneca", 1, 12.5, "NOR")], {
        type: "FR",
        payments: [{ id: 9, amount: 12.5 }],
      }),
      gross: 1250,
    },
    {
      name: "FR without a payment method: refused",
      order: buildOrder({ id: 1045, lines: [mug] }),
      ctx: { documentType: "FR", paymentMethodMap: { credit_card: 4 } },
      problems: [
        {
          code: "missing_payment_method",
          message:
            'An FR (fatura-recibo) needs a Vendus payment method, and none is set for Jumpseller\'s "MB Way" ' +
            "payments. Choose one in the store's invoicing settings.",
          params: { paymentMethodType: "mbway", paymentMethodName: "MB Way" },
        },
      ],
    },
    {
      name: "test mode and a fixed date",
      order: buildOrder({ id: 1046, lines: [mug] }),
      ctx: { testMode: true, date: "2026-03-02" },
      document: expectedDocument(1046, [item("CAN-1", "Caneca", 1, 12.5, "NOR")], {
        mode: "tests",
        date: "2026-03-02",
      }),
      gross: 1250,
    },
    {
      name: "Jumpseller's VAT one cent off the per-line computation (rounded per unit) is absorbed",
      // 3 × round(9.99 × 23 %) = 3 × 2.30 = 6.90 instead of 6.89: the customer paid 36.87.
      order: buildOrder({
        id: 1056,
        taxIncluded: false,
        lines: [{ name: "Lápis de cor", sku: "LAP-1", price: 9.99, qty: 3 }],
        patch: (raw) => Object.assign(raw, { tax: 6.9, total: 36.87 }),
      }),
      document: expectedDocument(1056, [item("LAP-1", "Lápis de cor", 3, 12.29, "NOR")]),
      gross: 3687,
    },
  ]);
});

describe("buildInvoice — refusals", () => {
  runInvoiceCases([
    {
      name: "not paid",
      order: buildOrder({ id: 1048, lines: [mug], status: "pending_payment" }),
      problems: [
        {
          code: "not_paid",
          message: "Order #1048 is pending_payment, not paid: only paid orders are invoiced.",
          params: { orderId: 1048, status: "pending_payment" },
        },
      ],
    },
    {
      name: "not in euros",
      order: buildOrder({ id: 1047, lines: [mug], currency: "USD" }),
      problems: [
        {
          code: "currency",
          message:
            "Order #1047 is in USD; invoices are issued in euros and Ponte does not convert currencies. Invoice " +
            "this order manually with the exchange rate of the day.",
          params: { orderId: 1047, currency: "USD" },
        },
      ],
    },
    {
      name: "no product lines",
      order: buildOrder({ id: 1049, lines: [], shipping: { price: 4.5 } }),
      problems: [
        {
          code: "no_lines",
          message: "Order #1049 has no product lines: nothing to invoice.",
          params: { orderId: 1049 },
        },
      ],
    },
    {
      name: "total that the lines do not reach",
      order: buildOrder({ id: 1050, lines: [mug], patch: (raw) => Object.assign(raw, { total: 12.51 }) }),
      problems: [
        {
          code: "totals_mismatch",
          message:
            "Order #1050 was paid 12.51 EUR (total 12.51 EUR plus 0.00 EUR in gift cards), but its lines add up " +
            "to 12.50 EUR. Check the order's amounts in Jumpseller and invoice it manually.",
          params: { orderId: 1050, paid: "12.51", computed: "12.50" },
        },
      ],
    },
    {
      name: "negative line",
      order: buildOrder({
        id: 1051,
        lines: [
          { name: "Desconto manual", sku: "DESC", price: -5 },
          { name: "Manta", sku: "MAN-1", price: 45 },
        ],
      }),
      problems: [
        {
          code: "negative_line",
          message:
            'Line 1 ("Desconto manual") has price -5.00 EUR and per-unit discount 0.00 EUR; a line cannot be ' +
            "negative. Refunds are made with a credit note.",
          params: { line: 1, name: "Desconto manual", price: "-5.00", discount: "0.00" },
        },
      ],
    },
    {
      name: "zero quantity",
      order: buildOrder({
        id: 1057,
        lines: [
          { ...mug, qty: 0 },
          { name: "Manta", sku: "MAN-1", price: 45 },
        ],
      }),
      problems: [
        {
          code: "invalid_quantity",
          message: 'Line 1 ("Caneca") has quantity 0; only whole positive quantities are invoiced.',
          params: { line: 1, name: "Caneca", qty: 0 },
        },
      ],
    },
    {
      name: "prices with and without VAT in one order",
      order: buildOrder({
        id: 1052,
        lines: [mug, { name: "Manta", sku: "MAN-1", price: 45 }],
        patch: (raw) => {
          raw.products[1]!.taxes![0]!.tax_on_product_price = false;
        },
      }),
      problems: [
        {
          code: "mixed_tax_basis",
          message:
            "Order #1052 mixes lines whose prices include VAT with lines whose prices exclude it; set every tax " +
            "of the shop the same way in Jumpseller and invoice this order manually.",
          params: { orderId: 1052 },
        },
      ],
    },
    {
      name: "two taxes on one line",
      order: buildOrder({
        id: 1058,
        lines: [mug],
        patch: (raw) => {
          raw.products[0]!.taxes!.push({ id: 9, name: "Ecovalor", rate: 1, fixed: false, tax_on_product_price: true });
        },
      }),
      problems: [
        {
          code: "unsupported_tax",
          message:
            'Line 1 ("Caneca") carries more than one tax; an invoice line takes exactly one VAT rate. Invoice this ' +
            "order manually.",
          params: { line: 1, name: "Caneca" },
        },
      ],
    },
    {
      name: "a rate mainland Portugal does not have",
      order: buildOrder({ id: 1053, lines: [{ ...mug, rate: 21 }] }),
      problems: [
        {
          code: "unknown_vat_rate",
          message:
            "The order charges VAT at 21 %, which is not a rate of mainland Portugal (23 / 13 / 6 / 0 %). Correct " +
            "the tax in Jumpseller or check the Vendus account's region.",
          params: { rate: 21, region: "PT" },
        },
      ],
    },
    {
      name: "VAT on the order far from what the rates give",
      order: buildOrder({
        id: 1054,
        taxIncluded: false,
        lines: [{ name: "Candeeiro", sku: "CAN-2", price: 10 }],
        patch: (raw) => Object.assign(raw, { tax: 2.8, total: 12.8 }),
      }),
      problems: [
        {
          code: "tax_mismatch",
          message:
            "Order #1054 reports 2.80 EUR of VAT on its products, but its lines' rates give 2.30 EUR. Check the " +
            "products' taxes in Jumpseller.",
          params: { orderId: 1054, orderTax: "2.80", computedTax: "2.30" },
        },
      ],
    },
    {
      name: "order discount smaller than the lines' own discounts",
      order: buildOrder({
        id: 1055,
        lines: [{ name: "Almofada", sku: "ALM-1", price: 30, discount: 5, qty: 2 }],
        patch: (raw) => Object.assign(raw, { discount: 4 }),
      }),
      problems: [
        {
          code: "discount_mismatch",
          message:
            "Order #1055 reports a discount of 4.00 EUR, but its lines carry 10.00 EUR of per-unit discounts on " +
            "60.00 EUR of products; the coupon part cannot be placed on the lines. Check the order's discounts " +
            "in Jumpseller.",
          params: { orderId: 1055, discount: "4.00", lineDiscounts: "10.00" },
        },
      ],
    },
    {
      name: "invalid document date",
      order: buildOrder({ id: 1059, lines: [mug] }),
      ctx: { date: "2026-02-30" },
      problems: [
        {
          code: "invalid_date",
          message: 'The document date "2026-02-30" is not a YYYY-MM-DD date.',
          params: { date: "2026-02-30" },
        },
      ],
    },
    {
      name: "nothing to pay at all",
      order: buildOrder({ id: 1060, lines: [{ ...mug, price: 0 }] }),
      problems: [
        {
          code: "zero_total",
          message: "Order #1060 adds up to 0.00 EUR: there is nothing to invoice.",
          params: { orderId: 1060 },
        },
      ],
    },
  ]);
});
