// The whole connection of a store, as an admin lives it: install the app on Jumpseller's consent page,
// come back to a pending store with its hooks, paste the Vendus key, choose the register and switch it on.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSecret } from "../../lib/crypto";
import { createJumpsellerClient } from "../../lib/jumpseller/client";
import type { SessionUser } from "../../lib/access";
import {
  approveOnConsentPage,
  createSessionUser,
  findSecrets,
  goodVendusKey,
  hookUrl,
  redirectUri,
  startConnectWorld,
  type ConnectWorld,
} from "./support";

let world: ConnectWorld;
let admin: SessionUser;
let install: typeof import("../../lib/connect/install");
let routes: typeof import("../../lib/connect/routes");
let vendusKey: typeof import("../../lib/connect/vendus-key");
let setup: typeof import("../../lib/connect/setup");
let storeId: string;

beforeAll(async () => {
  world = await startConnectWorld();
  [install, routes, vendusKey, setup] = await Promise.all([
    import("../../lib/connect/install"),
    import("../../lib/connect/routes"),
    import("../../lib/connect/vendus-key"),
    import("../../lib/connect/setup"),
  ]);
  admin = await createSessionUser(world.test.db, "admin", "ana@example.pt");
});
afterAll(() => world?.close());

/** Every secret the store holds, opened from the database, to check that none leaks into an answer. */
async function storeSecrets(): Promise<string[]> {
  const c = await world.test.db.storeCredential.findUniqueOrThrow({ where: { storeId } });
  const sealed = [
    [c.accessTokenEnc, "accessToken"],
    [c.refreshTokenEnc, "refreshToken"],
    [c.hooksTokenEnc, "hooksToken"],
    [c.vendusApiKeyEnc, "vendusApiKey"],
  ] as const;
  return sealed
    .map(([value, field]) => (value ? openSecret(value, { storeId, field }) : ""))
    .concat(world.jumpseller.control.store.clientSecret, world.jumpseller.control.store.hooksToken, goodVendusKey);
}

const ourHooks = () => world.jumpseller.control.hooks().filter((h) => h.url === hookUrl);

