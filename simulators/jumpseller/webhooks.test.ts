// Hook deliveries: real headers, a signature Ponte's checker accepts (and refuses one byte off), retries on
// non-2xx, lost deliveries on purpose. Waits on the receiver or control.settle(), never on the clock.
import { afterEach, describe, expect, it } from "vitest";
import { createJumpsellerClient } from "@/lib/jumpseller/client";
import { signWebhookBody, verifyWebhookSignature } from "@/lib/jumpseller/webhook-signature";
import { startJumpsellerSimulator, type JumpsellerSimulator } from ".";
import { startWebhookReceiver } from "./testing";

const hooksToken = "store-hooks-token";
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()?.();
});

async function setup(statuses: number[] = [], defaultStatus = 200) {
  const sim: JumpsellerSimulator = await startJumpsellerSimulator({
    hooksToken,
    rateLimit: false,
    webhookRetryDelaysMs: [1, 1, 1, 1],
  });
  const receiver = await startWebhookReceiver({ statuses, defaultStatus });
  cleanup.push(
    () => sim.close(),
    () => receiver.close(),
  );
  const client = createJumpsellerClient({
    auth: { kind: "private", login: sim.control.store.login, authtoken: sim.control.store.authtoken },
    baseUrl: sim.url,
  });
  return { sim, receiver, client };
}

