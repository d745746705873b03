import { describe, expect, it } from "vitest";
import { newRowId } from "./ids";

describe("newRowId", () => {
  it("makes unique ids that sort in the order they were made, within one millisecond too", () => {
    const ids = Array.from({ length: 2000 }, () => newRowId());
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
