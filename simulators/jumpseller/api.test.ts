// The simulated /v1 API: pagination, after-id, auth, rate-limit headers and 429, as the live API answers.
import { afterEach, describe, expect, it } from "vitest";
import { createJumpsellerClient } from "@/lib/jumpseller/client";
import { ServiceError } from "@/lib/errors";
import { startJumpsellerSimulator, type JumpsellerSimulator } from ".";

let sim: JumpsellerSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const basic = (s: JumpsellerSimulator) =>
  `Basic ${Buffer.from(`${s.control.store.login}:${s.control.store.authtoken}`).toString("base64")}`;
const get = (s: JumpsellerSimulator, path: string) =>
  fetch(`${s.url}${path}`, { headers: { Authorization: basic(s) } });

describe("lists", () => {
  it("pages with page/limit (default 50, at most 100), newest first, and after-id oldest first", async () => {
    sim = await startJumpsellerSimulator({ rateLimit: false });
    const ids = Array.from(
      { length: 120 },
      () => sim!.control.createOrder({ products: [{ name: "X", qty: 1, price: 1, taxRate: 23 }] }).id,
    );

    const page1 = (await (await get(sim, "/orders.json")).json()) as { order: { id: number } }[];
    expect(page1).toHaveLength(50);
    expect(page1[0]?.order.id).toBe(ids[119]);
    const capped = (await (await get(sim, "/orders.json?limit=500&page=1")).json()) as unknown[];
    expect(capped).toHaveLength(100);
    const page3 = (await (await get(sim, "/orders.json?limit=50&page=3")).json()) as unknown[];
    expect(page3).toHaveLength(20);

    const after = (await (await get(sim, `/orders/after/${ids[100]}.json?limit=5`)).json()) as {
      order: { id: number };
    }[];
    expect(after.map((o) => o.order.id)).toEqual(ids.slice(101, 106));
    const afterPage2 = (await (await get(sim, `/orders/after/${ids[100]}.json?limit=5&page=2`)).json()) as {
      order: { id: number };
    }[];
    expect(afterPage2.map((o) => o.order.id)).toEqual(ids.slice(106, 111));

    expect(await (await get(sim, "/orders/count.json")).json()).toEqual({ count: 120 });
    const bad = await get(sim, "/orders/status/created.json");
    expect([bad.status, await bad.json()]).toEqual([404, { message: "Status Invalid" }]);
  });

  it("names statuses in the store's language and keeps status_enum stable", async () => {
    sim = await startJumpsellerSimulator({ rateLimit: false, locale: "en" });
    const order = sim.control.createOrder({ products: [{ name: "X", qty: 1, price: 1, taxRate: 23 }] });
    sim.control.payOrder(order.id);
    const body = (await (await get(sim, `/orders/${order.id}.json`)).json()) as { order: Record<string, unknown> };
    expect(body.order).toMatchObject({ status: "Paid", status_name: "Paid", status_enum: "paid" });
  });
});

describe("auth", () => {
  it("refuses missing credentials with 401 and accepts the deprecated query credentials", async () => {
    sim = await startJumpsellerSimulator({ rateLimit: false, login: "l", authtoken: "t" });
    expect((await fetch(`${sim.url}/store/info.json`)).status).toBe(401);
    expect((await fetch(`${sim.url}/store/info.json?login=l&authtoken=t`)).status).toBe(200);
  });
});

describe("rate limits", () => {
  it("counts down the remaining requests in headers and answers 429 over the per-second limit", async () => {
    sim = await startJumpsellerSimulator({ rateLimit: { perSecond: 3, perMinute: 100 } });
    sim.control.setTime(new Date("2025-01-01T10:00:00Z"));
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await get(sim, "/orders/count.json"));
    expect(answers.map((r) => r.headers.get("jumpseller-persecondratelimit-remaining"))).toEqual(["2", "1", "0", "0"]);
    expect(answers.map((r) => r.headers.get("jumpseller-perminuteratelimit-remaining"))).toEqual([
      "99",
      "98",
      "97",
      "97",
    ]);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 429]);

    const client = createJumpsellerClient({
      auth: { kind: "private", login: sim.control.store.login, authtoken: sim.control.store.authtoken },
      baseUrl: sim.url,
      now: () => sim!.control.now(),
    });
    const error = await client.countOrders().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ kind: "rate_limited", status: 429, retryAt: new Date("2025-01-01T10:00:01Z") });

    sim.control.advanceTime(1_000);
    expect((await get(sim, "/orders/count.json")).status).toBe(200);
  });

  it("waits a minute when the per-minute budget is spent, and reads a 403 with spent budget as rate_limited", async () => {
    sim = await startJumpsellerSimulator({ rateLimit: { perSecond: 100, perMinute: 2, status: 403 } });
    sim.control.setTime(new Date("2025-01-01T10:00:00Z"));
    const client = createJumpsellerClient({
      auth: { kind: "private", login: sim.control.store.login, authtoken: sim.control.store.authtoken },
      baseUrl: sim.url,
      now: () => sim!.control.now(),
    });
    await client.countOrders();
    await client.countOrders();
    const error = await client.countOrders().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "rate_limited", status: 403, retryAt: new Date("2025-01-01T10:01:00Z") });
  });

  it("bans after too many refused requests and says until when", async () => {
    sim = await startJumpsellerSimulator({ rateLimit: { perSecond: 1, perMinute: 100, banAfter: 2, banSeconds: 300 } });
    sim.control.setTime(new Date("2025-01-01T10:00:00Z"));
    await get(sim, "/orders/count.json");
    await get(sim, "/orders/count.json");
    await get(sim, "/orders/count.json");
    const banned = await get(sim, "/orders/count.json");
    expect(banned.status).toBe(429);
    expect(banned.headers.get("jumpseller-bannedbyratelimit-reset")).toBe(
      String(Date.parse("2025-01-01T10:05:00Z") / 1000),
    );
    const client = createJumpsellerClient({
      auth: { kind: "private", login: sim.control.store.login, authtoken: sim.control.store.authtoken },
      baseUrl: sim.url,
    });
    expect(await client.countOrders().catch((e: unknown) => e)).toMatchObject({
      kind: "rate_limited",
      retryAt: new Date("2025-01-01T10:05:00Z"),
    });
  });
});

describe("control over HTTP", () => {
  it("creates and pays an order and reads what was attached", async () => {
    sim = await startJumpsellerSimulator({ rateLimit: false });
    const control = sim.authUrl + "/__control";
    const post = (path: string, body?: unknown) =>
      fetch(control + path, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body ?? {}),
      });
    const created = (await (
      await post("/orders", { products: [{ name: "Caneca", qty: 2, price: 5, taxRate: 23 }], nif: "123456789" })
    ).json()) as { order: { id: number; total: number } };
    expect(created.order.total).toBe(10);
    const paid = (await (await post(`/orders/${created.order.id}/pay`)).json()) as { order: { status_enum: string } };
    expect(paid.order.status_enum).toBe("paid");
    expect((await post(`/orders/${created.order.id}/pay`)).status).toBe(409);
    expect((await post("/orders/424242/pay")).status).toBe(404);
    expect(await (await fetch(`${control}/orders/${created.order.id}/documents`)).json()).toEqual([]);
    expect((await post("/settle")).status).toBe(200);
  });
});