describe("deliveries", () => {
  it("signs the exact body with the hooks token; one byte changed fails the check", async () => {
    const { sim, receiver, client } = await setup();
    await client.createHook("order_paid", receiver.url);
    const order = sim.control.createOrder({ products: [{ name: "Caneca", qty: 1, price: 12.3, taxRate: 23 }] });
    sim.control.payOrder(order.id);
    const [delivery] = await receiver.waitFor(1);
    if (!delivery) throw new Error("no delivery");

    expect(delivery.method).toBe("POST");
    expect(delivery.headers["content-type"]).toBe("application/json");
    expect(delivery.headers["jumpseller-store-code"]).toBe("ponte-demo");
    expect(delivery.headers["jumpseller-event"]).toBe("order_paid");
    expect(delivery.headers["jumpseller-triggered-at"]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3} UTC$/);
    expect(JSON.parse(delivery.rawBody.toString("utf8"))).toMatchObject({
      order: { id: order.id, status_enum: "paid" },
    });

    const signature = delivery.headers["jumpseller-hmac-sha256"] as string;
    expect(verifyWebhookSignature(delivery.rawBody, signature, { hooksToken })).toEqual({
      ok: true,
      matched: "hooks_token",
    });
    expect(
      verifyWebhookSignature(delivery.rawBody.toString("utf8"), signature, { clientSecret: "x", hooksToken }),
    ).toEqual({ ok: true, matched: "hooks_token" });

    const tampered = Buffer.from(delivery.rawBody);
    tampered[tampered.length - 2] = (tampered[tampered.length - 2] ?? 0) ^ 1;
    expect(verifyWebhookSignature(tampered, signature, { hooksToken })).toEqual({ ok: false, reason: "mismatch" });
    expect(verifyWebhookSignature(delivery.rawBody, signature, { hooksToken: "another-token" })).toEqual({
      ok: false,
      reason: "mismatch",
    });
  });

  it("fires the events Jumpseller fires for each change, only to hooks for that event", async () => {
    const { sim, receiver, client } = await setup();
    for (const event of [
      "order_pending_payment",
      "order_updated",
      "order_paid",
      "order_canceled",
      "product_created",
      "product_updated",
      "product_stock_updated",
    ] as const) {
      await client.createHook(event, receiver.url);
    }
    const order = sim.control.createOrder({ products: [{ name: "Caneca", qty: 1, price: 10, taxRate: 23 }] });
    sim.control.payOrder(order.id);
    sim.control.cancelOrder(order.id);
    const product = sim.control.createProduct({ name: "Vela", sku: "V1", price: 5, stock: 3 });
    sim.control.updateProduct(product.id, { price: 6 });
    sim.control.setStock(product.id, null, 2);
    await sim.control.settle();

    expect(receiver.received.map((r) => r.headers["jumpseller-event"]).sort()).toEqual(
      [
        "order_pending_payment",
        "order_updated",
        "order_paid",
        "order_updated",
        "order_canceled",
        "order_updated",
        "product_created",
        "product_updated",
        "product_stock_updated",
      ].sort(),
    );
    const stock = receiver.received.find((r) => r.headers["jumpseller-event"] === "product_stock_updated");
    expect(JSON.parse(stock?.rawBody.toString() ?? "{}")).toMatchObject({ product: { id: product.id, stock: 2 } });
  });

  it("retries a non-2xx answer and records every attempt", async () => {
    const { sim, receiver, client } = await setup([500, 503]);
    await client.createHook("order_paid", receiver.url);
    const order = sim.control.createOrder({ products: [{ name: "Caneca", qty: 1, price: 10, taxRate: 23 }] });
    sim.control.payOrder(order.id);
    await sim.control.settle();

    expect(sim.control.deliveries().map((d) => [d.event, d.attempt, d.status])).toEqual([
      ["order_paid", 1, 500],
      ["order_paid", 2, 503],
      ["order_paid", 3, 200],
    ]);
    const bodies = new Set(receiver.received.map((r) => r.rawBody.toString()));
    expect(bodies.size).toBe(1);
  });

  it("pauses a hook whose retries run out", async () => {
    const { sim, receiver, client } = await setup([], 500);
    const hook = await client.createHook("order_paid", receiver.url);
    sim.control.payOrder(sim.control.createOrder({ products: [{ name: "X", qty: 1, price: 1, taxRate: 23 }] }).id);
    await sim.control.settle();
    expect(sim.control.deliveries().map((d) => d.status)).toEqual([500, 500, 500, 500, 500]);
    expect(sim.control.hooks().find((h) => h.id === hook.id)?.paused).toBe(true);
  });

  it("loses a delivery on purpose when told to", async () => {
    const { sim, receiver, client } = await setup();
    await client.createHook("order_paid", receiver.url);
    sim.control.suppressWebhooks(1, "order_paid");
    const lost = sim.control.createOrder({ products: [{ name: "X", qty: 1, price: 1, taxRate: 23 }] });
    const kept = sim.control.createOrder({ products: [{ name: "Y", qty: 1, price: 1, taxRate: 23 }] });
    sim.control.payOrder(lost.id);
    sim.control.payOrder(kept.id);
    await sim.control.settle();
    expect(receiver.received.map((r) => JSON.parse(r.rawBody.toString()).order.id)).toEqual([kept.id]);
    expect(sim.control.deliveries().map((d) => d.suppressed)).toEqual([true, false]);
  });
});

describe("signature checker", () => {
  it("reports a missing or malformed header, and a match on the client secret", () => {
    expect(verifyWebhookSignature("{}", null, { hooksToken })).toEqual({ ok: false, reason: "missing" });
    expect(verifyWebhookSignature("{}", "not base64!", { hooksToken })).toEqual({ ok: false, reason: "malformed" });
    expect(verifyWebhookSignature("{}", "YWJj", { hooksToken })).toEqual({ ok: false, reason: "malformed" });
  });

  it("says which key matched when the app's client secret signed the delivery", () => {
    const body = '{"order":{"id":1}}';
    const signature = signWebhookBody(body, "client-secret");
    expect(verifyWebhookSignature(body, signature, { hooksToken, clientSecret: "client-secret" })).toEqual({
      ok: true,
      matched: "client_secret",
    });
    expect(verifyWebhookSignature(body, signature, { hooksToken, clientSecret: null })).toEqual({
      ok: false,
      reason: "mismatch",
    });
  });
});
