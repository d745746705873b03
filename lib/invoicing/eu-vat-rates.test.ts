// OSS orders to every member state at each of its rates, and at a rate it does not have; the dated changes
// of 2025-2026; and a business buyer's VAT number, valid and malformed, for every member state.
import { describe, expect, it } from "vitest";
import { buildInvoice } from "./build-invoice";
import { EU_VAT_RATES, ratesOn } from "./eu-vat-rates";
import { EU_MEMBER_STATES } from "./territories";
import { buildOrder } from "@/tests/support/invoicing/fixtures";
import { baseCtx } from "@/tests/support/invoicing/expectations";

// The rates in force on 2 March 2026 (the fixtures' date), as published by the Commission and the member
// states (sources in README.md). Standard first.
const MARCH_2026: Record<string, number[]> = {
  AT: [20, 13, 10],
  BE: [21, 12, 6],
  BG: [20, 9],
  CY: [19, 9, 5, 3],
  CZ: [21, 12],
  DE: [19, 7],
  DK: [25],
  EE: [24, 13, 9],
  ES: [21, 10, 4],
  FI: [25.5, 13.5, 10],
  FR: [20, 10, 5.5, 2.1],
  GR: [24, 13, 6],
  HR: [25, 13, 5],
  HU: [27, 18, 5],
  IE: [23, 13.5, 9, 4.8],
  IT: [22, 10, 5, 4],
  LT: [21, 12, 5],
  LU: [17, 14, 8, 3],
  LV: [21, 12, 5],
  MT: [18, 7, 5],
  NL: [21, 9],
  PL: [23, 8, 5],
  PT: [23, 13, 6],
  RO: [21, 11],
  SE: [25, 12, 6],
  SI: [22, 9.5, 5],
  SK: [23, 19, 5],
  XI: [20, 5],
};

// A delivery address in each state's VAT territory.
const POSTCODES: Record<string, string> = {
  ES: "28013",
  FR: "75004",
  FI: "00100",
  GR: "10431",
  DE: "10119",
  IT: "00184",
  DK: "1050",
  CY: "1010",
};
const address = (state: string) =>
  state === "XI"
    ? { country_code: "GB", postal: "BT1 5GS" }
    : { country_code: state, postal: POSTCODES[state] ?? "1000" };

describe("EU VAT rates", () => {
  it("lists every member state and Northern Ireland, with the rates of March 2026", () => {
    expect(Object.keys(EU_VAT_RATES).sort()).toEqual([...EU_MEMBER_STATES, "XI"].sort());
    for (const [state, rates] of Object.entries(MARCH_2026)) {
      const period = ratesOn(state, "2026-03-02")!;
      expect([period.standard, ...period.reduced], state).toEqual(rates);
    }
  });

  it.each([
    ["FI", "2025-12-31", 14, true],
    ["FI", "2026-01-01", 14, false],
    ["FI", "2026-01-01", 13.5, true],
    ["EE", "2025-06-30", 22, true],
    ["EE", "2025-07-01", 22, false],
    ["EE", "2025-07-01", 24, true],
    ["RO", "2025-07-31", 19, true],
    ["RO", "2025-08-01", 19, false],
    ["RO", "2025-08-01", 11, true],
    ["RO", "2025-08-01", 9, false],
    ["LT", "2025-12-31", 9, true],
    ["LT", "2026-01-01", 12, true],
    ["SK", "2025-01-01", 23, true],
    ["SK", "2025-01-01", 10, false],
    ["AT", "2026-06-30", 4.9, false],
    ["AT", "2026-07-01", 4.9, true],
  ])("%s on %s: %s %% is a rate: %s", (state, date, rate, known) => {
    const period = ratesOn(state, date)!;
    expect([period.standard, ...period.reduced].includes(rate)).toBe(known);
  });

  it("has no rates before the table starts", () => {
    expect(ratesOn("ES", "2024-12-31")).toBeNull();
  });
});

describe("buildInvoice — OSS to every member state", () => {
  const states = Object.keys(MARCH_2026).filter((s) => s !== "PT");
  const rows = states.flatMap((state) =>
    MARCH_2026[state]!.map(
      (rate, i, all) => [state, rate, i === 0 ? "NOR" : i === all.length - 1 ? "RED" : "INT"] as const,
    ),
  );

  it.each(rows)("%s at %s %% → tax_custom %s", (state, rate, code) => {
    const order = buildOrder({
      id: 3000,
      lines: [{ name: "Artigo", sku: "A-1", price: 10, qty: 3, rate }],
      billing: address(state),
    });
    const result = buildInvoice(order, { ...baseCtx, oss: true });
    expect(result).toMatchObject({
      ok: true,
      document: { items: [{ tax_id: code, tax_custom: { country: state, rate, code, type: "IVA" } }] },
      summary: { grossCents: 3000 },
    });
  });

  it.each(states)("%s: a rate it does not have is refused, naming the line, the rate and the state", (state) => {
    const order = buildOrder({
      id: 3001,
      lines: [{ name: "Artigo", sku: "A-1", price: 10, rate: 7.7 }],
      billing: address(state),
    });
    expect(buildInvoice(order, { ...baseCtx, oss: true })).toMatchObject({
      ok: false,
      problems: [
        {
          code: "destination_vat_rate",
          message: expect.stringContaining(
            `Line 1 ("Artigo") is charged at 7.7 % VAT, which is not a VAT rate of ${state}`,
          ),
        },
      ],
    });
  });

  it("refuses a 0 % line and a Portuguese rate, never replacing them by the destination's standard rate", () => {
    const order = buildOrder({
      id: 3002,
      lines: [
        { name: "Livro", sku: "L-1", price: 10, rate: 6 },
        { name: "Mapa", sku: "M-1", price: 5, rate: 0 },
      ],
      billing: address("ES"),
    });
    const result = buildInvoice(order, {
      ...baseCtx,
      oss: true,
      exemption: { code: "M07", law: "Artigo 9.º do CIVA" },
    });
    expect(result).toMatchObject({
      ok: false,
      problems: [{ params: { rate: 6, country: "ES" } }, { params: { rate: 0 } }],
    });
  });

  it("dates the rate by the order: 14 % to Finland in December 2025, refused in January 2026", () => {
    const order = (completed: string) =>
      buildOrder({
        id: 3003,
        lines: [{ name: "Kahvi", sku: "K-1", price: 10, rate: 14 }],
        billing: address("FI"),
        patch: (raw) => void (raw.completed_at = completed),
      });
    expect(buildInvoice(order("2025-12-31 10:00:00 UTC"), { ...baseCtx, oss: true })).toMatchObject({ ok: true });
    expect(buildInvoice(order("2026-01-01 10:00:00 UTC"), { ...baseCtx, oss: true })).toMatchObject({
      ok: false,
      problems: [{ code: "destination_vat_rate" }],
    });
  });
});

