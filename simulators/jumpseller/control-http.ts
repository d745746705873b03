// The control API over HTTP under /__control/, for a simulator running in its own process (demo, e2e).
// Amounts are euros, as in the TypeScript API. No authentication: the simulator listens on loopback only.
import { ShopError } from "./catalog";
import type { JumpsellerSimulatorControl } from "./control";
import { json, type Route, type SimResponse } from "./http-util";

const obj = (body: unknown) => (body && typeof body === "object" ? (body as Record<string, unknown>) : {});
const id = (params: string[], i = 0) => Number(params[i]);

export function createControlRoutes(control: JumpsellerSimulatorControl): Route[] {
  const ok = (body: unknown = { ok: true }) => json(200, body);
  const route = (method: string, path: string, handle: Route["handle"]): Route => ({
    method,
    pattern: new RegExp(`^/__control${path}$`),
    handle: async (ctx) => {
      try {
        return await handle(ctx);
      } catch (error) {
        if (error instanceof ShopError) return json(error.status, { error: error.message });
        return json(400, { error: error instanceof Error ? error.message : String(error) });
      }
    },
  });

  return [
    route("GET", "/store", () => ok({ ...control.store })),
    route("POST", "/orders", ({ body }) => ok({ order: control.createOrder(obj(body) as never) })),
    route("GET", "/orders/(\\d+)", ({ params }) => ok({ order: control.getOrder(id(params)) })),
    route("PATCH", "/orders/(\\d+)", ({ params, body }) => ok({ order: control.updateOrder(id(params), obj(body)) })),
    route("POST", "/orders/(\\d+)/pay", ({ params }) => ok({ order: control.payOrder(id(params)) })),
    route("POST", "/orders/(\\d+)/cancel", ({ params }) => ok({ order: control.cancelOrder(id(params)) })),
    route("POST", "/orders/(\\d+)/abandon", ({ params }) => ok({ order: control.abandonOrder(id(params)) })),
    route("POST", "/orders/(\\d+)/ship", ({ params }) => ok({ order: control.shipOrder(id(params)) })),
    route("GET", "/orders/(\\d+)/documents", ({ params }) => ok(control.documents(id(params)))),
    route("GET", "/orders/(\\d+)/history", ({ params }) => ok(control.history(id(params)))),

    route("POST", "/products", ({ body }) => ok({ product: control.createProduct(obj(body) as never) })),
    route("PATCH", "/products/(\\d+)", ({ params, body }) =>
      ok({ product: control.updateProduct(id(params), obj(body)) }),
    ),
    route("DELETE", "/products/(\\d+)", ({ params }) => {
      control.deleteProduct(id(params));
      return ok();
    }),
    route("POST", "/products/(\\d+)/stock", ({ params, body }) => {
      const b = obj(body);
      const variantId = b.variantId === undefined || b.variantId === null ? null : Number(b.variantId);
      const stock = b.stock === null ? null : Number(b.stock);
      return ok({ product: control.setStock(id(params), variantId, stock) });
    }),
    route("POST", "/customers", ({ body }) => ok({ customer: control.createCustomer(obj(body) as never) })),

    route("GET", "/hooks", () => ok(control.hooks())),
    route("GET", "/deliveries", () => ok(control.deliveries())),
    route("POST", "/settle", async () => {
      await control.settle();
      return ok();
    }),
    route("POST", "/webhooks/suppress", ({ body }) => {
      const b = obj(body);
      control.suppressWebhooks(Number(b.count ?? 1), typeof b.event === "string" ? b.event : undefined);
      return ok();
    }),
    route("POST", "/faults", ({ body }) => {
      const b = obj(body);
      if (b.failNext !== undefined)
        control.failNext(Number(b.failNext), {
          status: b.status === undefined ? undefined : Number(b.status),
          body: b.body,
        });
      if (b.latencyMs !== undefined) control.setLatency(Number(b.latencyMs));
      return ok();
    }),
    route("DELETE", "/faults", () => {
      control.clearFaults();
      return ok();
    }),
    route("GET", "/requests", () => ok(control.requests())),
    route("POST", "/time", ({ body }): SimResponse => {
      const b = obj(body);
      if (b.advanceMs !== undefined) control.advanceTime(Number(b.advanceMs));
      if (b.now !== undefined) control.setTime(b.now === null ? null : new Date(String(b.now)));
      return ok({ now: control.now().toISOString() });
    }),
    route("POST", "/tokens/expire", () => {
      control.expireAccessTokens();
      return ok();
    }),
    route("POST", "/store-info-shape", ({ body }) => {
      control.setStoreInfoShape(obj(body).shape === "flat" ? "flat" : "wrapped");
      return ok();
    }),
  ];
}
