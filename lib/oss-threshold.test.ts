import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EU_MEMBER_STATES } from "./invoicing";
import { needsOss, ossLevel } from "./oss-threshold";

describe("the OSS threshold", () => {
  it("warns from 80 % of EUR 10,000 and is crossed only above it", () => {
    expect(ossLevel(799_999)).toBe("under");
    expect(ossLevel(800_000)).toBe("warning");
    expect(ossLevel(1_000_000)).toBe("warning");
    expect(ossLevel(1_000_001)).toBe("crossed");
  });

  it("alerts when this year or last crossed it and the store's OSS setting is off", () => {
    expect(needsOss({ oss: false, yearCents: 1_000_001, previousYearCents: 0 })).toBe(true);
    expect(needsOss({ oss: false, yearCents: 10, previousYearCents: 1_200_000 })).toBe(true);
    expect(needsOss({ oss: true, yearCents: 1_200_000, previousYearCents: 1_200_000 })).toBe(false);
    expect(needsOss({ oss: false, yearCents: 900_000, previousYearCents: 0 })).toBe(false);
  });

  it("counts in the database the same member states as the invoicing engine, Portugal excepted", () => {
    const dir = path.join(process.cwd(), "prisma/migrations");
    const migration = readdirSync(dir).find((name) => name.endsWith("_distance_sales"))!;
    const sql = readFileSync(path.join(dir, migration, "migration.sql"), "utf8");
    const list = /order_country = ANY \(ARRAY\[([^\]]+)\]\)/.exec(sql)![1]!;
    const states = [...list.matchAll(/'([A-Z]{2})'/g)].map((m) => m[1]);
    expect(states).toEqual(EU_MEMBER_STATES.filter((state) => state !== "PT"));
  });
});
