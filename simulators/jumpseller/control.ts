// What a test (or the demo) can do to the simulated store: play the shopper and the merchant, break the
// network on purpose, move time, and look at what Ponte sent back (documents, history notes).
import { createCatalog, type CreateCustomerInput } from "./catalog";
import type { OAuthServer } from "./oauth-server";
import { customerJson, hookJson } from "./serialize";
import { createShop } from "./shop";
import type { Clock, SimDocument, SimHistoryEntry, StoreProfile, StoreState } from "./state";
import type { WebhookDispatcher } from "./webhooks";

export interface Faults {
  failNext: number;
  failStatus: number;
  failBody: unknown;
  latencyMs: number;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  status: number;
  auth: "basic" | "bearer" | "query" | "none";
}

export interface ControlDeps {
  state: StoreState;
  clock: Clock;
  hooks: WebhookDispatcher;
  oauth: OAuthServer;
  faults: Faults;
  requestLog: RequestLogEntry[];
  credentials: { login: string; authtoken: string; clientId: string; clientSecret: string };
}

export function createControl({ state, clock, hooks, oauth, faults, requestLog, credentials }: ControlDeps) {
  const catalog = createCatalog(state, clock, hooks);
  const shop = createShop(state, clock, hooks, catalog);

  return {
    /** Identity and secrets of the simulated store and of the registered app. */
    store: {
      get code() {
        return state.profile.code;
      },
      get hooksToken() {
        return state.profile.hooksToken;
      },
      ...credentials,
    },

    createOrder: shop.createOrder,
    payOrder: shop.payOrder,
    cancelOrder: shop.cancelOrder,
    abandonOrder: shop.abandonOrder,
    shipOrder: shop.shipOrder,
    updateOrder: shop.updateOrder,
    getOrder: shop.getOrder,

    createProduct: catalog.createProduct,
    updateProduct: catalog.updateProduct,
    setStock: catalog.setStock,
    deleteProduct: catalog.deleteProduct,
    createCustomer: (input: CreateCustomerInput) => customerJson(catalog.ensureCustomer(input)),

    hooks: () => [...state.hooks.values()].map((h) => ({ ...hookJson(h), paused: h.paused })),
    resumeHook(hookId: number) {
      const hook = state.hooks.get(hookId);
      if (hook) hook.paused = false;
    },
    deliveries: hooks.deliveries,
    settle: hooks.settle,
    /** Loses the next `count` deliveries (optionally only of `event`), as the network sometimes does. */
    suppressWebhooks: (count: number, event?: string) => hooks.suppress(count, event ?? null),

    documents: (orderId: number): SimDocument[] => (state.documents.get(orderId) ?? []).map((d) => ({ ...d })),
    history: (orderId: number): SimHistoryEntry[] => (state.history.get(orderId) ?? []).map((h) => ({ ...h })),

    /** The next `count` API requests answer `status` (500 by default) without doing anything. */
    failNext(count: number, opts: { status?: number; body?: unknown } = {}) {
      faults.failNext = count;
      faults.failStatus = opts.status ?? 500;
      faults.failBody = opts.body ?? { message: "Internal Server Error" };
    },
    /** Every API answer is held back this long (0 to stop). */
    setLatency(ms: number) {
      faults.latencyMs = ms;
    },
    clearFaults() {
      faults.failNext = 0;
      faults.latencyMs = 0;
    },
    /** API requests received, oldest first. */
    requests: (): RequestLogEntry[] => requestLog.map((r) => ({ ...r })),

    now: () => clock.now(),
    advanceTime: (ms: number) => clock.advance(ms),
    setTime: (date: Date | null) => clock.set(date),
    expireAccessTokens: () => oauth.expireAccessTokens(),
    /** Approves an authorization request without the consent page; returns the redirect URL with the code. */
    authorize: (p: { redirectUri: string; scope: string; state?: string }) =>
      oauth.decide(
        {
          client_id: credentials.clientId,
          redirect_uri: p.redirectUri,
          response_type: "code",
          scope: p.scope,
          state: p.state,
        },
        true,
      ),
    setStoreInfoShape(shape: StoreProfile["infoShape"]) {
      state.profile.infoShape = shape;
    },
  };
}
export type JumpsellerSimulatorControl = ReturnType<typeof createControl>;
