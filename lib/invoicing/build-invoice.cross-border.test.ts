// Where the sale is taxed: OSS consumers, EU businesses, exports; and exempt lines.
// Each case is spelled out whole on purpose (the order in, the document out): cases alike in shape stay apart.
import { describe } from "vitest";
import { buildOrder, type FixtureSpec } from "@/tests/support/invoicing/fixtures";
import {
  exempt,
  expectedDocument,
  item,
  lucia,
  luciaClient,
  oss,
  runInvoiceCases,
  shippingItem,
} from "@/tests/support/invoicing/expectations";

const mug = { name: "Caneca", sku: "CAN-1", price: 12.5 };

const muebles: Pick<FixtureSpec, "billing" | "customer" | "taxid"> = {
  billing: {
    name: "Muebles Ibéricos S.L.",
    surname: null,
    address: "Calle de Alcalá 100",
    city: "Madrid",
    postal: "28009",
    country: "España",
    country_code: "ES",
  },
  customer: { id: 504, email: "compras@mueblesibericos.es" },
  taxid: "ES B12345674",
};
const mueblesClient = {
  fiscal_id: "ESB12345674",
  name: "Muebles Ibéricos S.L.",
  address: "Calle de Alcalá 100",
  postalcode: "28009",
  city: "Madrid",
  country: "ES",
  email: "compras@mueblesibericos.es",
  external_reference: "504",
};
const intraEuWarning =
  "Issued VAT-exempt as an intra-community supply (M16, art. 14.º of the RITI) to ES: the customer's VAT " +
  "number must be valid in VIES, and proof of transport must be kept.";

