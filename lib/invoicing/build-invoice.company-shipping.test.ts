// Company buyers, VIES answers, and shipping VAT as charged or following the goods.
// Each case is spelled out whole on purpose (the order in, the document out): cases alike in shape stay apart.
import { describe, expect, it } from "vitest";
import { buildInvoice } from "./build-invoice";
import { buildOrder } from "@/tests/support/invoicing/fixtures";
import {
  baseCtx,
  expectedDocument,
  item,
  mariaSilva,
  oss,
  runInvoiceCases,
  shippingItem,
} from "@/tests/support/invoicing/expectations";

const company = (raw: { billing_information?: unknown }) =>
  void (raw.billing_information = {
    company_name: "Cerâmicas do Norte, Lda.",
    business_activity: null,
    taxpayer_type: null,
  });

describe("buildInvoice — company buyers", () => {
  runInvoiceCases([
    {
      name: "a company named on the order is the client: its name, NIF and address",
      order: buildOrder({
        id: 4001,
        lines: [{ name: "Caneca", sku: "CAN-1", price: 12.5 }],
        taxid: "501964843",
        patch: company,
      }),
      document: expectedDocument(4001, [item("CAN-1", "Caneca", 1, 12.5, "NOR")], {
        client: { ...mariaSilva("501964843"), name: "Cerâmicas do Norte, Lda." },
      }),
      gross: 1250,
    },
    {
      name: "a Portuguese company buying goods sent to Spain with OSS on: Portuguese VAT, with a note",
      order: buildOrder({
        id: 4002,
        lines: [{ name: "Caneca", sku: "CAN-1", price: 12.5 }],
        taxid: "501964843",
        patch: company,
        shippingAddress: { country_code: "ES", postal: "28013", city: "Madrid", address: "Calle Mayor 5" },
      }),
      ctx: { oss: true },
      document: expectedDocument(4002, [item("CAN-1", "Caneca", 1, 12.5, "NOR")], {
        client: { ...mariaSilva("501964843"), name: "Cerâmicas do Norte, Lda." },
      }),
      gross: 1250,
      warnings: [
        "The buyer's NIF 501964843 is a Portuguese company's: the sale to ES was invoiced with Portuguese VAT (not " +
          "OSS, which is for consumers; no exemption without a VAT number of another member state).",
      ],
    },
  ]);

  it("a Portuguese public body buying goods sent abroad with OSS on is refused: taxable or not is unclear", () => {
    const order = buildOrder({
      id: 4003,
      lines: [{ name: "Caneca", sku: "CAN-1", price: 12.5 }],
      taxid: "600000001",
      shippingAddress: { country_code: "ES", postal: "28013" },
    });
    expect(buildInvoice(order, { ...baseCtx, oss: true })).toMatchObject({
      ok: false,
      problems: [{ code: "buyer_unclear" }],
    });
  });
});

describe("buildInvoice — VIES confirmation", () => {
  const order = buildOrder({
    id: 4010,
    lines: [{ name: "Cadeira", sku: "CAD-1", price: 150 }],
    billing: { country_code: "DE", postal: "10119", city: "Berlin", taxid: "DE129273398" },
  });
  const answer = { vatNumber: "DE129273398", requestDate: "2026-03-02", requestIdentifier: "WAPIAAAAX1" };

  it("a number VIES confirmed is exempt", () => {
    expect(buildInvoice(order, { ...baseCtx, viesRequired: true, vies: { ...answer, valid: true } })).toMatchObject({
      ok: true,
      document: { items: [{ tax_exemption: "M16" }] },
    });
  });

  it("a number VIES rejects is not a VAT number: refused, or a consumer with the store's policy", () => {
    expect(buildInvoice(order, { ...baseCtx, viesRequired: true, vies: { ...answer, valid: false } })).toMatchObject({
      ok: false,
      problems: [{ code: "invalid_vat_number", message: expect.stringContaining("VIES answered on 2026-03-02") }],
    });
    const result = buildInvoice(order, {
      ...baseCtx,
      oss: false,
      invalidVatNumberPolicy: "consumer",
      viesRequired: true,
      vies: { ...answer, valid: false },
    });
    expect(result).toMatchObject({ ok: true, document: { items: [{ tax_id: "NOR" }] } });
  });

  it("without an answer for this number, the store that requires VIES refuses", () => {
    expect(buildInvoice(order, { ...baseCtx, viesRequired: true })).toMatchObject({
      ok: false,
      problems: [{ code: "vies_unchecked" }],
    });
  });
});

