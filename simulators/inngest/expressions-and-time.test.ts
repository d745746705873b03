import { describe, expect, it } from "vitest";
import { evaluateExpression, evaluateKey } from "./expressions";
import { canonicalJson } from "./protocol";
import { cronMatches, parseDuration, parseRetryAfter } from "./time";

const event = { name: "jumpseller/order.paid", data: { storeId: "s-1", total: 12.5, order: { id: 7 }, tags: ["a"] } };

describe("expression subset", () => {
  it.each([
    ["event.data.storeId == 's-1'", true],
    ['event.data.storeId != "s-1"', false],
    ["event.data.total > 10 && event.data.order.id == 7", true],
    ["event.data.total < 10 || event.name == 'jumpseller/order.paid'", true],
    ["!(event.data.total >= 12.5)", false],
    ["event.data['storeId'] + '-' + event.data.order.id", "s-1-7"],
    ["event.data.missing == null", true],
    ["event.data.order.id + 1", 8],
  ])("%s → %j", (expression, expected) => {
    expect(evaluateExpression(expression, { event })).toEqual(expected);
  });

  it("turns keys into strings", () => {
    expect(evaluateKey("event.data.storeId", { event })).toBe("s-1");
    expect(evaluateKey("event.data.order", { event })).toBe('{"id":7}');
    expect(evaluateKey(undefined, { event })).toBe("");
  });

  it("refuses what it does not understand instead of guessing", () => {
    expect(() => evaluateExpression("event.data.tags.exists(t, t == 'a')", { event })).toThrow(
      "Unsupported expression",
    );
    expect(() => evaluateExpression("size(event.data.tags) > 0", { event })).toThrow("Unsupported expression");
  });
});

describe("time strings, Retry-After and cron", () => {
  it.each([
    ["300ms", 300],
    ["2h45m", 9_900_000],
    ["1.5s", 1_500],
    ["1d", 86_400_000],
  ])("parseDuration(%s) = %i", (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it("reads a date as the time left until it", () => {
    const now = Date.parse("2025-01-01T00:00:00Z");
    expect(parseDuration("2025-01-01T00:00:02.500Z", now)).toBe(2_500);
    expect(parseDuration("2024-12-31T00:00:00Z", now)).toBe(0);
    expect(() => parseDuration("soon")).toThrow("Not a time string");
  });

  it("reads Retry-After as seconds or as an ISO date", () => {
    const now = Date.parse("2025-01-01T00:00:00Z");
    expect(parseRetryAfter("30", now)).toBe(30_000);
    expect(parseRetryAfter("2025-01-01T00:00:00.750Z", now)).toBe(750);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter("whenever", now)).toBeUndefined();
  });

  it.each([
    ["*/15 * * * *", "2025-03-10T10:45:00Z", true],
    ["*/15 * * * *", "2025-03-10T10:46:00Z", false],
    ["0 3 * * 1-5", "2025-03-10T03:00:00Z", true], // a Monday
    ["0 3 * * MON-FRI", "2025-03-09T03:00:00Z", false], // a Sunday
    ["0 0 * * 7", "2025-03-09T00:00:00Z", true], // 7 is Sunday too
    ["0 0 1 * MON", "2025-03-10T00:00:00Z", true], // day-of-month or day-of-week
    ["TZ=Europe/Lisbon 0 9 * * *", "2025-07-01T08:00:00Z", true],
    ["TZ=Europe/Lisbon 0 9 * * *", "2025-01-15T09:00:00Z", true],
  ])("%s fires at %s: %s", (schedule, at, expected) => {
    expect(cronMatches(schedule, new Date(at))).toBe(expected);
  });
});

describe("canonical JSON for signed bodies", () => {
  it("sorts keys at every level, integer-like keys included, and drops undefined", () => {
    expect(canonicalJson({ b: 1, a: { "10": true, "2": [3, undefined, { z: null, y: "é" }] }, c: undefined })).toBe(
      '{"a":{"10":true,"2":[3,null,{"y":"é","z":null}]},"b":1}',
    );
  });
});
