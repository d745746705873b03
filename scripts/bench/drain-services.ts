// The services `bench:drain` runs outside the app's process, as they run elsewhere in production: the Inngest
// stand-in (role "inngest") or the stores' Vendus accounts, shops and the Resend mailbox (role "simulators").
// Started by drain.ts with `fork`; it answers the calls of `callService` over the IPC channel, so their CPU
// time is not spent on the app's event loop.
import { startInngestStandIn } from "../../simulators/inngest";
import { startJumpsellerSimulator, type JumpsellerSimulator } from "../../simulators/jumpseller";
import { startResendFake } from "../../simulators/resend";
import { startBasicAuthRouter } from "../../simulators/shared/basic-auth-router";
import { startVendusSimulator, type VendusSimulator } from "../../simulators/vendus";

export interface SimulatorsConfig {
  stores: number;
  latencyMs: number;
  vendusLimit: { limit: number; windowSeconds: number };
}

/** The addresses the app is given, as its environment would give them in production. */
export interface SimulatorsReady {
  vendusApiUrl: string;
  jumpsellerApiUrl: string;
  jumpsellerAuthUrl: string;
  resendUrl: string;
  hooksTokens: string[];
}

export interface VendusTotals {
  documents: number;
  calls: number;
  throttled: number;
}

export type ServiceRequest = { id: number; method: string; args: unknown[] };
export type ServiceReply = { id: number; result?: unknown; error?: string };

/** CPU the service's process spent, in microseconds (user + system). */
function cpuMicros(): number {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
}

async function startSimulators(config: SimulatorsConfig) {
  const resend = await startResendFake();
  const vendusSims: VendusSimulator[] = [];
  const shops: JumpsellerSimulator[] = [];
  const vendusTargets = new Map<string, string>();
  const shopTargets = new Map<string, string>();
  for (let i = 0; i < config.stores; i++) {
    const key = `bench-vendus-key-${i}`;
    const vendus = await startVendusSimulator({ apiKeys: [key], rateLimit: config.vendusLimit });
    vendus.control.setLatency(config.latencyMs);
    vendusSims.push(vendus);
    vendusTargets.set(key, vendus.url);
    const shop = await startJumpsellerSimulator({
      storeCode: `loja-${i}`,
      login: `bench-login-${i}`,
      authtoken: `bench-token-${i}`,
      webhookRetryDelaysMs: [],
    });
    shops.push(shop);
    shopTargets.set(`bench-login-${i}`, shop.url);
  }
  const vendusRouter = await startBasicAuthRouter(vendusTargets);
  const shopRouter = await startBasicAuthRouter(shopTargets);
  const ready: SimulatorsReady = {
    vendusApiUrl: vendusRouter.url + new URL(vendusSims[0]!.url).pathname,
    jumpsellerApiUrl: shopRouter.url + new URL(shops[0]!.url).pathname,
    jumpsellerAuthUrl: shopRouter.url,
    resendUrl: resend.url,
    hooksTokens: shops.map((shop) => shop.control.store.hooksToken),
  };
  const methods = {
    /** Creates and pays `count` orders in store `index`'s shop; returns their Jumpseller ids. */
    payOrders: (index: number, count: number): number[] =>
      Array.from({ length: count }, (_, n) => {
        const shop = shops[index]!;
        const order = shop.control.createOrder({
          products: [{ name: "Caneca Ponte", sku: "CAN-01", qty: 2, price: 12.3 }],
          nif: "123456789",
          customer: { email: `cliente${n}@example.com`, fullname: `Cliente ${n}` },
        });
        shop.control.payOrder(order.id);
        return order.id;
      }),
    clearRequests: () => vendusSims.forEach((sim) => sim.control.clearRequests()),
    vendusTotals: (): VendusTotals => ({
      documents: vendusSims.reduce(
        (sum, sim) => sum + sim.control.documents().filter((d) => d.type === "FR").length,
        0,
      ),
      calls: vendusSims.reduce((sum, sim) => sum + sim.control.requests().length, 0),
      throttled: vendusSims.reduce(
        (sum, sim) => sum + sim.control.requests().filter((r) => r.status === 429).length,
        0,
      ),
    }),
    cpuMicros,
    close: async () => {
      for (const router of [vendusRouter, shopRouter]) router.server.closeAllConnections();
      await Promise.all([
        vendusRouter.close(),
        shopRouter.close(),
        ...vendusSims.map((s) => s.close()),
        ...shops.map((s) => s.close()),
        resend.close(),
      ]);
    },
  };
  return { ready, methods };
}

export interface StandInConfig {
  /** Runs checkpoint their steps, as with Inngest Cloud (one request per run), or one request per step. */
  checkpointing: boolean;
}

async function startStandIn(config: StandInConfig) {
  const standIn = await startInngestStandIn({ idleTimeoutMs: 30 * 60_000, checkpointing: config.checkpointing });
  const methods = {
    register: (serveUrl: string) => standIn.register(serveUrl),
    /** Calls made to the app's serve handler, over all runs. */
    requests: () => standIn.runs().reduce((sum, run) => sum + run.requests, 0),
    cpuMicros,
    close: () => standIn.close(),
  };
  return { ready: { url: standIn.url }, methods };
}

async function main() {
  const [role, configJson] = process.argv.slice(2);
  const { ready, methods } =
    role === "inngest"
      ? await startStandIn(JSON.parse(configJson ?? "{}") as StandInConfig)
      : await startSimulators(JSON.parse(configJson ?? "{}") as SimulatorsConfig);
  const table = methods as Record<string, (...args: unknown[]) => unknown>;
  process.on("message", (message: ServiceRequest) => {
    void (async () => {
      try {
        const result = await table[message.method]!(...message.args);
        process.send!({ id: message.id, result } satisfies ServiceReply);
      } catch (error) {
        process.send!({ id: message.id, error: String(error) } satisfies ServiceReply);
      }
    })();
  });
  // Ends with the benchmark, even one that stopped without closing it.
  process.once("disconnect", () => process.exit(0));
  process.send!({ id: 0, result: ready } satisfies ServiceReply);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