describe("buildInvoice — shipping VAT", () => {
  const book = { name: "Livro", sku: "LIV-1", price: 18, rate: 6 };
  const apron = { name: "Avental", sku: "AV-1", price: 14.99 };
  const shippingWarning =
    "Shipping was charged at 23 % VAT, a rate none of the goods has (6 %). Transport charged to the customer is " +
    'taxed like the goods (CIVA art. 16.º, n.º 5, b)): consider the store setting "shipping VAT following the goods".';

  runInvoiceCases([
    {
      name: "as charged (the default): shipping keeps the shop's 23 %, with a warning when no goods have it",
      order: buildOrder({ id: 4020, lines: [book], shipping: { price: 5 } }),
      document: expectedDocument(4020, [item("LIV-1", "Livro", 1, 18, "RED"), shippingItem(5, "NOR")]),
      gross: 2300,
      warnings: [shippingWarning],
    },
    {
      name: "following the goods, one rate: shipping at the book's 6 %",
      order: buildOrder({ id: 4021, lines: [book], shipping: { price: 5 } }),
      ctx: { shippingVat: "follow_goods" },
      document: expectedDocument(4021, [item("LIV-1", "Livro", 1, 18, "RED"), shippingItem(5, "RED")]),
      gross: 2300,
      taxes: [{ rate: 6, baseCents: 2170, vatCents: 130 }],
    },
    {
      name: "following the goods, two rates: shipping split by each rate's share of the goods",
      // Goods 18.00 at 6 % and 14.99 at 23 %: 5.00 of shipping → 2.73 at 6 % and 2.27 at 23 %.
      order: buildOrder({ id: 4022, lines: [book, apron], shipping: { price: 5 } }),
      ctx: { shippingVat: "follow_goods" },
      document: expectedDocument(4022, [
        item("LIV-1", "Livro", 1, 18, "RED"),
        item("AV-1", "Avental", 1, 14.99, "NOR"),
        { ...shippingItem(2.73, "RED"), title: "Portes de envio (6 %)" },
        { ...shippingItem(2.27, "NOR"), title: "Portes de envio (23 %)" },
      ]),
      gross: 3799,
    },
    {
      name: "following the goods with OSS: shipping takes the destination rate of each goods' share",
      order: buildOrder({
        id: 4023,
        lines: [
          { ...book, rate: 4 },
          { ...apron, rate: 21 },
        ],
        shipping: { price: 5, rate: 21 },
        billing: { country_code: "ES", postal: "28013", city: "Madrid" },
      }),
      ctx: { oss: true, shippingVat: "follow_goods" },
      document: expectedDocument(
        4023,
        [
          item("LIV-1", "Livro", 1, 18, oss("ES", 4, "RED")),
          item("AV-1", "Avental", 1, 14.99, oss("ES", 21)),
          { ...shippingItem(2.73, oss("ES", 4, "RED")), title: "Portes de envio (4 %)" },
          { ...shippingItem(2.27, oss("ES", 21)), title: "Portes de envio (21 %)" },
        ],
        {
          client: {
            name: "Maria Silva",
            address: "Rua das Flores 12",
            postalcode: "28013",
            city: "Madrid",
            country: "ES",
            email: "maria.silva@example.pt",
            external_reference: "501",
          },
        },
      ),
      gross: 3799,
    },
  ]);

  it("following the goods when the goods are free: refused, there is no rate to follow", () => {
    const order = buildOrder({ id: 4024, lines: [{ ...book, discount: 18 }], shipping: { price: 5 } });
    expect(buildInvoice(order, { ...baseCtx, shippingVat: "follow_goods" })).toMatchObject({
      ok: false,
      problems: [{ code: "shipping_without_goods" }],
    });
  });

  it("a tax-exclusive shop: the customer pays the same total, the VAT inside the shipping follows the goods", () => {
    const order = buildOrder({ id: 4025, taxIncluded: false, lines: [book], shipping: { price: 5 } });
    const result = buildInvoice(order, { ...baseCtx, shippingVat: "follow_goods" });
    // 18.00 + 6 % = 19.08; shipping 5.00 + 23 % = 6.15 paid, now all at 6 %.
    expect(result).toMatchObject({
      ok: true,
      summary: { grossCents: 2523, taxes: [{ rate: 6, baseCents: 2380, vatCents: 143 }] },
    });
  });
});
