// Shops whose prices exclude VAT (VAT computed per line on the discounted amount, rounded to the cent), and
// accounts in Madeira and the Azores. Unit prices with VAT are rounded up to the cent and a line discount
// lands each line on the exact cents the customer paid.
// Each case is spelled out whole on purpose (the order in, the document out): cases alike in shape stay apart.
import { describe } from "vitest";
import { buildOrder } from "@/tests/support/invoicing/fixtures";
import { expectedDocument, item, runInvoiceCases, shippingItem } from "@/tests/support/invoicing/expectations";

describe("buildInvoice — prices without VAT", () => {
  runInvoiceCases([
    {
      name: "VAT added on top",
      order: buildOrder({ id: 1016, taxIncluded: false, lines: [{ name: "Candeeiro", sku: "CAN-2", price: 10 }] }),
      document: expectedDocument(1016, [item("CAN-2", "Candeeiro", 1, 12.3, "NOR")]),
      gross: 1230,
    },
    {
      name: "1-cent rounding trap: 3 × 9.99 + 23 % is 36.86, not 3 × 12.29",
      // 29.97 + 6.89 VAT = 36.86; unit 12.2877 → 12.29, and 0.01 off the line.
      order: buildOrder({
        id: 1017,
        taxIncluded: false,
        lines: [{ name: "Lápis de cor", sku: "LAP-1", price: 9.99, qty: 3 }],
      }),
      document: expectedDocument(1017, [item("LAP-1", "Lápis de cor", 3, 12.29, "NOR", 0.01)]),
      gross: 3686,
    },
    {
      name: "three rates and taxed shipping",
      // 91.00 + 20.93; 12.40 + 1.61; 7.35 + 0.44; shipping 6.00 + 1.38 → 141.11.
      order: buildOrder({
        id: 1018,
        taxIncluded: false,
        lines: [
          { name: "Cadeira", sku: "CAD-2", price: 45.5, qty: 2 },
          { name: "Vinho do Porto", sku: "POR-1", price: 12.4, rate: 13 },
          { name: "Pão de ló", sku: "PAO-1", price: 7.35, rate: 6 },
        ],
        shipping: { price: 6 },
      }),
      document: expectedDocument(1018, [
        item("CAD-2", "Cadeira", 2, 55.97, "NOR", 0.01),
        item("POR-1", "Vinho do Porto", 1, 14.02, "INT", 0.01),
        item("PAO-1", "Pão de ló", 1, 7.8, "RED", 0.01),
        shippingItem(7.38, "NOR"),
      ]),
      gross: 14111,
      taxes: [
        { rate: 23, baseCents: 9700, vatCents: 2231 },
        { rate: 13, baseCents: 1240, vatCents: 161 },
        { rate: 6, baseCents: 735, vatCents: 44 },
      ],
    },
    {
      name: "per-unit discount",
      // 2 × (40.00 − 5.00) = 70.00 + 16.10 VAT; shown as 2 × 49.20 − 12.30.
      order: buildOrder({
        id: 1019,
        taxIncluded: false,
        lines: [{ name: "Mochila", sku: "MOC-1", price: 40, discount: 5, qty: 2 }],
      }),
      document: expectedDocument(1019, [item("MOC-1", "Mochila", 2, 49.2, "NOR", 12.3)]),
      gross: 8610,
    },
    {
      name: "15 % coupon over two rates",
      // Coupon 3.65 on 12.45 + 11.90 → 1.87 and 1.78; VAT 10.58 × 23 % = 2.43, 10.12 × 6 % = 0.61.
      order: buildOrder({
        id: 1020,
        taxIncluded: false,
        lines: [
          { name: "Caneta", sku: "CNT-1", price: 2.49, qty: 5 },
          { name: "Agenda", sku: "AGE-1", price: 11.9, rate: 6 },
        ],
        coupon: { percent: 15 },
      }),
      document: expectedDocument(1020, [
        item("CNT-1", "Caneta", 5, 3.07, "NOR", 2.34),
        item("AGE-1", "Agenda", 1, 12.62, "RED", 1.89),
      ]),
      gross: 2374,
    },
    {
      name: "fixed coupon and shipping discount",
      // Coupon 10.00 → 5.93 and 4.07; VAT 6.69 + 4.58; shipping 4.00 + 0.92.
      order: buildOrder({
        id: 1021,
        taxIncluded: false,
        lines: [
          { name: "Tapete", sku: "TAP-1", price: 35 },
          { name: "Almofada", sku: "ALM-1", price: 12, qty: 2 },
        ],
        coupon: { amount: 10 },
        shipping: { price: 7, discount: 3 },
      }),
      document: expectedDocument(1021, [
        item("TAP-1", "Tapete", 1, 43.05, "NOR", 7.29),
        item("ALM-1", "Almofada", 2, 14.76, "NOR", 5.01),
        shippingItem(8.61, "NOR", 3.69),
      ]),
      gross: 6519,
    },
    {
      name: "gift card on an FR: payment is the whole document",
      order: buildOrder({
        id: 1022,
        taxIncluded: false,
        lines: [{ name: "Relógio", sku: "REL-1", price: 80 }],
        giftCard: 50,
      }),
      ctx: { documentType: "FR", paymentMethodId: 3 },
      document: expectedDocument(1022, [item("REL-1", "Relógio", 1, 98.4, "NOR")], {
        type: "FR",
        payments: [{ id: 3, amount: 98.4 }],
      }),
      gross: 9840,
    },
    {
      name: "untaxed shipping in a tax-excluded shop",
      order: buildOrder({
        id: 1023,
        taxIncluded: false,
        lines: [{ name: "Quadro", sku: "QUA-1", price: 20 }],
        shipping: { price: 4, rate: null },
      }),
      document: expectedDocument(1023, [item("QUA-1", "Quadro", 1, 24.6, "NOR"), shippingItem(4, "NOR")]),
      gross: 2860,
    },
  ]);
});