describe("buildInvoice — cross-border sales", () => {
  runInvoiceCases([
    {
      name: "EU business with a VAT number, goods to Spain: exempt M16",
      order: buildOrder({
        id: 1034,
        lines: [{ name: "Cadeira de escritório", sku: "CAD-3", price: 150 }],
        shipping: { price: 12 },
        ...muebles,
      }),
      document: expectedDocument(
        1034,
        [
          item("CAD-3", "Cadeira de escritório", 1, 150, exempt("M16", "Artigo 14.º do RITI")),
          shippingItem(12, exempt("M16", "Artigo 14.º do RITI")),
        ],
        { client: mueblesClient },
      ),
      gross: 16200,
      warnings: [intraEuWarning],
    },
    {
      name: "EU business with goods delivered in Portugal: PT VAT, VAT number kept",
      order: buildOrder({
        id: 1035,
        lines: [{ name: "Cadeira de escritório", sku: "CAD-3", price: 150 }],
        ...muebles,
        shippingAddress: { city: "Lisboa", postal: "1100-123", address: "Rua das Flores 12", country_code: "PT" },
      }),
      ctx: { oss: true },
      document: expectedDocument(1035, [item("CAD-3", "Cadeira de escritório", 1, 150, "NOR")], {
        client: mueblesClient,
      }),
      gross: 15000,
    },
    {
      name: "OSS consumer in Spain: Spanish 21 % on every line",
      order: buildOrder({
        id: 1036,
        lines: [{ ...mug, qty: 2, rate: 21 }],
        shipping: { price: 6, rate: 21 },
        ...lucia,
      }),
      ctx: { oss: true },
      document: expectedDocument(
        1036,
        [item("CAN-1", "Caneca", 2, 12.5, oss("ES", 21)), shippingItem(6, oss("ES", 21))],
        {
          client: luciaClient,
        },
      ),
      gross: 3100,
      taxes: [{ rate: 21, country: "ES", baseCents: 2562, vatCents: 538 }],
    },
    {
      name: "OSS consumer in France, lines at Portuguese rates: refused line by line, never re-rated",
      order: buildOrder({
        id: 1037,
        lines: [
          { name: "Livro de receitas", sku: "LIV-1", price: 18, rate: 6 },
          { name: "Avental", sku: "AV-1", price: 14.99 },
        ],
        billing: {
          name: "Camille",
          surname: "Martin",
          address: "12 Rue de Rivoli",
          city: "Paris",
          postal: "75004",
          country: "France",
          country_code: "FR",
        },
        customer: { id: 505, email: "camille.martin@example.fr" },
      }),
      ctx: { oss: true },
      problems: [
        {
          code: "destination_vat_rate",
          message:
            'Line 1 ("Livro de receitas") is charged at 6 % VAT, which is not a VAT rate of FR on 2026-03-02 (20 %, ' +
            "10 %, 5.5 %, 2.1 %). With OSS the customer pays FR's VAT: set the product's tax for FR in Jumpseller, " +
            "or invoice this order manually.",
          params: {
            line: 'Line 1 ("Livro de receitas")',
            rate: 6,
            country: "FR",
            date: "2026-03-02",
            rates: "20 %, 10 %, 5.5 %, 2.1 %",
          },
        },
        {
          code: "destination_vat_rate",
          message:
            'Line 2 ("Avental") is charged at 23 % VAT, which is not a VAT rate of FR on 2026-03-02 (20 %, 10 %, ' +
            "5.5 %, 2.1 %). With OSS the customer pays FR's VAT: set the product's tax for FR in Jumpseller, or " +
            "invoice this order manually.",
          params: {
            line: 'Line 2 ("Avental")',
            rate: 23,
            country: "FR",
            date: "2026-03-02",
            rates: "20 %, 10 %, 5.5 %, 2.1 %",
          },
        },
      ],
    },
    {
      name: "OSS consumer in Germany, shop already charging 19 % without VAT in prices",
      order: buildOrder({
        id: 1038,
        taxIncluded: false,
        lines: [{ ...mug, price: 10, qty: 3, rate: 19 }],
        shipping: { price: 5, rate: 19 },
        billing: {
          name: "Lena",
          surname: "Schmidt",
          address: "Torstraße 10",
          city: "Berlin",
          postal: "10119",
          country: "Deutschland",
          country_code: "DE",
        },
        customer: { id: 506, email: "lena.schmidt@example.de" },
      }),
      ctx: { oss: true },
      document: expectedDocument(
        1038,
        [item("CAN-1", "Caneca", 3, 11.9, oss("DE", 19)), shippingItem(5.95, oss("DE", 19))],
        {
          client: {
            name: "Lena Schmidt",
            address: "Torstraße 10",
            postalcode: "10119",
            city: "Berlin",
            country: "DE",
            email: "lena.schmidt@example.de",
            external_reference: "506",
          },
        },
      ),
      gross: 4165,
    },
    {
      name: "buyer outside the EU: export, exempt M05",
      order: buildOrder({
        id: 1040,
        lines: [{ name: "Cadeira", sku: "CAD-1", price: 150 }],
        shipping: { price: 25 },
        billing: {
          name: "Jonas",
          surname: "Meier",
          address: "Bahnhofstrasse 1",
          city: "Zürich",
          postal: "8001",
          country: "Schweiz",
          country_code: "CH",
        },
        customer: { id: 503, email: "jonas.meier@example.ch" },
      }),
      ctx: { oss: true },
      document: expectedDocument(
        1040,
        [
          item("CAD-1", "Cadeira", 1, 150, exempt("M05", "Artigo 14.º do CIVA")),
          shippingItem(25, exempt("M05", "Artigo 14.º do CIVA")),
        ],
        {
          client: {
            name: "Jonas Meier",
            address: "Bahnhofstrasse 1",
            postalcode: "8001",
            city: "Zürich",
            country: "CH",
            email: "jonas.meier@example.ch",
            external_reference: "503",
          },
        },
      ),
      gross: 17500,
      warnings: [
        "Issued VAT-exempt as an export (M05, art. 14.º of the CIVA) to CH: keep the customs proof that the " +
          "goods left the EU VAT area.",
      ],
    },
  ]);
});

describe("buildInvoice — exempt lines", () => {
  const workshop: FixtureSpec = {
    id: 1041,
    lines: [
      { name: "Workshop de cerâmica", sku: "WRK-1", price: 40, rate: 0 },
      { name: "Argila", sku: "ARG-1", price: 8 },
    ],
  };
  runInvoiceCases([
    {
      name: "0 % line with the store's exemption",
      order: buildOrder(workshop),
      ctx: { exemption: { code: "M07", law: "Artigo 9.º do CIVA" } },
      document: expectedDocument(1041, [
        item("WRK-1", "Workshop de cerâmica", 1, 40, exempt("M07", "Artigo 9.º do CIVA")),
        item("ARG-1", "Argila", 1, 8, "NOR"),
      ]),
      gross: 4800,
    },
    {
      name: "0 % line without an exemption: refused",
      order: buildOrder({ ...workshop, id: 1042 }),
      problems: [
        {
          code: "missing_exemption",
          message:
            "The order has a line at 0 % VAT, and a VAT-exempt line needs an exemption reason (M01…M99) and its " +
            "legal basis. Set the exemption in the store's invoicing settings.",
          params: {},
        },
      ],
    },
  ]);
});
