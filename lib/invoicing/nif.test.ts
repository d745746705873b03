import { describe, expect, it } from "vitest";
import { classifyTaxId, isValidPortugueseNif, normalizeTaxId } from "./nif";

describe("isValidPortugueseNif", () => {
  it.each([
    "123456789",
    "501964843",
    "500000000",
    "999999990",
    "100000010",
    "245000003",
    "980000009",
    "710000006",
    "300000006",
    "450000001",
  ])("accepts %s", (nif) => expect(isValidPortugueseNif(nif)).toBe(true));

  it.each([
    ["123456780", "wrong check digit"],
    ["501964844", "wrong check digit"],
    ["12345678", "8 digits"],
    ["1234567890", "10 digits"],
    ["12345678A", "a letter"],
    ["400000000", "first digit 4 without 45"],
    ["000000000", "first digit 0"],
    ["730000000", "73 is not assigned"],
  ])("refuses %s (%s)", (nif) => expect(isValidPortugueseNif(nif)).toBe(false));

  it("computes the check digit as 0 when the remainder is 0 or 1", () => {
    // 10000001x: 1×9 + 1×2 = 11 → remainder 0 → check 0.
    expect(isValidPortugueseNif("100000010")).toBe(true);
    expect(isValidPortugueseNif("100000011")).toBe(false);
  });
});

describe("normalizeTaxId", () => {
  it.each([
    ["PT 501 964 843", "PT501964843"],
    ["pt501.964.843", "PT501964843"],
    [" 123-456-789 ", "123456789"],
    ["es b/1234.5678", "ESB12345678"],
  ])("%s → %s", (raw, normalized) => expect(normalizeTaxId(raw)).toBe(normalized));
});

describe("classifyTaxId", () => {
  it("reads Portuguese NIFs with or without prefix, spaces and dots", () => {
    expect(classifyTaxId("PT 501 964 843", "PT")).toEqual({ kind: "pt", nif: "501964843" });
    expect(classifyTaxId("123.456.789", null)).toEqual({ kind: "pt", nif: "123456789" });
  });

  it("treats empty input and 999999990 as consumidor final", () => {
    expect(classifyTaxId(null, "PT")).toEqual({ kind: "none" });
    expect(classifyTaxId("   ", "PT")).toEqual({ kind: "none" });
    expect(classifyTaxId("999 999 990", "PT")).toEqual({ kind: "none" });
    expect(classifyTaxId("PT999999990", "ES")).toEqual({ kind: "none" });
  });

  it("flags a Portuguese-looking number that fails the check", () => {
    expect(classifyTaxId("123456780", "PT")).toEqual({ kind: "pt_invalid", value: "123456780" });
    expect(classifyTaxId("PT123456780", "ES")).toEqual({ kind: "pt_invalid", value: "123456780" });
    expect(classifyTaxId("12345", null)).toEqual({ kind: "pt_invalid", value: "12345" });
  });

  it("keeps valid EU VAT numbers with their state (EL and GR are Greece, XI is Northern Ireland)", () => {
    expect(classifyTaxId("ES B12345674", "ES")).toEqual({
      kind: "foreign",
      id: "ESB12345674",
      country: "ES",
      euVat: true,
      vatState: "ES",
    });
    expect(classifyTaxId("DE129273398", "PT")).toEqual({
      kind: "foreign",
      id: "DE129273398",
      country: "DE",
      euVat: true,
      vatState: "DE",
    });
    const greek = { kind: "foreign", id: "EL094259216", country: "GR", euVat: true, vatState: "GR" };
    expect(classifyTaxId("EL094259216", "GR")).toEqual(greek);
    expect(classifyTaxId("GR 094 259 216", "GR")).toEqual(greek);
    expect(classifyTaxId("XI 980 7806 84", "GB")).toEqual({
      kind: "foreign",
      id: "XI980780684",
      country: "GB",
      euVat: true,
      vatState: "XI",
    });
  });

  it("flags a number with an EU prefix that is not a valid VAT number of that state", () => {
    expect(classifyTaxId("ESB12345678", "ES")).toEqual({
      kind: "eu_vat_invalid",
      value: "ESB12345678",
      reason: '"ESB12345678" does not have the format or the check digits of a ES VAT number',
    });
    // An Italian codice fiscale starting with FR is not a French VAT number.
    expect(classifyTaxId("FRRMRA80A01H501U", "IT")).toMatchObject({ kind: "eu_vat_invalid" });
  });

  it("keeps other foreign ids with the billing country, never checking them as NIFs", () => {
    expect(classifyTaxId("12345678Z", "ES")).toEqual({ kind: "foreign", id: "12345678Z", country: "ES", euVat: false });
    expect(classifyTaxId("CHE-123.456.789", "CH")).toEqual({
      kind: "foreign",
      id: "CHE123456789",
      country: "CH",
      euVat: false,
    });
    // Nine digits from abroad that fail the PT check are a foreign id; a valid NIF stays a NIF.
    expect(classifyTaxId("123456780", "FR")).toEqual({ kind: "foreign", id: "123456780", country: "FR", euVat: false });
    expect(classifyTaxId("501964843", "FR")).toEqual({ kind: "pt", nif: "501964843" });
  });

  it("does not accept a foreign-looking id from a Portuguese address", () => {
    expect(classifyTaxId("GB123456789", "PT")).toEqual({ kind: "pt_invalid", value: "GB123456789" });
  });
});
