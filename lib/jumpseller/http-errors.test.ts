import { describe, expect, it } from "vitest";
import { errorText, rateLimitRetryAt, toServiceError } from "./http-errors";

const now = new Date("2025-01-01T10:00:00Z");
const headers = (h: Record<string, string>) => new Headers(h);

describe("error bodies", () => {
  it("reads each shape Jumpseller answers with", () => {
    expect(errorText('{"errors":["Url is invalid","Event is not included in the list"]}')).toBe(
      "Url is invalid; Event is not included in the list",
    );
    expect(errorText('{"errors":{"url":["is invalid"]}}')).toBe("url is invalid");
    expect(errorText('{"message":"Order not found"}')).toBe("Order not found");
    expect(errorText('{"error":"invalid_token","error_description":"The access token expired"}')).toBe(
      "The access token expired",
    );
    expect(errorText("<html>Bad gateway</html>")).toBe("<html>Bad gateway</html>");
    expect(errorText("")).toBeUndefined();
  });
});

describe("retryAt", () => {
  it("reads the ban reset as epoch seconds, epoch milliseconds, seconds from now or a date", () => {
    const at = (value: string) =>
      rateLimitRetryAt(headers({ "Jumpseller-BannedByRateLimit-Reset": value }), now).toISOString();
    expect(at("1735725900")).toBe("2025-01-01T10:05:00.000Z");
    expect(at("1735725900000")).toBe("2025-01-01T10:05:00.000Z");
    expect(at("30")).toBe("2025-01-01T10:00:30.000Z");
    expect(at("Wed, 01 Jan 2025 10:05:00 GMT")).toBe("2025-01-01T10:05:00.000Z");
  });

  it("waits a second or a minute depending on which budget is spent", () => {
    const second = headers({
      "Jumpseller-PerSecondRateLimit-Remaining": "0",
      "Jumpseller-PerMinuteRateLimit-Remaining": "500",
    });
    const minute = headers({
      "Jumpseller-PerSecondRateLimit-Remaining": "3",
      "Jumpseller-PerMinuteRateLimit-Remaining": "0",
    });
    expect(rateLimitRetryAt(second, now).getTime() - now.getTime()).toBe(1_000);
    expect(rateLimitRetryAt(minute, now).getTime() - now.getTime()).toBe(60_000);
  });
});

describe("kinds", () => {
  const kind = (status: number, h: Record<string, string> = {}) =>
    toServiceError({ status, headers: headers(h), bodyText: "", what: "GET /x.json", now }).kind;
  it("classifies statuses", () => {
    expect([401, 403, 404, 409, 400, 422, 429, 500, 503].map((s) => kind(s))).toEqual([
      "auth",
      "auth",
      "not_found",
      "conflict",
      "validation",
      "validation",
      "rate_limited",
      "transient",
      "transient",
    ]);
    expect(kind(403, { "Jumpseller-PerMinuteRateLimit-Remaining": "0" })).toBe("rate_limited");
    expect(kind(403, { "Jumpseller-PerMinuteRateLimit-Remaining": "12" })).toBe("auth");
  });
});
