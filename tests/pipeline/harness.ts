// Everything a pipeline test needs, in-process: a migrated database of its own, the Vendus and Jumpseller
// simulators, the Inngest stand-in calling the real serve() handler with Ponte's functions, a webhook
// endpoint running the real ingest, and a fake Resend. A store is connected and its hooks registered.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "inngest/node";
import { afterAll, beforeAll } from "vitest";
import { inngest } from "@/lib/inngest/client";
import { functions } from "@/inngest/functions";
import { resetEnvCache } from "@/lib/env";
import { createIngestDeps } from "@/lib/ingest";
import { dispatchJobs } from "@/lib/jobs/dispatch";
import { createJumpsellerClient } from "@/lib/jumpseller/client";
import { createPipelineServices, setPipelineServices } from "@/lib/pipeline/services";
import { connectStore, type StoreSettings } from "@/lib/stores";
import { startJumpsellerSimulator, type JumpsellerSimulator } from "@/simulators/jumpseller";
import { DEFAULT_SIMULATOR_API_KEY, startVendusSimulator, type VendusSimulator } from "@/simulators/vendus";
import { startBasicAuthRouter } from "@/simulators/shared/basic-auth-router";
import { createTestDatabase, type TestDatabase } from "../db";
import { createWebhookServer } from "../support/webhook-server";
import { startInngestStandIn, type InngestStandIn } from "../../simulators/inngest";
import { startResendFake, type ResendFake } from "../../simulators/resend";

export interface HarnessOptions {
  settings?: Partial<StoreSettings>;
  /** Hook events to register at the Jumpseller simulator. */
  hooks?: string[];
  /**
   * Stores to connect (default 1). Each has its own shop (a Jumpseller simulator of its own, all behind one
   * API address) and its own Vendus API key on one Vendus simulator; the first is the harness's `storeId`.
   */
  stores?: number;
  /** How long settle() waits for the Inngest stand-in to have nothing left to run (default 45 s). */
  idleTimeoutMs?: number;
  /** Delays before the shops redeliver a hook that was not answered 2xx (default none: the hook pauses). */
  webhookRetryDelaysMs?: number[];
  /** Cap on the Inngest stand-in's Retry-After waits (default 60 s), for tests that must not wait them out. */
  maxRetryAfterMs?: number;
  /**
   * The shops' rate limits (default Jumpseller's: 20 a second, 800 a minute). A test that caps Retry-After below
   * a second would cut their resets short, which Ponte waits out in full: it turns them off.
   */
  jumpsellerRateLimit?: false;
  /** The Vendus and Jumpseller calls go through the global fetch (which interleaveBefore intercepts). */
  globalFetch?: boolean;
}