// A real-format VAT number per member state (format and check digits), and the same with a wrong check digit.
const VAT_NUMBERS: Record<string, [string, string]> = {
  AT: ["ATU13585627", "ATU13585628"],
  BE: ["BE0411905847", "BE0411905848"],
  BG: ["BG175074752", "BG175074753"],
  CY: ["CY10259033P", "CY10259033A"],
  CZ: ["CZ25123891", "CZ25123892"],
  DE: ["DE129273398", "DE129273399"],
  DK: ["DK13585628", "DK13585629"],
  EE: ["EE100931558", "EE100931559"],
  ES: ["ESA28015865", "ESA28015866"],
  FI: ["FI01572174", "FI01572175"],
  FR: ["FR40303265045", "FR40303265046"],
  GR: ["EL094259216", "EL094259217"],
  HR: ["HR33392005961", "HR33392005962"],
  HU: ["HU12892312", "HU12892313"],
  IE: ["IE6388047V", "IE6388047A"],
  IT: ["IT00743110157", "IT00743110158"],
  LT: ["LT100001919017", "LT100001919018"],
  LU: ["LU15027442", "LU15027443"],
  LV: ["LV40003521600", "LV40003521601"],
  MT: ["MT15121333", "MT15121334"],
  NL: ["NL004495445B01", "NL004495446B01"],
  PL: ["PL5260001246", "PL5260001247"],
  RO: ["RO18547290", "RO18547291"],
  SE: ["SE556188840401", "SE556188840402"],
  SI: ["SI15012557", "SI15012558"],
  SK: ["SK2020273893", "SK2020273894"],
  XI: ["XI980780684", "XI980780685"],
};

describe("buildInvoice — a business's VAT number, every member state", () => {
  const states = Object.keys(VAT_NUMBERS);
  const order = (state: string, taxid: string) =>
    buildOrder({
      id: 3100,
      lines: [{ name: "Artigo", sku: "A-1", price: 100, rate: MARCH_2026[state]![0]! }],
      billing: { ...address(state), taxid },
    });

  it("has a case for every member state but Portugal, and for Northern Ireland", () => {
    expect(states.sort()).toEqual([...EU_MEMBER_STATES.filter((s) => s !== "PT"), "XI"].sort());
  });

  it.each(states)("%s: a valid number is an exempt intra-community supply (M16)", (state) => {
    const [valid] = VAT_NUMBERS[state]!;
    expect(buildInvoice(order(state, valid), baseCtx)).toMatchObject({
      ok: true,
      document: {
        client: { fiscal_id: valid, country: state === "XI" ? "GB" : state },
        items: [{ tax_id: "ISE", tax_exemption: "M16", tax_exemption_law: "Artigo 14.º do RITI" }],
      },
    });
  });

  it.each(states)("%s: a malformed number is refused, never exempt", (state) => {
    const [, malformed] = VAT_NUMBERS[state]!;
    expect(buildInvoice(order(state, malformed), baseCtx)).toMatchObject({
      ok: false,
      problems: [{ code: "invalid_vat_number", params: { vatNumber: malformed } }],
    });
  });

  it.each(states)("%s: with the consumer policy, a malformed number is an OSS sale with a warning", (state) => {
    const [, malformed] = VAT_NUMBERS[state]!;
    const result = buildInvoice(order(state, malformed), { ...baseCtx, oss: true, invalidVatNumberPolicy: "consumer" });
    expect(result).toMatchObject({
      ok: true,
      document: { items: [{ tax_custom: { country: state, rate: MARCH_2026[state]![0] } }] },
      summary: {
        warnings: [expect.stringContaining("it is not a VAT number, so the buyer was invoiced as a consumer")],
      },
    });
    if (result.ok) expect(result.document.client?.fiscal_id).toBeUndefined();
  });
});

// An independent, maintained table (the sales-tax package's own, updated for each change): the latest standard
// rate of each state must agree. It has no reduced rates, so those rest on the sources in README.md.
describe("EU VAT rates against the sales-tax package", () => {
  it("agrees on every member state's current standard rate, and on Northern Ireland's (the UK's)", async () => {
    const { default: salesTax } = await import("sales-tax/res/sales_tax_rates.json", { with: { type: "json" } });
    const theirs = salesTax as unknown as Record<string, { rate: number }>;
    for (const [state, periods] of Object.entries(EU_VAT_RATES)) {
      const ours = periods.at(-1)!.standard;
      expect(Math.round(theirs[state === "XI" ? "GB" : state]!.rate * 1000) / 10, state).toBe(ours);
    }
  });
});
