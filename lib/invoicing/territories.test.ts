// Every territory of the table, by postcode, by its own country code and by region; the places treated as a
// member state; and the addresses that cannot settle where the goods go.
import { describe, expect, it } from "vitest";
import { buildInvoice } from "./build-invoice";
import { buildOrder } from "@/tests/support/invoicing/fixtures";
import { baseCtx } from "@/tests/support/invoicing/expectations";
import { SPECIAL_TERRITORIES, vatPlaceOf, type VatPlace } from "./territories";

const outside = (country: string, territory: string): VatPlace => ({ kind: "third", country, territory });
const member = (state: string, territory?: string): VatPlace => ({
  kind: "eu",
  state,
  ...(territory ? { territory } : {}),
});

// [country, postcode, region, expected]: one row per territory and per side of each border.
const cases: [string, string | null, string | null, VatPlace][] = [
  ["ES", "35001", null, outside("ES", "Canary Islands")],
  ["ES", "38003", null, outside("ES", "Canary Islands")],
  ["ES", "51001", null, outside("ES", "Ceuta")],
  ["ES", "52001", null, outside("ES", "Melilla")],
  ["ES", "28013", null, member("ES")],
  ["ES", null, "Canarias", outside("ES", "Canary Islands")],
  ["ES", null, "Santa Cruz de Tenerife", outside("ES", "Canary Islands")],
  ["IC", null, null, outside("IC", "Canary Islands")],
  ["EA", null, null, outside("EA", "Ceuta")],
  ["FR", "97110", null, outside("FR", SPECIAL_TERRITORIES[3]!.name)],
  ["FR", "97200", null, outside("FR", SPECIAL_TERRITORIES[3]!.name)],
  ["FR", "97300", null, outside("FR", SPECIAL_TERRITORIES[3]!.name)],
  ["FR", "97400", null, outside("FR", SPECIAL_TERRITORIES[3]!.name)],
  ["FR", "97600", null, outside("FR", SPECIAL_TERRITORIES[3]!.name)],
  ["FR", "97150", null, outside("FR", SPECIAL_TERRITORIES[3]!.name)],
  ["FR", "98800", null, outside("FR", SPECIAL_TERRITORIES[3]!.name)],
  ["RE", null, null, outside("RE", SPECIAL_TERRITORIES[3]!.name)],
  ["FR", null, "La Réunion", outside("FR", SPECIAL_TERRITORIES[3]!.name)],
  ["FR", "75004", null, member("FR")],
  ["FR", "20000", null, member("FR")], // Corsica is inside
  ["FR", "98000", null, member("FR", "Monaco")],
  ["MC", "98000", null, member("FR", "Monaco")],
  ["FI", "22100", null, outside("FI", "Åland Islands")],
  ["AX", "22100", null, outside("AX", "Åland Islands")],
  ["FI", "00100", null, member("FI")],
  ["GR", "630 86", null, outside("GR", "Mount Athos")],
  ["GR", "10431", null, member("GR")],
  ["DE", "27498", null, outside("DE", "Heligoland")],
  ["DE", "78266", null, outside("DE", "Büsingen am Hochrhein")],
  ["DE", "10119", null, member("DE")],
  ["IT", "23041", null, outside("IT", "Livigno")],
  ["IT", "22061", null, outside("IT", "Campione d'Italia")],
  ["IT", "00184", null, member("IT")],
  ["DK", "3900", null, outside("DK", "Greenland")],
  ["DK", "100", null, outside("DK", "Faroe Islands")],
  ["DK", "0800", null, member("DK")],
  ["DK", "1050", null, member("DK")],
  ["GL", null, null, outside("GL", "Greenland")],
  ["FO", null, null, outside("FO", "Faroe Islands")],
  ["GB", "BT1 5GS", null, member("XI", "Northern Ireland")],
  ["GB", null, "Northern Ireland", member("XI", "Northern Ireland")],
  ["XI", null, null, member("XI", "Northern Ireland")],
  ["GB", "SW1A 1AA", null, { kind: "third", country: "GB" }],
  ["GB", null, "Scotland", { kind: "third", country: "GB" }],
  ["CY", "1010", null, member("CY")], // Akrotiri and Dhekelia are treated as Cyprus (art. 7) either way
  ["PT", null, null, member("PT")],
  ["NL", null, null, member("NL")],
  ["IM", null, null, { kind: "third", country: "IM" }],
  ["JE", null, null, { kind: "third", country: "JE" }],
  ["CH", "8001", null, { kind: "third", country: "CH" }],
];

