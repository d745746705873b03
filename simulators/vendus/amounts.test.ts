import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeLine, documentTotals, groupByRate } from "./amounts";
import { parseRatio, ratio, toCents, type Ratio } from "./ratio";

const r = (value: string | number): Ratio => parseRatio(value)!;
const zero = ratio(0);

function line(qty: string, price: string, rate: string, discountPercentage = "0", discountAmount = "0") {
  return {
    ...computeLine({
      qty: r(qty),
      grossPrice: r(price),
      discountPercentage: r(discountPercentage),
      discountAmount: r(discountAmount),
      rate: r(rate),
    }),
    rate: r(rate),
    country: "PT",
  };
}

describe("Vendus amounts model", () => {
  it("applies the percentage first, then the amount off the whole line, rounding half-up once", () => {
    expect(line("3", "19.99", "23", "15").grossTotalCents).toBe(5097); // 50.9745
    expect(line("2", "7.45", "6", "0", "1.00").grossTotalCents).toBe(1390);
    expect(line("1", "100.00", "13", "10", "5.55").grossTotalCents).toBe(8445);
    // 1.5 × 3.33 = 4.995 exactly: half-up gives 5.00 where binary floating point gives 4.99.
    expect(line("1.5", "3.33", "23").grossTotalCents).toBe(500);
  });

  it("computes a multi-rate document per rate, not per line", () => {
    const lines = [
      line("3", "19.99", "23", "15"),
      line("2", "7.45", "6", "0", "1.00"),
      line("1", "100.00", "13", "10", "5.55"),
      line("1.5", "3.33", "23"),
      line("1", "20.00", "0"),
    ];
    const groups = groupByRate(lines);
    expect(groups).toEqual([
      { country: "PT", rate: "23.00", grossCents: 5597, baseCents: 4550, vatCents: 1047 },
      { country: "PT", rate: "6.00", grossCents: 1390, baseCents: 1311, vatCents: 79 },
      { country: "PT", rate: "13.00", grossCents: 8445, baseCents: 7473, vatCents: 972 },
      { country: "PT", rate: "0.00", grossCents: 2000, baseCents: 2000, vatCents: 0 },
    ]);
    expect(documentTotals(groups)).toEqual({ grossCents: 17432, netCents: 15334 });
    // Line nets are for display only: 41.44 + 4.07 ≠ the group's base of 45.50.
    expect(lines[0]!.netTotalCents + lines[3]!.netTotalCents).toBe(4551);
  });

  it("keeps another country's rate in its own group", () => {
    const groups = groupByRate([
      { grossTotalCents: 1230, rate: r("23"), country: "PT" },
      { grossTotalCents: 1230, rate: r("23"), country: "IE" },
    ]);
    expect(groups.map((g) => `${g.country} ${g.rate} ${g.baseCents}`)).toEqual(["PT 23.00 1000", "IE 23.00 1000"]);
  });

  it("splits every gross into base + VAT with the base within half a cent of gross / (1 + rate)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.constantFrom("0", "4", "5", "6", "9", "12", "13", "16", "21", "22", "23", "25.5"),
        (gross, rate) => {
          const [group] = groupByRate([{ grossTotalCents: gross, rate: r(rate), country: "PT" }]);
          expect(group!.baseCents + group!.vatCents).toBe(gross);
          const exact = (gross * 100) / (100 + Number(rate));
          expect(Math.abs(group!.baseCents - exact)).toBeLessThanOrEqual(0.5 + 1e-9);
        },
      ),
    );
  });

  it("rounds exactly, whatever the decimals", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 100_000 }), (qtyMilli, priceCents) => {
        const cents = toCents({ n: BigInt(qtyMilli) * BigInt(priceCents), d: 100_000n });
        // Integer reference: qty (thousandths) × price (cents) / 1000, half-up.
        expect(cents).toBe(Math.floor((qtyMilli * priceCents + 500) / 1000));
      }),
    );
    expect(toCents(zero)).toBe(0);
  });
});
