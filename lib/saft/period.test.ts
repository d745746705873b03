import { describe, expect, it } from "vitest";
import { isFuturePeriod, previousPeriod, saftFilename, saftPeriodSchema } from "./period";

describe("SAF-T period", () => {
  it("defaults to the previous month in Lisbon time, across the new year", () => {
    expect(previousPeriod(new Date("2026-03-04T10:00:00Z"))).toEqual({ year: 2026, month: 2 });
    expect(previousPeriod(new Date("2026-01-02T10:00:00Z"))).toEqual({ year: 2025, month: 12 });
    // 23:30 UTC on 31 May is already 1 June in Lisbon (summer time).
    expect(previousPeriod(new Date("2026-05-31T23:30:00Z"))).toEqual({ year: 2026, month: 5 });
  });

  it("refuses months that have not started and malformed ones", () => {
    const now = new Date("2026-03-04T10:00:00Z");
    expect(isFuturePeriod({ year: 2026, month: 3 }, now)).toBe(false);
    expect(isFuturePeriod({ year: 2026, month: 4 }, now)).toBe(true);
    expect(saftPeriodSchema.safeParse({ year: "2026", month: "13" }).success).toBe(false);
    expect(saftPeriodSchema.safeParse({ year: "2026", month: "02" }).data).toEqual({ year: 2026, month: 2 });
  });

  it("names the file after the store and the month", () => {
    expect(saftFilename("loja-do-mar", { year: 2026, month: 2 })).toBe("SAFT-PT_loja-do-mar_2026-02.xml");
    expect(saftFilename('a"b/c', { year: 2026, month: 11 })).toBe("SAFT-PT_a_b_c_2026-11.xml");
  });
});
