// The readiness check against the simulators: a store set up wrong in every way an operator can get wrong is
// refused item by item, each with how to fix it; fixed, the same store is ready. The verdict is kept on
// the store for the overview.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { goodVendusKey, hookUrl, startConnectWorld, type ConnectWorld } from "./support";

let world: ConnectWorld;
let runCli: (argv: string[], out?: (line: string) => void) => Promise<number>;
let storeId: string;

beforeAll(async () => {
  world = await startConnectWorld();
  ({ runCli } = await import("../../scripts/ponte"));
  const { connectStore } = await import("../../lib/stores");
  const { login, authtoken } = world.jumpseller.control.store;
  // Mainland settings against a Madeira account, a closed register, a payment method about to be turned
  // off, a document type the account will stop offering, an old hooks token and no webhooks at all.
  const store = await connectStore(world.test.db, {
    code: "loja-azul",
    vendusApiKey: goodVendusKey,
    hooksToken: "an-old-hooks-token",
    jumpseller: { kind: "private", login, authtoken },
    settings: {
      name: "Loja Azul",
      enabled: true,
      testMode: true,
      vendusRegion: "PT",
      defaultVatRate: 23,
      documentType: "FR",
      vendusRegisterId: 103,
      vendusPaymentMethodId: 305,
    },
  });
  storeId = store.id;
  world.vendus.control.configureAccount({
    paymentMethods: [{ id: 305, status: "off" }],
    disabledDocumentTypes: ["FR"],
  });
});
afterAll(() => world.close());

async function check() {
  const lines: string[] = [];
  const errors: string[] = [];
  const spy = vi.spyOn(console, "error").mockImplementation((line: string) => void errors.push(String(line)));
  try {
    const code = await runCli(["store:check", "--store", "loja-azul"], (line) => lines.push(line));
    return { code, lines, err: errors.join("\n") };
  } finally {
    spy.mockRestore();
  }
}

