// Credentials are not an outage: a revoked Vendus key puts the store in "reconnect needed" (jobs wait, one
// message to its contacts and the admins), and a new key resumes them. Two refreshes of one store's
// Jumpseller token at once make one refresh call, and both callers get the new token.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveVendusApiKey } from "@/lib/connect/credentials";
import { saveVendusKey } from "@/lib/connect/vendus-key";
import { createDb } from "@/lib/db";
import { isServiceError } from "@/lib/errors";
import { createJumpsellerClient } from "@/lib/jumpseller/client";
import { jumpsellerScope } from "@/lib/jumpseller/constants";
import { exchangeCode, refreshTokens } from "@/lib/jumpseller/oauth";
import { freshStoreTokens } from "@/lib/jumpseller/store-tokens";
import { watchOutages } from "@/lib/outages/watch";
import { createPipelineServices, pipelineServices } from "@/lib/pipeline/services";
import { connectStore, loadStoreSecrets } from "@/lib/stores";
import { startJumpsellerSimulator, type JumpsellerSimulator } from "@/simulators/jumpseller";
import { DEFAULT_SIMULATOR_API_KEY } from "@/simulators/vendus";
import { createSessionUser } from "../connect/support";
import { placePaidOrder, startHarness, vendusDocumentsFor, type Harness } from "../pipeline/harness";

describe("reconnect needed", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h?.close());

  it("waits for a new Vendus key after a 401, tells the store and the admins once, and resumes when it is saved", async () => {
    const admin = await createSessionUser(h.db, "admin", "admin@ponte.test");
    await saveVendusApiKey(h.db, h.storeId, "revoked-key-0000");
    const first = [placePaidOrder(h), placePaidOrder(h)];
    await h.settle();

    // The first paid for a new key; the second for it too, or (its run already past its start) behind the first.
    const jobs = await h.db.job.findMany({
      where: { storeId: h.storeId },
      orderBy: { order: { jumpsellerId: "asc" } },
    });
    expect(jobs.map((j) => j.status)).toEqual(["waiting", "waiting"]);
    expect(jobs[0]!.waitingFor).toBe("vendus_key");
    expect(["vendus_key", "behind_earlier_order"]).toContain(jobs[1]!.waitingFor);
    expect(await h.db.outage.findFirstOrThrow({ where: { storeId: h.storeId } })).toMatchObject({
      reason: "vendus_key",
      endedAt: null,
    });
    // Each job met the refused key at most once (runs already past their start may still try once).
    const refused = h.vendus.control.requests({ method: "POST" });
    expect(refused.every((r) => r.status === 401)).toBe(true);
    expect(refused.length).toBeLessThanOrEqual(2);

    await watchOutages({ services: pipelineServices() });
    await watchOutages({ services: pipelineServices() });
    const emails = h.resend.emails();
    expect(emails).toHaveLength(1);
    expect(emails[0]!.to.sort()).toEqual(["admin@ponte.test", "loja@example.com"]);
    expect(emails[0]!.subject).toBe("Ponte: a chave da Vendus da loja Loja de Teste foi recusada — volte a ligar");
    expect(emails[0]!.text).toContain("2 tarefas estão à espera");

    // Paid while the store waits: no call to Vendus at all.
    const third = placePaidOrder(h);
    await h.settle();
    expect(h.vendus.control.requests({ method: "POST" })).toHaveLength(refused.length);
    expect(await h.db.job.findFirstOrThrow({ where: { subject: String(third.id) } })).toMatchObject({
      status: "waiting",
      waitingFor: "vendus_key",
    });

    // The merchant pastes a valid key: the three invoices are issued by themselves, in payment order.
    const saved = await saveVendusKey({ user: admin, storeId: h.storeId, apiKey: DEFAULT_SIMULATOR_API_KEY });
    expect(saved).toMatchObject({ ok: true });
    await h.settle();
    const orders = [...first, third];
    for (const order of orders) expect(vendusDocumentsFor(h, order.id)).toHaveLength(1);
    const issued = h.vendus.control
      .documents()
      .sort((a, b) => a.id - b.id)
      .map((d) => d.external_reference);
    expect(issued).toEqual(orders.map((o) => `js-${h.storeCode}-${o.id}`));
    expect(await h.db.job.count({ where: { storeId: h.storeId, status: "succeeded" } })).toBe(3);

    await watchOutages({ services: pipelineServices() });
    const all = h.resend.emails();
    expect(all).toHaveLength(2);
    expect(all[1]!.subject).toBe("Ponte: a loja Loja de Teste voltou a estar ligada");
    expect(all[1]!.text).toContain("foram emitidas 3 faturas");
  });
});