describe("installing Ponte in a Jumpseller store", () => {
  it("sends the admin to Jumpseller with the callback, the scopes and a state", () => {
    const started = install.startJumpsellerInstall(admin);
    expect("url" in started).toBe(true);
    const url = new URL((started as { url: string }).url);
    expect(`${url.origin}${url.pathname}`).toBe(`${world.jumpseller.authUrl}/oauth/authorize`);
    expect(url.searchParams.get("redirect_uri")).toBe(redirectUri);
    expect(url.searchParams.get("client_id")).toBe(world.jumpseller.control.store.clientId);
    expect(url.searchParams.get("scope")?.split(" ")).toEqual(
      expect.arrayContaining(["read_store", "write_orders", "write_hooks"]),
    );
    expect(url.searchParams.get("state")).toMatch(/^[\w-]+\.[\w-]+$/);
  });

  it("comes back from the consent page to a pending store with sealed tokens and Ponte's five hooks", async () => {
    const started = install.startJumpsellerInstall(admin);
    const callback = await approveOnConsentPage((started as { url: string }).url);
    expect(`${callback.origin}${callback.pathname}`).toBe(redirectUri);

    const target = await routes.installCallbackRedirect(admin, callback.searchParams);
    expect(target).toMatch(/^\/stores\/connect\/c[a-z0-9]+$/);
    storeId = target.split("/").pop()!;

    const store = await world.test.db.store.findUniqueOrThrow({
      where: { id: storeId },
      include: { credential: true },
    });
    expect(store).toMatchObject({ code: "loja-azul", name: "Loja Azul", enabled: false });
    const cred = store.credential!;
    expect(cred.jumpsellerAuth).toBe("oauth");
    expect(cred.vendusKeyHint).toBe("");
    expect(openSecret(cred.vendusApiKeyEnc, { storeId, field: "vendusApiKey" })).toBe("");
    expect(openSecret(cred.hooksTokenEnc!, { storeId, field: "hooksToken" })).toBe(
      world.jumpseller.control.store.hooksToken,
    );
    expect(cred.accessTokenExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
    // The sealed token works against the store: it is the one Jumpseller issued.
    const accessToken = openSecret(cred.accessTokenEnc!, { storeId, field: "accessToken" });
    const client = createJumpsellerClient({
      auth: { kind: "oauth", getAccessToken: async () => accessToken },
      baseUrl: world.jumpseller.url,
    });
    expect((await client.getStoreInfo()).code).toBe("loja-azul");
    expect(cred.accessTokenEnc).not.toContain(accessToken);

    expect(
      ourHooks()
        .map((h) => h.event)
        .sort(),
    ).toEqual(["order_canceled", "order_paid", "product_created", "product_stock_updated", "product_updated"]);
    const audit = await world.test.db.auditEvent.findMany({
      where: { storeId },
      select: { action: true, actorId: true },
    });
    expect(audit).toEqual(expect.arrayContaining([{ action: "store.installed", actorId: admin.id }]));
  });

  it("installing again keeps one hook per event, removes stale ones at Ponte's URL and leaves others alone", async () => {
    const { login, authtoken } = world.jumpseller.control.store;
    const privateApi = createJumpsellerClient({
      auth: { kind: "private", login, authtoken },
      baseUrl: world.jumpseller.url,
    });
    await privateApi.createHook("order_updated", hookUrl);
    await privateApi.createHook("order_paid", hookUrl);
    await privateApi.createHook("order_paid", "https://another-app.example/hooks");

    const state = new URL((install.startJumpsellerInstall(admin) as { url: string }).url).searchParams.get("state")!;
    const callback = new URL(
      world.jumpseller.control.authorize({ redirectUri, scope: "read_store read_hooks write_hooks", state }),
    );
    const result = await install.completeJumpsellerInstall({
      user: admin,
      code: callback.searchParams.get("code"),
      state,
    });

    expect(result).toMatchObject({ storeId, storeCode: "loja-azul", isNew: false, webhooks: { created: [] } });
    expect("webhooks" in result && result.webhooks.deleted.map((h) => h.event).sort()).toEqual([
      "order_paid",
      "order_updated",
    ]);
    expect(ourHooks()).toHaveLength(5);
    expect(world.jumpseller.control.hooks().filter((h) => h.url !== hookUrl)).toHaveLength(1);
    expect(await world.test.db.store.count()).toBe(1);
    expect(findSecrets(result, await storeSecrets())).toEqual([]);
  });
});

describe("the Vendus key", () => {
  /** Setup choices that would be accepted once the store has a key. */
  const ftChoices = {
    vendusRegisterId: 101,
    documentType: "FT" as const,
    defaultVatRate: 22,
    oss: false,
    testMode: true,
    enabled: true,
  };

  it("refuses a key Vendus refuses, and keeps the store pending", async () => {
    const result = await vendusKey.saveVendusKey({ user: admin, storeId, apiKey: "not-a-real-vendus-key" });
    expect(result).toMatchObject({
      error: "vendus_auth",
      message: "Vendus refused the store's API key: paste a valid key in the store's connection.",
      fields: { apiKey: "vendus_auth" },
    });
    const short = await vendusKey.saveVendusKey({ user: admin, storeId, apiKey: "short" });
    expect(short).toMatchObject({ error: "invalid", fields: { apiKey: "key_too_short" } });
    const cred = await world.test.db.storeCredential.findUniqueOrThrow({ where: { storeId } });
    expect(cred.vendusKeyHint).toBe("");
    const early = await setup.finishStoreSetup({ user: admin, storeId, ...ftChoices });
    expect(early).toMatchObject({ error: "vendus_key_missing" });
  });

  it("is only for admins: a merchant of the store is refused, a user without access does not see it", async () => {
    const merchant = await createSessionUser(world.test.db, "merchant", "loja@example.pt");
    await world.test.db.storeAccess.create({ data: { userId: merchant.id, storeId } });
    const accountant = await createSessionUser(world.test.db, "accountant", "conta@example.pt");
    expect(await vendusKey.saveVendusKey({ user: merchant, storeId, apiKey: goodVendusKey })).toMatchObject({
      error: "forbidden",
    });
    expect(await vendusKey.saveVendusKey({ user: accountant, storeId, apiKey: goodVendusKey })).toMatchObject({
      error: "not_found",
    });
    expect(await setup.finishStoreSetup({ user: merchant, storeId, ...ftChoices })).toMatchObject({
      error: "forbidden",
    });
  });

  it("keeps a good key sealed, records the region and lists the active registers and payment methods", async () => {
    const result = await vendusKey.saveVendusKey({ user: admin, storeId, apiKey: ` ${goodVendusKey} ` });
    expect(result).toMatchObject({ ok: true, region: "PT-MA", hint: "…good" });
    if (!("ok" in result)) throw new Error(result.message);
    expect(result.registers.map((r) => r.id)).toEqual([101, 102]);
    expect(result.paymentMethods.map((m) => m.type)).toContain("MBWAY");
    expect(findSecrets(result, await storeSecrets())).toEqual([]);

    const store = await world.test.db.store.findUniqueOrThrow({
      where: { id: storeId },
      include: { credential: true },
    });
    expect(store.vendusRegion).toBe("PT-MA");
    expect(store.credential!.vendusApiKeyEnc).not.toContain(goodVendusKey);
    expect(openSecret(store.credential!.vendusApiKeyEnc, { storeId, field: "vendusApiKey" })).toBe(goodVendusKey);
    expect(world.vendus.control.requests().filter((r) => r.path.includes("movements"))).toEqual([]);

    const reloaded = await vendusKey.loadSetupOptions({ user: admin, storeId });
    expect(reloaded).toEqual(result);
  });
});

describe("finishing the setup", () => {
  const base = {
    vendusRegisterId: 101,
    documentType: "FR" as const,
    defaultVatRate: 22,
    oss: true,
    testMode: true,
    enabled: true,
  };

  it("refuses an FR without payment method, a register Vendus does not offer and a rate of another region", async () => {
    const noMethod = await setup.finishStoreSetup({ user: admin, storeId, ...base, vendusPaymentMethodId: null });
    expect(noMethod).toMatchObject({ error: "invalid", fields: { vendusPaymentMethodId: "payment_method_required" } });
    const closed = await setup.finishStoreSetup({
      user: admin,
      storeId,
      ...base,
      vendusRegisterId: 103,
      vendusPaymentMethodId: 305,
    });
    expect(closed).toMatchObject({ error: "invalid", fields: { vendusRegisterId: "register_unknown" } });
    const unknownMethod = await setup.finishStoreSetup({ user: admin, storeId, ...base, vendusPaymentMethodId: 999 });
    expect(unknownMethod).toMatchObject({
      error: "invalid",
      fields: { vendusPaymentMethodId: "payment_method_unknown" },
    });
    const mainlandRate = await setup.finishStoreSetup({
      user: admin,
      storeId,
      ...base,
      defaultVatRate: 23,
      vendusPaymentMethodId: 305,
    });
    expect(mainlandRate).toMatchObject({ error: "invalid", fields: { defaultVatRate: "vat_not_regional" } });
    expect((await world.test.db.store.findUniqueOrThrow({ where: { id: storeId } })).enabled).toBe(false);
  });

  it("saves the choices, switches the store on and audits it", async () => {
    const result = await setup.finishStoreSetup({ user: admin, storeId, ...base, vendusPaymentMethodId: 305 });
    expect(result).toEqual({ ok: true, enabled: true });
    const store = await world.test.db.store.findUniqueOrThrow({ where: { id: storeId } });
    expect(store).toMatchObject({
      enabled: true,
      vendusRegisterId: 101,
      documentType: "FR",
      vendusPaymentMethodId: 305,
      oss: true,
      testMode: true,
    });
    expect(Number(store.defaultVatRate)).toBe(22);
    const actions = (await world.test.db.auditEvent.findMany({ where: { storeId }, orderBy: { at: "asc" } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining(["store.installed", "store.vendus_key_saved", "store.setup_completed"]),
    );
    expect(findSecrets(await world.test.db.auditEvent.findMany(), await storeSecrets())).toEqual([]);
  });
});

describe("hooks for a store already connected", () => {
  it("refreshes an expired access token, saves the rotated pair and changes no hook", async () => {
    const before = await world.test.db.storeCredential.findUniqueOrThrow({ where: { storeId } });
    await world.test.db.storeCredential.update({
      where: { storeId },
      data: { accessTokenExpiresAt: new Date(Date.now() - 1000) },
    });
    world.jumpseller.control.expireAccessTokens();
    const { ensureWebhooks } = await import("../../lib/connect/webhooks");

    const result = await ensureWebhooks({ id: storeId });
    expect(result).toMatchObject({ created: [], deleted: [] });
    expect(result.kept).toHaveLength(5);
    const after = await world.test.db.storeCredential.findUniqueOrThrow({ where: { storeId } });
    const refreshToken = (sealed: string) => openSecret(sealed, { storeId, field: "refreshToken" });
    expect(refreshToken(after.refreshTokenEnc!)).not.toBe(refreshToken(before.refreshTokenEnc!));
    expect(after.accessTokenExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
  });
});
