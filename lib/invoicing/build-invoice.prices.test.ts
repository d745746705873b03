// Shops whose prices include VAT, Portuguese customers: lines, discounts, coupons, shipping, gift cards.
// Every expected amount below was worked out by hand from the order.
// Each case is spelled out whole on purpose (the order in, the document out): cases alike in shape stay apart.
import { describe } from "vitest";
import { buildOrder } from "@/tests/support/invoicing/fixtures";
import { expectedDocument, item, runInvoiceCases, shippingItem } from "@/tests/support/invoicing/expectations";

describe("buildInvoice — prices with VAT included", () => {
  runInvoiceCases([
    {
      name: "one line, quantity 2",
      order: buildOrder({ id: 1001, lines: [{ name: "T-shirt", sku: "TS-01", price: 19.9, qty: 2 }] }),
      document: expectedDocument(1001, [item("TS-01", "T-shirt", 2, 19.9, "NOR")]),
      gross: 3980,
    },
    {
      name: "two rates and taxed shipping",
      order: buildOrder({
        id: 1002,
        lines: [
          { name: "Caneca", sku: "CAN-1", price: 12.5 },
          { name: "Livro de receitas", sku: "LIV-1", price: 18, rate: 6 },
        ],
        shipping: { price: 4.5 },
      }),
      document: expectedDocument(1002, [
        item("CAN-1", "Caneca", 1, 12.5, "NOR"),
        item("LIV-1", "Livro de receitas", 1, 18, "RED"),
        shippingItem(4.5, "NOR"),
      ]),
      gross: 3500,
      // 17.00 at 23 % → 13.82 + 3.18; 18.00 at 6 % → 16.98 + 1.02.
      taxes: [
        { rate: 23, baseCents: 1382, vatCents: 318 },
        { rate: 6, baseCents: 1698, vatCents: 102 },
      ],
    },
    {
      name: "per-unit discount shown as a line discount",
      order: buildOrder({
        id: 1003,
        lines: [{ name: "Sapatilhas", sku: "SAP-42", price: 59.9, discount: 10, qty: 2 }],
      }),
      document: expectedDocument(1003, [item("SAP-42", "Sapatilhas", 2, 59.9, "NOR", 20)]),
      gross: 9980,
    },
    {
      name: "10 % coupon spread over two rates",
      // Coupon 4.20 on 26.97 + 14.99: 2.70 on the olive oil, 1.50 on the apron.
      order: buildOrder({
        id: 1004,
        lines: [
          { name: "Azeite", sku: "AZ-1", price: 8.99, qty: 3, rate: 6 },
          { name: "Avental", sku: "AV-1", price: 14.99 },
        ],
        coupon: { percent: 10 },
      }),
      document: expectedDocument(1004, [
        item("AZ-1", "Azeite", 3, 8.99, "RED", 2.7),
        item("AV-1", "Avental", 1, 14.99, "NOR", 1.5),
      ]),
      gross: 3776,
    },
    {
      name: "fixed 5.00 coupon over three lines, spare cent to the largest remainder",
      order: buildOrder({
        id: 1005,
        lines: [
          { name: "Vela", sku: "VEL-1", price: 6.5, qty: 2 },
          { name: "Sabonete", sku: "SAB-1", price: 3.25, qty: 4 },
          { name: "Difusor", sku: "DIF-1", price: 21 },
        ],
        coupon: { amount: 5 },
      }),
      document: expectedDocument(1005, [
        item("VEL-1", "Vela", 2, 6.5, "NOR", 1.38),
        item("SAB-1", "Sabonete", 4, 3.25, "NOR", 1.38),
        item("DIF-1", "Difusor", 1, 21, "NOR", 2.24),
      ]),
      gross: 4200,
    },
    {
      name: "shipping discount reduces the shipping line",
      order: buildOrder({
        id: 1006,
        lines: [{ name: "Chávena", sku: "CHA-1", price: 9, qty: 2 }],
        shipping: { price: 5.9, discount: 2 },
      }),
      document: expectedDocument(1006, [item("CHA-1", "Chávena", 2, 9, "NOR"), shippingItem(5.9, "NOR", 2)]),
      gross: 2190,
    },
    {
      name: "free shipping: no shipping line",
      order: buildOrder({
        id: 1007,
        lines: [{ name: "Chávena", sku: "CHA-1", price: 9 }],
        shipping: { price: 4.5, discount: 4.5 },
      }),
      document: expectedDocument(1007, [item("CHA-1", "Chávena", 1, 9, "NOR")]),
      gross: 900,
    },
    {
      name: "gift card pays part: the invoice keeps the full amount",
      order: buildOrder({
        id: 1008,
        lines: [{ name: "Manta", sku: "MAN-1", price: 45 }],
        shipping: { price: 5 },
        giftCard: 20,
      }),
      document: expectedDocument(1008, [item("MAN-1", "Manta", 1, 45, "NOR"), shippingItem(5, "NOR")]),
      gross: 5000,
    },
    {
      name: "gift card pays everything (order total 0.00)",
      order: buildOrder({ id: 1009, lines: [{ name: "Cachecol", sku: "CAC-1", price: 25 }], giftCard: 25 }),
      document: expectedDocument(1009, [item("CAC-1", "Cachecol", 1, 25, "NOR")]),
      gross: 2500,
    },
    {
      name: "variant without SKU: reference from product and variant, options in the title",
      order: buildOrder({
        id: 1010,
        lines: [
          {
            name: "T-shirt",
            sku: null,
            productId: 300,
            variantId: 3001,
            options: [
              { name: "Size", value: "M" },
              { name: "Colour", value: "Blue" },
            ],
            price: 15,
          },
        ],
      }),
      document: expectedDocument(1010, [item("JS-300-3001", "T-shirt (Size: M, Colour: Blue)", 1, 15, "NOR")]),
      gross: 1500,
    },
    {
      name: "product without SKU or variant",
      order: buildOrder({
        id: 1011,
        lines: [{ name: "Postal ilustrado", sku: null, productId: 301, price: 1.5, qty: 4 }],
      }),
      document: expectedDocument(1011, [item("JS-301", "Postal ilustrado", 4, 1.5, "NOR")]),
      gross: 600,
    },
    {
      name: "options already in the name are not repeated",
      order: buildOrder({
        id: 1012,
        lines: [
          {
            name: "T-shirt - M / Azul",
            sku: "TS-M-AZ",
            options: [
              { name: "Tamanho", value: "M" },
              { name: "Cor", value: "Azul" },
            ],
            price: 15,
          },
        ],
      }),
      document: expectedDocument(1012, [item("TS-M-AZ", "T-shirt - M / Azul", 1, 15, "NOR")]),
      gross: 1500,
    },
    {
      name: "a zero-priced gift stays on the invoice",
      order: buildOrder({
        id: 1013,
        lines: [
          { name: "Caderno", sku: "CAD-1", price: 7.5 },
          { name: "Autocolante (oferta)", sku: "AUT-0", price: 0 },
        ],
      }),
      document: expectedDocument(1013, [
        item("CAD-1", "Caderno", 1, 7.5, "NOR"),
        item("AUT-0", "Autocolante (oferta)", 1, 0, "NOR"),
      ]),
      gross: 750,
    },
    {
      name: "lines and shipping without tax take the default rate",
      order: buildOrder({
        id: 1014,
        lines: [{ name: "Bolsa", sku: "BOL-1", price: 30, rate: null }],
        shipping: { price: 3, rate: null },
      }),
      document: expectedDocument(1014, [item("BOL-1", "Bolsa", 1, 30, "NOR"), shippingItem(3, "NOR")]),
      gross: 3300,
    },
    {
      name: "a 13 % default rate maps to INT",
      order: buildOrder({ id: 1015, lines: [{ name: "Vinho tinto", sku: "VIN-1", price: 9.8, qty: 2, rate: null }] }),
      ctx: { defaultVatRate: 13 },
      document: expectedDocument(1015, [item("VIN-1", "Vinho tinto", 2, 9.8, "INT")]),
      gross: 1960,
    },
  ]);
});
