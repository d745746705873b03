// The webhook path keeps each store (code, enabled, hooks token) in memory. Whatever changes one of those, by
// whichever path, applies to the very next delivery: the dashboard's settings, the CLI, the app install, or
// SQL typed by hand.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveInstallCredentials } from "@/lib/connect/credentials";
import { createIngestDeps, ingestWebhook, type IngestDeps } from "@/lib/ingest";
import { signWebhookBody } from "@/lib/jumpseller/webhook-signature";
import { saveStoreSettings } from "@/lib/stores";
import { connectHookStore } from "./support";
import { createTestDatabase, type TestDatabase } from "../db";

let t: TestDatabase;
let deps: IngestDeps;
let storeId: string;
let orderId = 5000;

const connect = (code: string, hooksToken: string) => connectHookStore(t.db, { code, name: code, hooksToken });

/** A paid order for the store, signed with the given token; the answer Ponte gives. */
async function deliver(code: string, token: string) {
  orderId += 1;
  const body = JSON.stringify({ order: { id: orderId, status_enum: "paid", total: 10, currency: "EUR" } });
  const result = await ingestWebhook(deps, {
    body: new TextEncoder().encode(body),
    headers: new Headers({
      "Content-Type": "application/json",
      "Jumpseller-Store-Code": code,
      "Jumpseller-Event": "order_paid",
      "Jumpseller-Hmac-Sha256": signWebhookBody(body, token),
    }),
  });
  return { status: result.status, body: result.body };
}

beforeAll(async () => {
  t = await createTestDatabase();
  storeId = (await connect("loja-cache", "token-1")).id;
  deps = createIngestDeps(t.db, { dispatch: async () => undefined });
});
afterAll(() => t.drop());

describe("the webhook store cache", () => {
  it("stops acting on a store's orders as soon as the dashboard disables it, and starts again when enabled", async () => {
    expect(await deliver("loja-cache", "token-1")).toMatchObject({
      status: 200,
      body: { outcome: "invoice job created" },
    });
    await saveStoreSettings(t.db, storeId, { enabled: false }, { actorId: null });
    expect(await deliver("loja-cache", "token-1")).toMatchObject({ status: 200, body: { ignored: "store disabled" } });
    await saveStoreSettings(t.db, storeId, { enabled: true }, { actorId: null });
    expect(await deliver("loja-cache", "token-1")).toMatchObject({ body: { outcome: "invoice job created" } });
  });

  it("takes a new hooks token given on the command line at once, and refuses the old one", async () => {
    await connect("loja-cache", "token-2");
    expect((await deliver("loja-cache", "token-1")).status).toBe(401);
    expect((await deliver("loja-cache", "token-2")).status).toBe(200);
  });

  it("takes the hooks token of an app install at once", async () => {
    await t.db.$transaction((tx) =>
      saveInstallCredentials(tx, storeId, {
        accessToken: "a".repeat(32),
        refreshToken: "r".repeat(32),
        expiresAt: new Date(Date.now() + 3600_000),
        hooksToken: "token-3",
      }),
    );
    expect((await deliver("loja-cache", "token-2")).status).toBe(401);
    expect((await deliver("loja-cache", "token-3")).status).toBe(200);
  });

  it("sees a change made by hand in the database", async () => {
    await t.db.$executeRaw`UPDATE "Store" SET "enabled" = false WHERE "id" = ${storeId}`;
    expect(await deliver("loja-cache", "token-3")).toMatchObject({ body: { ignored: "store disabled" } });
    await t.db.$executeRaw`UPDATE "Store" SET "enabled" = true WHERE "id" = ${storeId}`;
  });

  it("finds a store connected right after its code was refused", async () => {
    expect((await deliver("loja-nova", "token-n")).status).toBe(401);
    await connect("loja-nova", "token-n");
    expect((await deliver("loja-nova", "token-n")).status).toBe(200);
  });
});
