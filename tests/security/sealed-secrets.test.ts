// A sealed secret opens only where it was sealed: moved to another store's row (or another column), it is
// refused. `keys:reseal` brings every secret to the current key and format, idempotently.
import { createCipheriv, createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { needsResealing, sealSecret } from "@/lib/crypto";
import { resetEnvCache } from "@/lib/env";
import { connectStore, loadStoreSecrets } from "@/lib/stores";
import { createTestDatabase, type TestDatabase } from "../db";

/** A value as Ponte sealed it before secrets were bound to their store (format v1). */
function sealV1(plaintext: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const id = createHash("sha256").update(key).digest("base64url").slice(0, 8);
  return ["v1", id, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

let t: TestDatabase;
const stores: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  for (const code of ["loja-a", "loja-b"]) {
    const store = await connectStore(t.db, {
      code,
      settings: { name: code },
      jumpseller: { kind: "private", login: code, authtoken: `token-${code}` },
      hooksToken: `hooks-${code}`,
      vendusApiKey: `vendus-key-${code}`,
    });
    stores[code] = store.id;
  }
});
afterAll(() => t.drop());

describe("sealed secrets are bound to their store and field", () => {
  it("refuses a Vendus key copied from another store", async () => {
    const a = await t.db.storeCredential.findUniqueOrThrow({ where: { storeId: stores["loja-a"]! } });
    await t.db.storeCredential.update({
      where: { storeId: stores["loja-b"]! },
      data: { vendusApiKeyEnc: a.vendusApiKeyEnc },
    });
    await expect(loadStoreSecrets(t.db, stores["loja-b"]!)).rejects.toThrow();
  });

  it("refuses a hooks token moved into the Vendus key's column", async () => {
    const a = await t.db.storeCredential.findUniqueOrThrow({ where: { storeId: stores["loja-a"]! } });
    await t.db.storeCredential.update({
      where: { storeId: stores["loja-a"]! },
      data: { vendusApiKeyEnc: a.hooksTokenEnc! },
    });
    await expect(loadStoreSecrets(t.db, stores["loja-a"]!)).rejects.toThrow();
  });
});

describe("keys:reseal", () => {
  const oldKey = "1".repeat(64);
  const newKey = "2".repeat(64);

  /** The state a rotation starts from: every secret sealed with the old key, some in the older unbound format. */
  async function sealEverythingWithTheOldKey() {
    const keyring = { current: Buffer.from(oldKey, "hex") };
    for (const [code, storeId] of Object.entries(stores)) {
      await t.db.storeCredential.update({
        where: { storeId },
        data: {
          jumpsellerTokenEnc: sealV1(`token-${code}`, keyring.current),
          hooksTokenEnc: sealSecret(`hooks-${code}`, { storeId, field: "hooksToken" }, keyring),
          vendusApiKeyEnc: sealSecret(`vendus-key-${code}`, { storeId, field: "vendusApiKey" }, keyring),
        },
      });
    }
  }

  async function reseal() {
    vi.stubEnv("DATABASE_URL", t.url);
    vi.stubEnv("PONTE_ENCRYPTION_KEY", newKey);
    vi.stubEnv("PONTE_ENCRYPTION_KEY_OLD", oldKey);
    resetEnvCache();
    const { runCli } = await import("@/scripts/ponte");
    const lines: string[] = [];
    const code = await runCli(["keys:reseal"], (line) => lines.push(line));
    return { code, out: lines.join("\n") };
  }

  afterAll(() => {
    vi.unstubAllEnvs();
    resetEnvCache();
  });

  it("re-seals every secret under the new key, bound to its store, and says how many", async () => {
    await sealEverythingWithTheOldKey();
    const first = await reseal();
    expect(first.code).toBe(0);
    expect(first.out).toContain("Re-sealed 6 secret(s) of 2 store(s) under the current key; 0 already current");
    const rows = await t.db.storeCredential.findMany();
    for (const row of rows) {
      for (const value of [row.jumpsellerTokenEnc, row.hooksTokenEnc, row.vendusApiKeyEnc]) {
        expect(needsResealing(value!, { current: Buffer.from(newKey, "hex") })).toBe(false);
      }
    }
    // The old key can go: everything opens with the new one alone.
    vi.stubEnv("PONTE_ENCRYPTION_KEY_OLD", "");
    resetEnvCache();
    const secrets = await loadStoreSecrets(t.db, stores["loja-b"]!);
    expect(secrets).toMatchObject({ vendusApiKey: "vendus-key-loja-b", hooksToken: "hooks-loja-b" });
    expect(secrets.jumpseller).toMatchObject({ authtoken: "token-loja-b" });
  });

  it("changes nothing the second time", async () => {
    const before = await t.db.storeCredential.findMany({ orderBy: { storeId: "asc" } });
    const again = await reseal();
    expect(again.out).toContain("Re-sealed 0 secret(s) of 2 store(s) under the current key; 6 already current");
    expect(await t.db.storeCredential.findMany({ orderBy: { storeId: "asc" } })).toEqual(before);
  });

  it("names what it cannot open and keeps it, failing, so the old key is not retired too early", async () => {
    const unknownKey = { current: Buffer.from("3".repeat(64), "hex") };
    const storeId = stores["loja-a"]!;
    await t.db.storeCredential.update({
      where: { storeId },
      data: { hooksTokenEnc: sealSecret("lost", { storeId, field: "hooksToken" }, unknownKey) },
    });
    const result = await reseal();
    expect(result.code).toBe(1);
    expect(result.out).toContain("1 could not be opened");
    expect(result.out).toContain("✗ loja-a hooksToken: This secret was sealed with a key that is no longer configured");
  });
});
