import { describe, expect, it } from "vitest";
import { atRiskPaidBefore, isAtRisk, nextProbeIntervalSeconds, parkDelayMs } from "./policy";

describe("outage policy", () => {
  it("parks a job 1, 2, 4… minutes after consecutive failures, never more than 30 minutes", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 50].map((n) => parkDelayMs(n) / 60_000)).toEqual([1, 2, 4, 8, 16, 30, 30, 30]);
  });

  it("probes an open breaker at growing intervals, capped at 30 minutes", () => {
    const intervals = [60];
    for (let i = 0; i < 6; i++) intervals.push(nextProbeIntervalSeconds(intervals.at(-1)!));
    expect(intervals).toEqual([60, 120, 240, 480, 960, 1800, 1800]);
  });

  it("marks an order at risk on the working day before its deadline, not before", () => {
    // Paid Monday 2026-11-02 → deadline the 5th working day after: Monday 2026-11-09.
    const paidAt = new Date("2026-11-02T10:00:00Z");
    expect(isAtRisk(paidAt, new Date("2026-11-05T12:00:00Z"))).toBe(false); // Thursday
    expect(isAtRisk(paidAt, new Date("2026-11-06T09:00:00Z"))).toBe(true); // Friday, the working day before
    expect(isAtRisk(paidAt, new Date("2026-11-10T09:00:00Z"))).toBe(true); // past the deadline, still at risk
  });

  it("agrees with the paid-before bound the database query uses", () => {
    for (const now of ["2026-11-05T12:00:00Z", "2026-11-06T09:00:00Z", "2026-12-24T10:00:00Z"]) {
      const bound = atRiskPaidBefore(new Date(now));
      expect(isAtRisk(new Date(bound.getTime() - 1), new Date(now))).toBe(true);
      expect(isAtRisk(bound, new Date(now))).toBe(false);
    }
  });
});
