import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openSecret } from "../lib/crypto";
import { verifyPassword } from "../lib/users";
import { startJumpsellerSimulator, type JumpsellerSimulator } from "../simulators/jumpseller";
import { startVendusSimulator, type VendusSimulator } from "../simulators/vendus";
import { createTestDatabase, type TestDatabase } from "./db";
import { testSecrets } from "./test-env";
import { runCliCaptured, type RunCli } from "./support/cli";

let test: TestDatabase;
let jumpseller: JumpsellerSimulator;
let vendus: VendusSimulator;
let runCli: RunCli;

beforeAll(async () => {
  test = await createTestDatabase();
  jumpseller = await startJumpsellerSimulator({
    port: 0,
    storeCode: "loja-verde",
    login: "loja-verde",
    authtoken: "b".repeat(32),
    hooksToken: "verde-hooks",
  });
  vendus = await startVendusSimulator({ apiKeys: ["VENDUSKEY-0002-wxyz"] });
  vi.stubEnv("DATABASE_URL", test.url);
  vi.stubEnv("JUMPSELLER_API_URL", jumpseller.url);
  vi.stubEnv("VENDUS_API_URL", vendus.url);
  vi.stubEnv("NEXTAUTH_URL", "https://ponte.example.pt");
  ({ runCli } = await import("../scripts/ponte"));
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await Promise.all([jumpseller.close(), vendus.close()]);
  await test.drop();
});

const cli = (...argv: string[]) => runCliCaptured(runCli, argv);

