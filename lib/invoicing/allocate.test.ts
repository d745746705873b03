import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateProportionally, divideCeil, divideRounded } from "./allocate";

describe("allocateProportionally", () => {
  it("splits a coupon across lines by the largest remainder", () => {
    // 4.20 over 26.97 and 14.99: exact shares 269.96 and 150.04.
    expect(allocateProportionally(420, [2697, 1499])).toEqual([270, 150]);
    // 5.00 over 13.00, 13.00, 21.00: 138.30, 138.30, 223.40 → the last gets the spare cent.
    expect(allocateProportionally(500, [1300, 1300, 2100])).toEqual([138, 138, 224]);
  });

  it("gives ties to the earlier line", () => {
    expect(allocateProportionally(1, [100, 100, 100])).toEqual([1, 0, 0]);
    expect(allocateProportionally(2, [1, 1, 1])).toEqual([1, 1, 0]);
  });

  it("gives nothing to zero weights and accepts an all-zero split of zero", () => {
    expect(allocateProportionally(10, [0, 5, 0])).toEqual([0, 10, 0]);
    expect(allocateProportionally(0, [0, 0])).toEqual([0, 0]);
    expect(() => allocateProportionally(1, [0, 0])).toThrow();
  });

  it("stays exact for amounts beyond 2^53 when multiplied", () => {
    expect(allocateProportionally(99_999_999, [2_300_000_000_000, 1])).toEqual([99_999_999, 0]);
  });

  it("always adds up, and every share is the floor or ceiling of its exact part", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.integer({ min: 0, max: 50_000_000 }), { minLength: 1, maxLength: 12 }),
        (total, weights) => {
          fc.pre(weights.some((w) => w > 0));
          const shares = allocateProportionally(total, weights);
          const sum = weights.reduce((a, b) => a + b, 0);
          expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
          shares.forEach((share, i) => {
            const exact = (total * weights[i]!) / sum;
            expect(share).toBeGreaterThanOrEqual(Math.floor(exact) - 1e-6);
            expect(share).toBeLessThanOrEqual(Math.ceil(exact) + 1e-6);
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("integer division", () => {
  it("rounds halves away from zero", () => {
    expect(divideRounded(5n, 2n)).toBe(3n);
    expect(divideRounded(-5n, 2n)).toBe(-3n);
    expect(divideRounded(7n, 3n)).toBe(2n);
  });

  it("rounds up with divideCeil", () => {
    expect(divideCeil(122877n, 100n)).toBe(1229n);
    expect(divideCeil(122800n, 100n)).toBe(1228n);
  });
});
