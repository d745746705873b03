import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-redirect";

const origin = "https://ponte.example.pt";

describe("safeCallbackPath", () => {
  it.each([
    ["/", "/"],
    ["/orders?state=failed", "/orders?state=failed"],
    ["/orders/abc#credit", "/orders/abc#credit"],
    ["/stores/a%2Fb", "/stores/a%2Fb"],
  ])("keeps the same-site path %j", (value, expected) => {
    expect(safeCallbackPath(value, origin)).toBe(expected);
  });

  it.each([
    ["tab", "/\t/evil.com"],
    ["newline", "/\n/evil.com"],
    ["carriage return", "/\r/evil.com"],
    ["NUL", "/\u0000/evil.com"],
    ["DEL", "/\u007f/evil.com"],
    ["slash backslash", "/\\evil.com"],
    ["backslash slash", "\\/evil.com"],
    ["protocol-relative", "//evil.com"],
    ["three slashes", "///evil.com"],
    ["dot segment to //", "/.//evil.com"],
    ["dot-dot segment to //", "/..//evil.com"],
    ["absolute https", "https://evil.com/"],
    ["absolute same host", "https://ponte.example.pt/orders"],
    ["javascript", "javascript:alert(1)"],
    ["data", "data:text/html,<script>alert(1)</script>"],
    ["relative", "orders"],
    ["leading space", " /orders"],
    ["encoded slashes (not decoded here)", "%2F%2Fevil.com"],
    ["empty", ""],
    ["too long", `/${"a".repeat(3000)}`],
  ])("refuses %s", (_name, value) => {
    expect(safeCallbackPath(value, origin)).toBe("/");
  });

  it("keeps encoded characters encoded, so they stay a path on this site", () => {
    expect(safeCallbackPath("/%2F%2Fevil.com", origin)).toBe("/%2F%2Fevil.com");
    expect(safeCallbackPath("/%5Cevil.com", origin)).toBe("/%5Cevil.com");
    expect(safeCallbackPath("/%09/evil.com", origin)).toBe("/%09/evil.com");
  });

  it("takes the first of repeated values and ignores non-strings", () => {
    expect(safeCallbackPath(["/orders", "//evil.com"], origin)).toBe("/orders");
    expect(safeCallbackPath(["//evil.com", "/orders"], origin)).toBe("/");
    expect(safeCallbackPath(undefined, origin)).toBe("/");
    expect(safeCallbackPath(42, origin)).toBe("/");
  });
});