describe("Jumpseller OAuth tokens", () => {
  let h: Harness;
  let shop: JumpsellerSimulator;
  const app = { clientId: "ponte-oauth-test", clientSecret: "oauth-test-secret", redirectUri: "http://ponte.test/cb" };

  beforeAll(async () => {
    h = await startHarness();
    shop = await startJumpsellerSimulator({
      storeCode: "loja-oauth",
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      webhookRetryDelaysMs: [],
    });
  });
  afterAll(async () => {
    await shop?.close();
    await h?.close();
  });

  async function oauthStore(expiresAt: Date) {
    const redirect = new URL(shop.control.authorize({ redirectUri: app.redirectUri, scope: jumpsellerScope }));
    const tokens = await exchangeCode({
      ...app,
      code: redirect.searchParams.get("code")!,
      authUrl: shop.authUrl,
    });
    const store = await connectStore(h.db, {
      code: "loja-oauth",
      settings: { name: "Loja OAuth", vendusRegisterId: 102, vendusPaymentMethodId: 304 },
      jumpseller: { kind: "oauth", accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, expiresAt },
      hooksToken: "hooks",
      vendusApiKey: DEFAULT_SIMULATOR_API_KEY,
    });
    return { storeId: store.id, tokens };
  }

  it("makes one refresh call when two processes refresh one store's token at once; both get the new token", async () => {
    const { storeId, tokens } = await oauthStore(new Date(Date.now() - 1_000));
    const other = createDb(h.test.url, 2);
    let calls = 0;
    const refresh = async (refreshToken: string) => {
      calls++;
      return refreshTokens({ refreshToken, ...app, authUrl: shop.authUrl });
    };
    try {
      const [a, b] = await Promise.all([
        freshStoreTokens(h.db, storeId, null, { refresh }),
        freshStoreTokens(other, storeId, null, { refresh }),
      ]);
      expect(calls).toBe(1);
      expect(a.accessToken).toBe(b.accessToken);
      expect(a.accessToken).not.toBe(tokens.accessToken);
      const stored = await loadStoreSecrets(h.db, storeId);
      expect(stored.jumpseller).toMatchObject({ kind: "oauth", accessToken: a.accessToken });
      const client = createJumpsellerClient({
        auth: { kind: "oauth", getAccessToken: async () => a.accessToken },
        baseUrl: shop.url,
      });
      expect((await client.getStoreInfo()).code).toBe("loja-oauth");
    } finally {
      await other.$disconnect();
    }
  });

  it("classifies a refresh refused for good as refused Jumpseller access (the store needs reconnecting)", async () => {
    const { storeId, tokens } = await oauthStore(new Date(Date.now() - 1_000));
    // Someone else used the refresh token: Jumpseller rotated it, so Ponte's copy is dead.
    await refreshTokens({ refreshToken: tokens.refreshToken, ...app, authUrl: shop.authUrl });
    Object.assign(process.env, { JUMPSELLER_CLIENT_ID: app.clientId, JUMPSELLER_CLIENT_SECRET: app.clientSecret });
    const services = createPipelineServices({ db: h.db, jumpsellerApiUrl: shop.url, jumpsellerAuthUrl: shop.authUrl });
    const error = await (await services.forStore(storeId)).jumpseller.getStoreInfo().catch((e: unknown) => e);
    expect(isServiceError(error) && { service: error.service, kind: error.kind }).toEqual({
      service: "jumpseller",
      kind: "auth",
    });
  });
});
