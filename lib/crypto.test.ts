import { createCipheriv, createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { needsResealing, openSecret, sealSecret, secretHint, signValue, verifySignedValue } from "./crypto";

const oldKey = randomBytes(32);
const newKey = randomBytes(32);
const slot = { storeId: "store-a", field: "vendusApiKey" } as const;

/** A value as Ponte sealed it before secrets were bound to their store (format v1). */
function sealV1(plaintext: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const id = createHash("sha256").update(key).digest("base64url").slice(0, 8);
  return [
    "v1",
    id,
    iv.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
    ciphertext.toString("base64url"),
  ].join(".");
}

describe("sealed secrets", () => {
  it("round-trips and never stores the plain text", () => {
    const sealed = sealSecret("vendus-key-123456", slot, { current: newKey });
    expect(sealed).not.toContain("vendus-key");
    expect(sealed.startsWith("v2.")).toBe(true);
    expect(openSecret(sealed, slot, { current: newKey })).toBe("vendus-key-123456");
  });

  it("uses a fresh IV each time", () => {
    expect(sealSecret("same", slot, { current: newKey })).not.toBe(sealSecret("same", slot, { current: newKey }));
  });

  it("opens a value only for the store and field it was sealed for", () => {
    const sealed = sealSecret("vendus-key-123456", slot, { current: newKey });
    expect(() => openSecret(sealed, { ...slot, storeId: "store-b" }, { current: newKey })).toThrow();
    expect(() => openSecret(sealed, { ...slot, field: "hooksToken" }, { current: newKey })).toThrow();
  });

  it("refuses a tag cut short, which GCM would otherwise accept", () => {
    for (const sealed of [sealSecret("token", slot, { current: newKey }), sealV1("token", newKey)]) {
      const parts = sealed.split(".");
      parts[3] = Buffer.from(parts[3]!, "base64url").subarray(0, 4).toString("base64url");
      expect(() => openSecret(parts.join("."), slot, { current: newKey })).toThrow("16 bytes");
    }
  });

  it("opens values sealed with the previous key or the older format, and flags them for resealing", () => {
    const keyring = { current: newKey, previous: oldKey };
    const previousKey = sealSecret("token", slot, { current: oldKey });
    const olderFormat = sealV1("token", newKey);
    expect(openSecret(previousKey, slot, keyring)).toBe("token");
    expect(openSecret(olderFormat, slot, keyring)).toBe("token");
    expect(needsResealing(previousKey, keyring)).toBe(true);
    expect(needsResealing(olderFormat, keyring)).toBe(true);
    expect(needsResealing(sealSecret("token", slot, keyring), keyring)).toBe(false);
  });

  it("refuses a value sealed with an unknown key, or tampered with", () => {
    const sealed = sealSecret("token", slot, { current: oldKey });
    expect(() => openSecret(sealed, slot, { current: newKey })).toThrow("no longer configured");
    const parts = sealed.split(".");
    parts[4] = Buffer.from("tampered").toString("base64url");
    expect(() => openSecret(parts.join("."), slot, { current: oldKey })).toThrow();
  });

  it("hints at a secret by its last four characters only", () => {
    expect(secretHint("abcdefgh1234")).toBe("…1234");
  });
});

describe("signed values", () => {
  it("verifies its own signature and rejects another purpose or value", () => {
    const sig = signValue("oauth", "doc1:123");
    expect(verifySignedValue("oauth", "doc1:123", sig)).toBe(true);
    expect(verifySignedValue("pdf", "doc1:123", sig)).toBe(false);
    expect(verifySignedValue("oauth", "doc2:123", sig)).toBe(false);
    expect(verifySignedValue("oauth", "doc1:123", "short")).toBe(false);
  });
});