describe("buildInvoice — Madeira and Azores accounts", () => {
  runInvoiceCases([
    {
      name: "Madeira: 22 % and 5 %, VAT included",
      order: buildOrder({
        id: 1024,
        lines: [
          { name: "Bolo de mel", sku: "BOL-2", price: 9.5, qty: 2, rate: 5 },
          { name: "Licor", sku: "LIC-1", price: 14, rate: 22 },
        ],
        shipping: { price: 3.5, rate: 22 },
      }),
      ctx: { region: "PT-MA", defaultVatRate: 22 },
      document: expectedDocument(1024, [
        item("BOL-2", "Bolo de mel", 2, 9.5, "RED"),
        item("LIC-1", "Licor", 1, 14, "NOR"),
        shippingItem(3.5, "NOR"),
      ]),
      gross: 3650,
      taxes: [
        { rate: 5, baseCents: 1810, vatCents: 90 },
        { rate: 22, baseCents: 1434, vatCents: 316 },
      ],
    },
    {
      name: "Azores: 4 %, 9 % and 16 %, VAT excluded",
      // 24.00 + 0.96; 6.50 + 0.59 (0.585 rounds up); 18.00 + 2.88; shipping 5.00 + 0.80.
      order: buildOrder({
        id: 1025,
        taxIncluded: false,
        lines: [
          { name: "Queijo", sku: "QUE-1", price: 12, qty: 2, rate: 4 },
          { name: "Chá", sku: "CHA-2", price: 6.5, rate: 9 },
          { name: "Licor de ananás", sku: "ANL-1", price: 18, rate: 16 },
        ],
        shipping: { price: 5, rate: 16 },
      }),
      ctx: { region: "PT-AC", defaultVatRate: 16 },
      document: expectedDocument(1025, [
        item("QUE-1", "Queijo", 2, 12.48, "RED"),
        item("CHA-2", "Chá", 1, 7.09, "INT"),
        item("ANL-1", "Licor de ananás", 1, 20.88, "NOR"),
        shippingItem(5.8, "NOR"),
      ]),
      gross: 5873,
    },
    {
      name: "Madeira account, mainland rate on the order: refused",
      order: buildOrder({ id: 1026, lines: [{ name: "Caneca", sku: "CAN-1", price: 10 }] }),
      ctx: { region: "PT-MA", defaultVatRate: 22 },
      problems: [
        {
          code: "unknown_vat_rate",
          message:
            "The order charges VAT at 23 %, which is not a rate of Madeira (22 / 12 / 5 / 0 %). Correct the tax " +
            "in Jumpseller or check the Vendus account's region.",
          params: { rate: 23, region: "PT-MA" },
        },
      ],
    },
  ]);
});
