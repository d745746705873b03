import { describe, expect, it } from "vitest";
import en from "../messages/en.json";
import pt from "../messages/pt-PT.json";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("UI messages", () => {
  it("have the same keys in every language", () => {
    expect(keys(pt).sort()).toEqual(keys(en).sort());
  });

  it("have no empty strings", () => {
    const leaves = (value: unknown): unknown[] =>
      typeof value === "object" && value !== null ? Object.values(value).flatMap(leaves) : [value];
    for (const messages of [en, pt])
      expect(leaves(messages).filter((v) => typeof v !== "string" || v.trim() === "")).toEqual([]);
  });
});
