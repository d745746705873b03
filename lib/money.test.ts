import { describe, expect, it } from "vitest";
import { centsToDecimal, formatEuros, toCents } from "./money";

describe("money", () => {
  it.each([
    ["123.00", 12300],
    ["12.3", 1230],
    [12.34, 1234],
    ["0.005", 1],
    ["0.004", 0],
    ["-1.25", -125],
    [null, 0],
    ["", 0],
    [1e-7, 0],
  ] as const)("toCents(%j) = %i", (input, cents) => {
    expect(toCents(input)).toBe(cents);
  });

  it("refuses text that is not an amount", () => {
    expect(() => toCents("12,30")).toThrow("Not an amount");
  });

  it("formats cents as a decimal string and as euros per locale", () => {
    expect(centsToDecimal(1230)).toBe("12.30");
    expect(centsToDecimal(-5)).toBe("-0.05");
    expect(formatEuros(123456, "pt-PT")).toBe("1234,56\u00a0€");
    expect(formatEuros(123456, "en")).toBe("€1,234.56");
  });
});