describe("vatPlaceOf", () => {
  it.each(cases)("%s %s %s", (country, postal, region, expected) => {
    expect(vatPlaceOf({ country, postal, region })).toEqual({ ok: true, place: expected });
  });

  it("covers every territory of the table", () => {
    const named = new Set(cases.map(([, , , place]) => place.territory).filter(Boolean));
    for (const territory of SPECIAL_TERRITORIES) expect(named).toContain(territory.name);
  });

  it.each([
    ["ES", null, null, "has no postcode"],
    ["GB", "", null, "has no postcode"],
    ["FR", "ABC12", null, 'the postcode "ABC12" is not a postcode of France'],
    ["ES", "35001", "Madrid", null],
    ["ES", "28013", "Canarias", "point to different VAT territories"],
    ["GB", "BT1 5GS", "England", "point to different VAT territories"],
  ])("refuses %s %s %s when it cannot be sure", (country, postal, region, reason) => {
    const result = vatPlaceOf({ country, postal, region });
    if (reason === null) expect(result).toEqual({ ok: true, place: outside("ES", "Canary Islands") });
    else expect(result).toMatchObject({ ok: false, reason: expect.stringContaining(reason) });
  });
});

describe("buildInvoice — where the goods go", () => {
  const mug = { name: "Caneca", sku: "CAN-1", price: 12.5, rate: 21 };
  const canary = { country_code: "ES", postal: "35001", city: "Las Palmas" };

  it("a consumer in the Canary Islands is an export, whatever OSS says", () => {
    const order = buildOrder({ id: 2001, lines: [mug], billing: canary });
    const result = buildInvoice(order, { ...baseCtx, oss: true });
    expect(result).toMatchObject({
      ok: true,
      document: { items: [{ tax_id: "ISE", tax_exemption: "M05", tax_exemption_law: "Artigo 14.º do CIVA" }] },
      summary: { warnings: [expect.stringContaining("Canary Islands (ES)")] },
    });
  });

  it("a Spanish business shipping to the Canary Islands is an export too, not an intra-community supply", () => {
    const order = buildOrder({ id: 2002, lines: [mug], billing: { ...canary, taxid: "ESA28015865" } });
    expect(buildInvoice(order, baseCtx)).toMatchObject({ ok: true, document: { items: [{ tax_exemption: "M05" }] } });
  });

  it("decides by the shipping address, not the billing one", () => {
    const order = buildOrder({
      id: 2003,
      lines: [mug],
      billing: canary,
      shippingAddress: { country_code: "ES", postal: "28013" },
    });
    const result = buildInvoice(order, { ...baseCtx, oss: true });
    expect(result).toMatchObject({ ok: true, document: { items: [{ tax_custom: { country: "ES", rate: 21 } }] } });
  });

  it("falls back to the billing address only when there is no shipping address", () => {
    const order = buildOrder({
      id: 2004,
      lines: [mug],
      billing: canary,
      patch: (raw) => void (raw.shipping_address = null),
    });
    expect(buildInvoice(order, baseCtx)).toMatchObject({ ok: true, document: { items: [{ tax_exemption: "M05" }] } });
  });

  it("a customer collecting in store is taxed where the goods are handed over", () => {
    const order = buildOrder({
      id: 2005,
      lines: [{ ...mug, rate: 23 }],
      billing: { country_code: "ES", postal: "28013" },
      patch: (raw) => {
        raw.shipping_option = "store_pickup";
        raw.pickup_address = { country_code: "PT", postal: "1100-123", city: "Lisboa" };
      },
    });
    expect(buildInvoice(order, { ...baseCtx, oss: true })).toMatchObject({
      ok: true,
      document: { items: [{ tax_id: "NOR" }] },
    });
  });

  it("refuses when the country is missing or the postcode cannot settle it, saying what is missing", () => {
    const noCountry = buildOrder({
      id: 2006,
      lines: [mug],
      billing: { country_code: null },
      shippingAddress: { country_code: null },
    });
    expect(buildInvoice(noCountry, baseCtx)).toMatchObject({
      ok: false,
      problems: [
        {
          code: "unknown_destination",
          message: expect.stringContaining("neither its shipping nor its billing address has a country"),
        },
      ],
    });
    const noPostcode = buildOrder({ id: 2007, lines: [mug], billing: { country_code: "ES", postal: null } });
    expect(buildInvoice(noPostcode, { ...baseCtx, oss: true })).toMatchObject({
      ok: false,
      problems: [{ code: "unknown_destination", message: expect.stringContaining("has no postcode") }],
    });
  });

  it("Northern Ireland is an EU distance sale: XI through OSS, Portuguese VAT without it", () => {
    const belfast = { country_code: "GB", postal: "BT1 5GS", city: "Belfast" };
    const order = buildOrder({ id: 2008, lines: [{ ...mug, rate: 20 }], billing: belfast });
    expect(buildInvoice(order, { ...baseCtx, oss: true })).toMatchObject({
      ok: true,
      document: { items: [{ tax_id: "NOR", tax_custom: { country: "XI", rate: 20, code: "NOR", type: "IVA" } }] },
    });
    const withPtVat = buildOrder({ id: 2009, lines: [{ ...mug, rate: 23 }], billing: belfast });
    expect(buildInvoice(withPtVat, baseCtx)).toMatchObject({ ok: true, document: { items: [{ tax_id: "NOR" }] } });
    const london = buildOrder({ id: 2010, lines: [mug], billing: { country_code: "GB", postal: "SW1A 1AA" } });
    expect(buildInvoice(london, { ...baseCtx, oss: true })).toMatchObject({
      ok: true,
      document: { items: [{ tax_exemption: "M05" }] },
    });
  });
});
