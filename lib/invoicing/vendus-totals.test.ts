import { describe, expect, it } from "vitest";
import { computeVendusLineGross, computeVendusTotals } from "./vendus-totals";

describe("computeVendusTotals", () => {
  it("applies the percentage first, then the amount off the line", () => {
    expect(computeVendusLineGross({ qty: 3, gross_price: 10, discount_percentage: 10, discount_amount: 1.5 })).toBe(
      2550,
    );
    expect(computeVendusLineGross({ qty: 3, gross_price: 12.29, discount_amount: 0.01 })).toBe(3686);
    expect(computeVendusLineGross({ qty: 1, gross_price: 0.15, discount_percentage: 50 })).toBe(8); // 7.5 → 8
  });

  it("groups by rate and takes the base from each rate's gross", () => {
    const totals = computeVendusTotals(
      [
        { reference: "A", qty: 1, gross_price: 12.5, tax_id: "NOR" },
        { reference: "B", qty: 1, gross_price: 18, tax_id: "RED" },
        { reference: "PORTES", qty: 1, gross_price: 4.5, tax_id: "NOR" },
      ],
      "PT",
    );
    expect(totals).toEqual({
      grossCents: 3500,
      netCents: 3080,
      lineGrossCents: [1250, 1800, 450],
      taxes: [
        { rate: 23, baseCents: 1382, vatCents: 318 },
        { rate: 6, baseCents: 1698, vatCents: 102 },
      ],
    });
  });

  it("uses the region's rates, 0 for exempt lines, and another country's rate for OSS lines", () => {
    const totals = computeVendusTotals(
      [
        { reference: "A", qty: 2, gross_price: 10.5, tax_id: "RED" },
        {
          reference: "B",
          qty: 1,
          gross_price: 40,
          tax_id: "ISE",
          tax_exemption: "M07",
          tax_exemption_law: "Artigo 9.º do CIVA",
        },
        {
          reference: "C",
          qty: 1,
          gross_price: 31,
          tax_id: "NOR",
          tax_custom: { country: "ES", rate: 21, type: "IVA" },
        },
      ],
      "PT-MA",
    );
    expect(totals.taxes).toEqual([
      { rate: 5, baseCents: 2000, vatCents: 100 },
      { rate: 0, baseCents: 4000, vatCents: 0 },
      { rate: 21, country: "ES", baseCents: 2562, vatCents: 538 },
    ]);
    expect(totals.grossCents).toBe(9200);
  });

  it("refuses to guess the rate of an item without tax_id", () => {
    expect(() => computeVendusTotals([{ reference: "A", qty: 1, gross_price: 1 }], "PT")).toThrow(/tax_id/);
  });
});