describe("store:check", () => {
  it("names every problem of a misconfigured store, each with how to fix it", async () => {
    const { code, lines, err } = await check();
    expect(err).toBe("");
    expect(code).toBe(1);
    const problems = lines.filter((line) => line.startsWith("  ✗"));
    expect(problems).toEqual([
      "  ✗ The Vendus account is in PT-MA, but the store's settings say PT",
      "  ✗ Register 103 (Balcão) is closed",
      "  ✗ Payment method 305 is not an active payment method of this Vendus account",
      "  ✗ The Vendus account does not issue FR documents",
      "  ✗ The default VAT rate, 23 %, is not a rate of the Vendus account (PT-MA)",
      "  ✗ The store's hooks token is not the one Ponte has: every webhook would be refused",
      `  ✗ Webhooks missing at ${hookUrl}: order_paid, order_canceled, product_created, product_updated, product_stock_updated`,
    ]);
    // Every problem is followed by its fix.
    for (const problem of problems) {
      expect(lines[lines.indexOf(problem) + 1]).toMatch(/^ {6}How to fix: \S/);
    }
    expect(lines).toContain(
      "      How to fix: Set the store's region to PT-MA: paste the key again on the setup page, or run store:add again with --region PT-MA.",
    );
    expect(lines).toContain(
      "      How to fix: Register them: npm run ponte -- store:hooks --store loja-azul (or install the Jumpseller app again).",
    );
    expect(lines).toContain("  ! Test mode is on: documents are issued in Vendus test mode and have no legal value");
    expect(lines.at(-1)).toBe("loja-azul: Not ready to invoice (7 problems, 1 warning).");

    const store = await world.test.db.store.findUniqueOrThrow({ where: { id: storeId } });
    expect(store.readinessCheckedAt).toBeInstanceOf(Date);
    expect(store.readiness).toMatchObject({ ready: false });
    // Read-only on both sides: no register movement, no document, no hook created.
    expect(world.vendus.control.requests().filter((r) => r.method !== "GET")).toEqual([]);
    expect(world.jumpseller.control.hooks()).toEqual([]);
  });

  it("says which service did not answer, and which refused the credentials", async () => {
    world.vendus.control.failNext({ count: 20, status: 503 });
    const down = await check();
    world.vendus.control.clearFaults();
    expect(down.code).toBe(1);
    expect(down.lines.find((l) => l.includes("Vendus did not answer"))).toMatch(/^ {2}✗ Vendus did not answer \(/);
    expect(down.lines).toContain(
      "      How to fix: Check VENDUS_API_URL and the network, then check again in a few minutes.",
    );

    const { saveVendusApiKey } = await import("../../lib/connect/credentials");
    const { sealSecret } = await import("../../lib/crypto");
    await saveVendusApiKey(world.test.db, storeId, "a-key-vendus-never-issued");
    await world.test.db.storeCredential.update({
      where: { storeId },
      data: { jumpsellerTokenEnc: sealSecret("0".repeat(32), { storeId, field: "jumpsellerToken" }) },
    });
    const refused = await check();
    expect(refused.code).toBe(1);
    expect(refused.lines).toContain("  ✗ Vendus refused the API key");
    expect(refused.lines.find((l) => l.includes("Jumpseller refused"))).toMatch(
      /^ {2}✗ Jumpseller refused the store's credentials \(/,
    );
  });

  it("is ready once the store is fixed as the checklist says", async () => {
    const { saveStoreSettings } = await import("../../lib/stores");
    const { ensureWebhooks } = await import("../../lib/connect/webhooks");
    const { saveVendusApiKey } = await import("../../lib/connect/credentials");
    const { sealSecret } = await import("../../lib/crypto");
    world.vendus.control.configureAccount({ paymentMethods: [{ id: 305, status: "on" }], disabledDocumentTypes: [] });
    const saved = await saveStoreSettings(
      world.test.db,
      storeId,
      { vendusRegion: "PT-MA", defaultVatRate: 22, vendusRegisterId: 101, testMode: false },
      { actorId: null },
    );
    expect(saved.ok).toBe(true);
    await world.test.db.storeCredential.update({
      where: { storeId },
      data: { hooksTokenEnc: sealSecret(world.jumpseller.control.store.hooksToken, { storeId, field: "hooksToken" }) },
    });
    await saveVendusApiKey(world.test.db, storeId, goodVendusKey);
    await world.test.db.storeCredential.update({
      where: { storeId },
      data: {
        jumpsellerTokenEnc: sealSecret(world.jumpseller.control.store.authtoken, { storeId, field: "jumpsellerToken" }),
      },
    });
    await ensureWebhooks({ id: storeId }, { db: world.test.db });

    const { code, lines } = await check();
    expect(lines.filter((line) => !line.startsWith("  ✓"))).toEqual([
      "Checking loja-azul against Vendus and Jumpseller…",
      "loja-azul: Ready to invoice.",
    ]);
    expect(code).toBe(0);
  });

  it("warns when recent paid orders charge shipping at a rate none of their goods has", async () => {
    const order = world.jumpseller.control.createOrder({
      products: [{ name: "Livro", sku: "LIV-1", qty: 1, price: 18, taxRate: 6 }],
      shipping: 5,
      shippingTaxRate: 23,
    });
    world.jumpseller.control.payOrder(order.id);
    const { code, lines } = await check();
    expect(code).toBe(0);
    expect(lines).toContain(
      `  ! 1 of the last 1 paid orders charge shipping at a rate none of their goods has (e.g. #${order.id}: shipping 23 %, goods 6 %)`,
    );
    expect(lines).toContain(
      '      How to fix: Transport is taxed like the goods it carries: set "Shipping VAT" to "Following the goods" in the store\'s settings (or store:add --shipping-vat follow_goods), or fix the shipping tax in Jumpseller.',
    );
  });
});
