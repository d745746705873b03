import { describe, expect, it } from "vitest";
import { readYesNo } from "./yes-no";

describe("readYesNo", () => {
  it("reads a checkbox and the command line's words, in any case", () => {
    for (const word of ["on", "true", "yes", "1", " YES ", true]) expect(readYesNo(word)).toBe(true);
    for (const word of ["off", "false", "no", "0", "No", false]) expect(readYesNo(word)).toBe(false);
  });

  it("leaves anything else to the caller", () => {
    for (const value of ["", "maybe", "2", null, undefined, 1]) expect(readYesNo(value)).toBeUndefined();
  });
});
