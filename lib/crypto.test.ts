import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { needsResealing, openSecret, sealSecret, secretHint, signValue, verifySignedValue } from "./crypto";

const oldKey = randomBytes(32);
const newKey = randomBytes(32);

describe("sealed secrets", () => {
  it("round-trips and never stores the plain text", () => {
    const sealed = sealSecret("vendus-key-123456", { current: newKey });
    expect(sealed).not.toContain("vendus-key");
    expect(sealed.startsWith("v1.")).toBe(true);
    expect(openSecret(sealed, { current: newKey })).toBe("vendus-key-123456");
  });

  it("uses a fresh IV each time", () => {
    expect(sealSecret("same", { current: newKey })).not.toBe(sealSecret("same", { current: newKey }));
  });

  it("opens values sealed with the previous key during a rotation, and flags them for resealing", () => {
    const sealed = sealSecret("token", { current: oldKey });
    const keyring = { current: newKey, previous: oldKey };
    expect(openSecret(sealed, keyring)).toBe("token");
    expect(needsResealing(sealed, keyring)).toBe(true);
    expect(needsResealing(sealSecret("token", keyring), keyring)).toBe(false);
  });

  it("refuses a value sealed with an unknown key, or tampered with", () => {
    const sealed = sealSecret("token", { current: oldKey });
    expect(() => openSecret(sealed, { current: newKey })).toThrow("no longer configured");
    const parts = sealed.split(".");
    parts[4] = Buffer.from("tampered").toString("base64url");
    expect(() => openSecret(parts.join("."), { current: oldKey })).toThrow();
  });

  it("hints at a secret by its last four characters only", () => {
    expect(secretHint("abcdefgh1234")).toBe("…1234");
  });
});

describe("signed values", () => {
  it("verifies its own signature and rejects another purpose or value", () => {
    const sig = signValue("pdf", "doc1:123");
    expect(verifySignedValue("pdf", "doc1:123", sig)).toBe(true);
    expect(verifySignedValue("oauth", "doc1:123", sig)).toBe(false);
    expect(verifySignedValue("pdf", "doc2:123", sig)).toBe(false);
    expect(verifySignedValue("pdf", "doc1:123", "short")).toBe(false);
  });
});