/** A connected store of the harness: its shop's control, and the Vendus key it uses. */
export interface HarnessStore {
  storeId: string;
  storeCode: string;
  name: string;
  control: JumpsellerSimulator["control"];
  vendusKey: string;
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;

async function listenOn(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

function closeHttp(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

export async function startHarness(options: HarnessOptions = {}) {
  const test: TestDatabase = await createTestDatabase();
  const db = test.db;
  const storeCount = Math.max(1, options.stores ?? 1);
  const vendusKeys = Array.from({ length: storeCount }, (_, i) =>
    i === 0 ? DEFAULT_SIMULATOR_API_KEY : `${DEFAULT_SIMULATOR_API_KEY}-${i}`,
  );
  const vendus: VendusSimulator = await startVendusSimulator({ apiKeys: vendusKeys });
  const webhookRetryDelaysMs = options.webhookRetryDelaysMs ?? [];
  const rateLimit = options.jumpsellerRateLimit;
  const shops: JumpsellerSimulator[] = [await startJumpsellerSimulator({ webhookRetryDelaysMs, rateLimit })];
  for (let i = 1; i < storeCount; i++) {
    shops.push(
      await startJumpsellerSimulator({
        webhookRetryDelaysMs,
        rateLimit,
        storeCode: `loja-${i}`,
        storeName: `Loja ${i}`,
        login: `loja-${i}-login`,
        authtoken: `loja-${i}-authtoken-0123456789abcdef`,
        hooksToken: `loja-${i}-hooks-token-0123456789abcdef`,
      }),
    );
  }
  const jumpseller = shops[0]!;
  // Several shops answer at one API address, each for its own credentials (as Jumpseller's one API does).
  const shopRouter =
    storeCount > 1
      ? await startBasicAuthRouter(new Map(shops.map((shop) => [shop.control.store.login, shop.url])))
      : null;
  const jumpsellerApiUrl = shopRouter ? shopRouter.url + new URL(jumpseller.url).pathname : jumpseller.url;
  const resend: ResendFake = await startResendFake();
  // The test's clock, for what Inngest would see hours later (its throttle): real time plus what the test moved.
  let clockOffsetMs = 0;
  const clock = {
    now: () => new Date(Date.now() + clockOffsetMs),
    /** Moves the clock to `at` (never back). */
    set(at: Date) {
      clockOffsetMs = Math.max(clockOffsetMs, at.getTime() - Date.now());
    },
  };
  const standIn: InngestStandIn = await startInngestStandIn({
    retryDelayMs: () => 20,
    maxRetryAfterMs: options.maxRetryAfterMs,
    idleTimeoutMs: options.idleTimeoutMs ?? 45_000,
    clock: () => clock.now().getTime(),
  });

  Object.assign(process.env, {
    DATABASE_URL: test.url,
    VENDUS_API_URL: vendus.url,
    JUMPSELLER_API_URL: jumpsellerApiUrl,
    JUMPSELLER_AUTH_URL: jumpseller.authUrl,
    NEXTAUTH_URL: "http://ponte.test",
    RESEND_API_KEY: "re_test_key",
    RESEND_BASE_URL: resend.url,
    INNGEST_DEV: standIn.url,
  });
  resetEnvCache();
  inngest.setEnvVars({ INNGEST_DEV: standIn.url });
  setPipelineServices(
    createPipelineServices({
      db,
      publicUrl: "http://ponte.test",
      vendusTimeoutMs: 2_000,
      ...(options.globalFetch ? { fetch: (input, init) => globalThis.fetch(input, init) } : {}),
    }),
  );

  // The app's Inngest endpoint: the real serve() handler with the real functions.
  const handler = serve({ client: inngest, functions });
  const inngestServer = createServer((req, res) => void handler(req, res));
  const serveUrl = `http://127.0.0.1:${await listenOn(inngestServer)}/api/inngest`;
  await standIn.register(serveUrl);

  // The webhook endpoint, as app/api/webhooks/jumpseller/route.ts runs it (follow-ups after the answer).
  const followUps = new Set<Promise<void>>();
  const ingest = createIngestDeps(db, { clientSecret: null, dispatch: (jobIds) => dispatchJobs(db, jobIds) });
  const hookServer = createWebhookServer(ingest, {
    remoteAddr: "127.0.0.1",
    afterAnswer: (followUp) => {
      const pending = followUp().finally(() => followUps.delete(pending));
      followUps.add(pending);
    },
  });
  const webhookUrl = `http://127.0.0.1:${await listenOn(hookServer)}/api/webhooks/jumpseller`;

  const control = jumpseller.control;
  const stores: HarnessStore[] = [];
  for (const [i, shop] of shops.entries()) {
    const name = i === 0 ? "Loja de Teste" : `Loja ${i}`;
    const store = await connectStore(db, {
      code: shop.control.store.code,
      settings: {
        name,
        enabled: true,
        testMode: true,
        documentType: "FR",
        vendusPaymentMethodId: 304,
        // The simulator's API register in test mode (101 is its normal-mode one).
        vendusRegisterId: 102,
        notificationEmails: [i === 0 ? "loja@example.com" : `loja${i}@example.com`],
        ...options.settings,
      },
      jumpseller: { kind: "private", login: shop.control.store.login, authtoken: shop.control.store.authtoken },
      hooksToken: shop.control.store.hooksToken,
      vendusApiKey: vendusKeys[i]!,
    });
    const api = createJumpsellerClient({
      auth: { kind: "private", login: shop.control.store.login, authtoken: shop.control.store.authtoken },
      baseUrl: shop.url,
    });
    for (const event of options.hooks ?? [
      "order_paid",
      "order_updated",
      "order_canceled",
      "product_created",
      "product_updated",
      "product_stock_updated",
    ]) {
      await api.createHook(event as Parameters<typeof api.createHook>[0], webhookUrl);
    }
    stores.push({ storeId: store.id, storeCode: store.code, name, control: shop.control, vendusKey: vendusKeys[i]! });
  }

  /** Waits until deliveries, dispatches and runs are all done (each may start the others). */
  async function settle() {
    for (let round = 0; round < 10; round++) {
      await Promise.all(shops.map((shop) => shop.control.settle()));
      await Promise.all([...followUps]);
      await standIn.idle();
      if (followUps.size === 0) return;
    }
  }

  return {
    test,
    db,
    vendus,
    jumpseller,
    control,
    standIn,
    resend,
    ingest,
    storeId: stores[0]!.storeId,
    storeCode: stores[0]!.storeCode,
    stores,
    clock,
    webhookUrl,
    serveUrl,
    settle,
    async close() {
      await settle().catch(() => undefined);
      setPipelineServices(null);
      await standIn.close();
      await Promise.all([
        closeHttp(inngestServer),
        closeHttp(hookServer),
        vendus.close(),
        ...shops.map((shop) => shop.close()),
        shopRouter?.close(),
        resend.close(),
      ]);
      await test.drop();
    },
  };
}

/**
 * Starts a harness before the file's (or the describe block's) tests and closes it after them. The object
 * returned stands for that harness: read it inside tests and hooks, not while the file is being collected.
 */
export function useHarness(options: HarnessOptions = {}): Harness {
  let started: Harness | undefined;
  beforeAll(async () => {
    started = await startHarness(options);
  });
  afterAll(async () => started?.close());
  return new Proxy({} as Harness, {
    get(_target, key) {
      if (!started) throw new Error("The harness starts before the tests: read it inside a test or hook");
      return started[key as keyof Harness];
    },
  });
}

/** Replays a delivery the simulator made (or suppressed) to Ponte's webhook endpoint, `times` at once. */
export async function replayDelivery(
  h: Harness,
  delivery: { body: string; headers: Record<string, string> },
  times = 1,
) {
  return Promise.all(
    Array.from({ length: times }, async () => {
      const response = await fetch(h.webhookUrl, { method: "POST", body: delivery.body, headers: delivery.headers });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    }),
  );
}

/** Vendus document requests made for one order's invoice: by its external_reference, or reading it by id. */
export function vendusCallsFor(h: Harness, orderId: number) {
  const ref = `js-${h.storeCode}-${orderId}`;
  const ids = vendusDocumentsFor(h, orderId).map((d) => d.id);
  return h.vendus.control
    .requests({ pathPrefix: "/documents/" })
    .filter(
      (r) =>
        r.query.external_reference === ref ||
        (r.body as { external_reference?: string } | null)?.external_reference === ref ||
        ids.some((id) => r.path === `/documents/${id}/`),
    );
}

export function vendusDocumentsFor(h: Harness, orderId: number, store?: HarnessStore) {
  const code = store?.storeCode ?? h.storeCode;
  return h.vendus.control.documents().filter((d) => d.external_reference === `js-${code}-${orderId}`);
}

/** A paid order in the simulated shop (the harness's first store unless told): one product at 24.60 € (VAT included), a valid NIF. */
export function placePaidOrder(h: Harness, input: { nif?: string | null; pay?: boolean; store?: HarnessStore } = {}) {
  const control = input.store?.control ?? h.control;
  const order = control.createOrder({
    products: [{ name: "Caneca Ponte", sku: "CAN-01", qty: 2, price: 12.3 }],
    nif: input.nif === undefined ? "123456789" : input.nif,
    customer: { email: "ana@example.com", fullname: "Ana Silva" },
  });
  if (input.pay !== false) control.payOrder(order.id);
  return order;
}

/** An order (see placePaidOrder) paid in the shop while its order_paid and order_updated webhooks were lost. */
export async function paidOrderWithLostWebhooks(h: Harness) {
  const order = placePaidOrder(h, { pay: false });
  h.control.suppressWebhooks(1, "order_paid");
  h.control.suppressWebhooks(1, "order_updated");
  h.control.payOrder(order.id);
  await h.settle();
  return order;
}

/** A paid order (see placePaidOrder) once the pipeline has settled, with Ponte's row for it. */
export async function settledOrder(h: Harness, input: Parameters<typeof placePaidOrder>[1] = {}) {
  const order = placePaidOrder(h, input);
  await h.settle();
  const row = await h.db.order.findFirstOrThrow({ where: { jumpsellerId: order.id } });
  return { order, row };
}

/** A paid order (see placePaidOrder) once its invoice is issued, with that invoice. */
export async function invoicedOrder(h: Harness) {
  const order = placePaidOrder(h);
  await h.settle();
  const invoice = await h.db.document.findFirstOrThrow({ where: { order: { jumpsellerId: order.id }, type: "FR" } });
  return { order, invoice };
}

/** The credit notes Vendus holds that name the invoice. */
export function creditNotesOf(h: Harness, invoiceNumber: string) {
  return h.vendus.control.documents().filter((d) => d.type === "NC" && JSON.stringify(d).includes(invoiceNumber));
}