describe("ponte CLI", () => {
  it("checks only the configuration a command needs: migrating needs the database alone", async () => {
    vi.stubEnv("NEXTAUTH_SECRET", "");
    vi.stubEnv("PONTE_ENCRYPTION_KEY", "");
    try {
      const migrate = await cli("db:migrate");
      expect(migrate).toMatchObject({ code: 0, err: "", out: "Database is up to date." });
      expect((await cli("store:list")).code).toBe(0);
      const add = await cli("store:add", "--code", "x", "--vendus-key", "k".repeat(10));
      expect(add.code).toBe(1);
      expect(add.err).toContain("store:add: Invalid configuration:\n  - PONTE_ENCRYPTION_KEY is missing");
      expect(add.err).not.toContain("NEXTAUTH_SECRET");
    } finally {
      vi.stubEnv("NEXTAUTH_SECRET", testSecrets.NEXTAUTH_SECRET);
      vi.stubEnv("PONTE_ENCRYPTION_KEY", testSecrets.PONTE_ENCRYPTION_KEY);
    }
  });

  it("connects a store with sealed secrets and lists it without them", async () => {
    const add = await cli(
      "store:add",
      "--code",
      "loja-azul",
      "--name",
      "Loja Azul",
      "--vendus-key",
      "VENDUSKEY-0001-abcd",
      "--jumpseller-login",
      "loja-azul",
      "--jumpseller-token",
      "a".repeat(32),
      "--hooks-token",
      "hooks-secret",
      "--register",
      "12",
      "--document-type",
      "FT",
      "--oss",
      "yes",
      "--notify",
      "contabilidade@example.pt",
      "--skip-hooks",
      "--skip-check",
    );
    expect(add.err).toBe("");
    expect(add.code).toBe(0);
    expect(add.out).toMatch(/^Connected store loja-azul \(c[a-z0-9]+\)$/);

    const store = await test.db.store.findUniqueOrThrow({
      where: { code: "loja-azul" },
      include: { credential: true },
    });
    expect(store).toMatchObject({
      name: "Loja Azul",
      vendusRegisterId: 12,
      documentType: "FT",
      oss: true,
      enabled: true,
    });
    expect(store.notificationEmails).toEqual(["contabilidade@example.pt"]);
    const cred = store.credential!;
    expect(cred.vendusApiKeyEnc).not.toContain("VENDUSKEY");
    expect(openSecret(cred.vendusApiKeyEnc, { storeId: store.id, field: "vendusApiKey" })).toBe("VENDUSKEY-0001-abcd");
    expect(openSecret(cred.hooksTokenEnc!, { storeId: store.id, field: "hooksToken" })).toBe("hooks-secret");
    expect(cred.vendusKeyHint).toBe("…abcd");

    const list = await cli("store:list");
    expect(list.code).toBe(0);
    expect(list.out).toContain("loja-azul");
    expect(list.out).toContain("…abcd");
    expect(list.out).not.toContain("VENDUSKEY-0001");
    expect(list.out).not.toContain("hooks-secret");
  });

  it("registers the store's webhooks in Jumpseller, once, then checks the store: ready", async () => {
    const args = [
      "store:add",
      "--code",
      "loja-verde",
      "--name",
      "Loja Verde",
      "--vendus-key",
      "VENDUSKEY-0002-wxyz",
      "--jumpseller-login",
      "loja-verde",
      "--jumpseller-token",
      "b".repeat(32),
      "--hooks-token",
      "verde-hooks",
      "--register",
      "101",
      "--payment-method",
      "304",
    ];
    const first = await cli(...args);
    expect(first.err).toBe("");
    expect(first.code).toBe(0);
    expect(first.out).toContain("Webhooks point to https://ponte.example.pt/api/webhooks/jumpseller");
    expect(first.out).toContain("Checking loja-verde against Vendus and Jumpseller…");
    expect(first.out).toContain("✓ Register 101 (Loja Online) is open");
    expect(first.out).toContain("✓ All 5 webhooks point to https://ponte.example.pt/api/webhooks/jumpseller");
    // New stores start in test mode: a warning, with how to leave it.
    expect(first.out).toContain("! Test mode is on");
    expect(first.out.split("\n").at(-1)).toBe("loja-verde: Ready to invoice (1 warning).");
    const again = await cli(...args);
    expect(again.code).toBe(0);
    const hooks = jumpseller.control.hooks();
    expect(hooks.map((h) => h.event).sort()).toEqual([
      "order_canceled",
      "order_paid",
      "product_created",
      "product_stock_updated",
      "product_updated",
    ]);
    expect(new Set(hooks.map((h) => h.url))).toEqual(new Set(["https://ponte.example.pt/api/webhooks/jumpseller"]));
  });

  it("creates the first admin and a merchant scoped to a store", async () => {
    const admin = await cli(
      "user:create",
      "--email",
      "Ana@Example.pt",
      "--role",
      "admin",
      "--password",
      "correct horse battery",
    );
    expect(admin.code).toBe(0);
    expect(admin.out).toContain("Created admin ana@example.pt");
    const user = await test.db.user.findUniqueOrThrow({ where: { email: "ana@example.pt" } });
    expect(user.allStores).toBe(true);
    expect(await verifyPassword("correct horse battery", user.passwordHash)).toBe(true);

    const merchant = await cli(
      "user:create",
      "--email",
      "rui@loja-azul.pt",
      "--role",
      "merchant",
      "--password",
      "another long one",
      "--store",
      "loja-azul",
    );
    expect(merchant.code).toBe(0);
    const access = await test.db.storeAccess.findMany({
      where: { user: { email: "rui@loja-azul.pt" } },
      include: { store: true },
    });
    expect(access.map((a) => a.store.code)).toEqual(["loja-azul"]);
  });

  it("explains mistakes with exit code 2 and writes nothing", async () => {
    const dup = await cli(
      "user:create",
      "--email",
      "ana@example.pt",
      "--role",
      "admin",
      "--password",
      "correct horse battery",
    );
    expect(dup).toMatchObject({ code: 2 });
    expect(dup.err).toContain("already exists");

    const badRole = await cli(
      "user:create",
      "--email",
      "x@example.pt",
      "--role",
      "owner",
      "--password",
      "long enough pw",
    );
    expect(badRole.code).toBe(2);
    expect(badRole.err).toContain("--role must be one of admin, accountant, merchant");

    const unknownStore = await cli(
      "user:create",
      "--email",
      "y@example.pt",
      "--role",
      "merchant",
      "--password",
      "long enough pw",
      "--store",
      "nope",
    );
    expect(unknownStore.err).toContain("unknown store code(s): nope");

    const missing = await cli("store:add", "--code", "x");
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("--jumpseller-login is required");

    expect(await test.db.user.count({ where: { email: { in: ["x@example.pt", "y@example.pt"] } } })).toBe(0);
    expect((await cli("nope")).code).toBe(2);
  });
});
