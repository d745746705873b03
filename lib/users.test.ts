import { afterEach, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "./env";
import { hashPassword, verifyPassword } from "./users";

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvCache();
});

describe("hashPassword", () => {
  it("hashes at the configured bcrypt cost, and the hash verifies whatever the cost is now", async () => {
    vi.stubEnv("PONTE_PASSWORD_HASH_COST", "5");
    resetEnvCache();
    const hash = await hashPassword("correct horse battery");
    expect(hash).toMatch(/^\$2b\$05\$/);

    vi.stubEnv("PONTE_PASSWORD_HASH_COST", "4");
    resetEnvCache();
    expect(await hashPassword("correct horse battery")).toMatch(/^\$2b\$04\$/);
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("correct horse batterie", hash)).toBe(false);
  });
});
