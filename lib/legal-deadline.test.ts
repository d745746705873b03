import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addWorkingDays,
  deadlineStatus,
  deadlineThresholds,
  easterSunday,
  invoiceDeadline,
  isWorkingDay,
} from "./legal-deadline";

describe("easterSunday", () => {
  it("matches known dates", () => {
    expect(easterSunday(2024)).toBe("2024-03-31");
    expect(easterSunday(2025)).toBe("2025-04-20");
    expect(easterSunday(2026)).toBe("2026-04-05");
  });
});

describe("working days", () => {
  it("skips weekends and national holidays", () => {
    expect(isWorkingDay("2026-04-03")).toBe(false); // Good Friday
    expect(isWorkingDay("2026-06-04")).toBe(false); // Corpus Christi
    expect(isWorkingDay("2026-04-25")).toBe(false); // Saturday and Liberty Day
    expect(isWorkingDay("2026-04-27")).toBe(true);
    expect(addWorkingDays("2025-12-22", 5)).toBe("2025-12-30");
  });

  it("counts the deadline from the Lisbon day of payment", () => {
    // 23:30 UTC on 2 April is already 3 April in Lisbon (summer time), which is Good Friday.
    expect(invoiceDeadline(new Date("2026-04-02T23:30:00Z"))).toBe("2026-04-10");
    expect(invoiceDeadline(new Date("2026-04-02T12:00:00Z"))).toBe("2026-04-10");
    expect(invoiceDeadline(new Date("2026-03-30T09:00:00Z"))).toBe("2026-04-07");
  });
});

describe("deadlineStatus", () => {
  const now = new Date("2026-04-08T10:00:00Z"); // a Wednesday
  it("classifies orders", () => {
    expect(deadlineStatus(new Date("2026-03-27T10:00:00Z"), now)).toBe("overdue"); // deadline 6 April
    expect(deadlineStatus(new Date("2026-03-31T10:00:00Z"), now)).toBe("near"); // deadline 8 April
    expect(deadlineStatus(new Date("2026-04-07T10:00:00Z"), now)).toBe("ok"); // deadline 14 April
  });
});

describe("deadlineThresholds", () => {
  it("agrees with deadlineStatus for any payment and any day", () => {
    const start = Date.UTC(2024, 0, 1);
    const span = 3 * 365 * 24 * 3600_000;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: span }), fc.integer({ min: 0, max: 40 * 24 * 3600_000 }), (p, gap) => {
        const paidAt = new Date(start + p);
        const now = new Date(start + p + gap);
        const { overdueBefore, nearBefore } = deadlineThresholds(now);
        const expected = paidAt < overdueBefore ? "overdue" : paidAt < nearBefore ? "near" : "ok";
        expect(deadlineStatus(paidAt, now)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
