// Benchmark: how fast a backlog of paid orders drains into Vendus.
//   npm run bench:drain        (BENCH_ORDERS=5000 BENCH_STORES=50 BENCH_VENDUS_LATENCY_MS=100 by default)
// Every store has its own shop (Jumpseller simulator) and its own Vendus account and key (Vendus simulator
// answering in 100 ms, with its documented budget of 1,000 requests a minute per account). The paid orders
// are stored as the webhooks store them (order + waiting job), then sent all at once, oldest payment first,
// to the real functions through the local Inngest stand-in. The time to drain is from the send to the last
// job finished. The bound: the slowest store's orders × max(Vendus latency, 1 / allowed rate per key), where
// the allowed rate is the lower of Ponte's per-key throttle and Vendus's budget (one Vendus call per order,
// one document at a time per store). Target: drain ≤ 1.2 × bound.
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { serve } from "inngest/node";
import { functions } from "../../inngest/functions";
import { vendusThrottle } from "../../inngest/flow-control";
import { createDb } from "../../lib/db";
import { resetEnvCache } from "../../lib/env";
import { inngest } from "../../lib/inngest/client";
import { dispatchJobs } from "../../lib/jobs/dispatch";
import { createPipelineServices, setPipelineServices } from "../../lib/pipeline/services";
import { connectStore } from "../../lib/stores";
import { startInngestStandIn } from "../../simulators/inngest";
import { startJumpsellerSimulator, type JumpsellerSimulator } from "../../simulators/jumpseller";
import { startResendFake } from "../../simulators/resend";
import { startVendusSimulator, type VendusSimulator } from "../../simulators/vendus";
import { startBasicAuthRouter } from "../../simulators/shared/basic-auth-router";
import { ensureBenchDatabase, machine, reportFigure } from "./support";

const ORDERS = Number(process.env.BENCH_ORDERS ?? 5_000);
const STORES = Number(process.env.BENCH_STORES ?? 50);
const LATENCY_MS = Number(process.env.BENCH_VENDUS_LATENCY_MS ?? 100);
// The Vendus simulator's documented default budget (simulators/README.md).
const VENDUS_LIMIT = { limit: 1_000, windowSeconds: 60 };
const TARGET = 1.2;

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

async function main() {
  const dbUrl = await ensureBenchDatabase("ponte_bench_drain", { fresh: true });
  // One connection per store whose documents run at once, and room for the sweeps: a 50-store drain with 20
  // connections waited for the pool until its transactions expired (P2028).
  const db = createDb(dbUrl, Math.min(80, Math.max(20, STORES + 10)));
  const standIn = await startInngestStandIn({ idleTimeoutMs: 30 * 60_000 });
  const resend = await startResendFake();

  const perStore = Array.from(
    { length: STORES },
    (_, i) => Math.floor(ORDERS / STORES) + (i < ORDERS % STORES ? 1 : 0),
  );
  const vendusSims: VendusSimulator[] = [];
  const shops: JumpsellerSimulator[] = [];
  const vendusTargets = new Map<string, string>();
  const shopTargets = new Map<string, string>();
  for (let i = 0; i < STORES; i++) {
    const key = `bench-vendus-key-${i}`;
    const vendus = await startVendusSimulator({ apiKeys: [key], rateLimit: VENDUS_LIMIT });
    vendus.control.setLatency(LATENCY_MS);
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
  const vendusPath = new URL(vendusSims[0]!.url).pathname;
  const shopPath = new URL(shops[0]!.url).pathname;

  Object.assign(process.env, {
    DATABASE_URL: dbUrl,
    VENDUS_API_URL: vendusRouter.url + vendusPath,
    JUMPSELLER_API_URL: shopRouter.url + shopPath,
    JUMPSELLER_AUTH_URL: shopRouter.url,
    NEXTAUTH_URL: "http://ponte.bench",
    RESEND_API_KEY: "re_bench_key",
    RESEND_BASE_URL: resend.url,
    INNGEST_DEV: standIn.url,
  });
  // A benchmark's own secrets, unless the operator's configuration gives them.
  process.env.PONTE_ENCRYPTION_KEY ??= "1".repeat(64);
  process.env.PONTE_LINK_KEY ??= "2".repeat(64);
  process.env.NEXTAUTH_SECRET ??= "bench-nextauth-secret-that-is-long-enough-0123456789";
  resetEnvCache();
  inngest.setEnvVars({ INNGEST_DEV: standIn.url });
  setPipelineServices(createPipelineServices({ db, publicUrl: "http://ponte.bench" }));
  const handler = serve({ client: inngest, functions });
  const app = createServer((req, res) => void handler(req, res));
  await standIn.register(`http://127.0.0.1:${await listen(app)}/api/inngest`);

  console.log(`Seeding ${ORDERS.toLocaleString("en")} paid orders over ${STORES} stores…`);
  const jobs: { id: string; paidAt: number }[] = [];
  for (let i = 0; i < STORES; i++) {
    const shop = shops[i]!;
    const store = await connectStore(db, {
      code: `loja-${i}`,
      settings: {
        name: `Loja ${i}`,
        enabled: true,
        testMode: true,
        documentType: "FR",
        vendusPaymentMethodId: 304,
        vendusRegisterId: 102,
        notificationEmails: [`loja${i}@example.com`],
      },
      jumpseller: { kind: "private", login: `bench-login-${i}`, authtoken: `bench-token-${i}` },
      hooksToken: shop.control.store.hooksToken,
      vendusApiKey: `bench-vendus-key-${i}`,
    });
    for (let n = 0; n < perStore[i]!; n++) {
      const order = shop.control.createOrder({
        products: [{ name: "Caneca Ponte", sku: "CAN-01", qty: 2, price: 12.3 }],
        nif: "123456789",
        customer: { email: `cliente${n}@example.com`, fullname: `Cliente ${n}` },
      });
      shop.control.payOrder(order.id);
      // Stored as the order_paid webhook stores it: the order, and its job waiting to be sent.
      const paidAt = new Date(Date.now() - (ORDERS - jobs.length) * 1_000);
      const orderId = randomUUID();
      await db.order.create({
        data: {
          id: orderId,
          storeId: store.id,
          jumpsellerId: order.id,
          status: "paid",
          invoiceState: "pending",
          totalCents: 2460,
          orderedAt: paidAt,
          paidAt,
        },
      });
      const job = await db.job.create({
        data: {
          storeId: store.id,
          kind: "invoice_order",
          subject: String(order.id),
          status: "waiting_dispatch",
          orderId,
        },
        select: { id: true },
      });
      jobs.push({ id: job.id, paidAt: paidAt.getTime() });
    }
  }
  for (const sim of vendusSims) sim.control.clearRequests();

  console.log("Draining…");
  const started = performance.now();
  const startedAt = new Date();
  const ordered = [...jobs].sort((a, b) => a.paidAt - b.paidAt).map((j) => j.id);
  for (let i = 0; i < ordered.length; i += 500) await dispatchJobs(db, ordered.slice(i, i + 500));
  for (;;) {
    const open = await db.job.count({ where: { status: { in: ["waiting_dispatch", "queued", "running"] } } });
    if (open === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const last = await db.job.aggregate({ _max: { finishedAt: true } });
  const drainSeconds = ((last._max.finishedAt ?? new Date()).getTime() - startedAt.getTime()) / 1000;
  const wall = (performance.now() - started) / 1000;
  const byStatus = await db.job.groupBy({ by: ["status"], _count: { _all: true } });
  const documents = vendusSims.reduce(
    (sum, sim) => sum + sim.control.documents().filter((d) => d.type === "FR").length,
    0,
  );
  const vendusCalls = vendusSims.reduce((sum, sim) => sum + sim.control.requests().length, 0);
  const throttled = vendusSims.reduce(
    (sum, sim) => sum + sim.control.requests().filter((r) => r.status === 429).length,
    0,
  );

  const periodSeconds = { "1m": 60 }[vendusThrottle.period];
  const ponteRate = vendusThrottle.limit / periodSeconds;
  const vendusRate = VENDUS_LIMIT.limit / VENDUS_LIMIT.windowSeconds;
  const allowedRate = Math.min(ponteRate, vendusRate);
  const perOrderSeconds = Math.max(LATENCY_MS / 1000, 1 / allowedRate);
  const bound = Math.max(...perStore) * perOrderSeconds;
  const ratio = drainSeconds / bound;

  console.log(
    `jobs: ${byStatus.map((s) => `${s.status} ${s._count._all}`).join(", ")}; FR documents in Vendus: ${documents}`,
  );
  console.log(
    `Vendus calls: ${vendusCalls} (${(vendusCalls / ORDERS).toFixed(2)} per order, ${throttled} answered 429)`,
  );
  console.log(
    `allowed rate per key: min(Ponte's throttle ${vendusThrottle.limit}/${vendusThrottle.period} = ${ponteRate.toFixed(2)}/s, ` +
      `Vendus ${VENDUS_LIMIT.limit}/${VENDUS_LIMIT.windowSeconds}s = ${vendusRate.toFixed(2)}/s) = ${allowedRate.toFixed(2)}/s`,
  );
  console.log(
    `bound: ${Math.max(...perStore)} orders × max(${LATENCY_MS} ms, ${(1000 / allowedRate).toFixed(0)} ms) = ${bound.toFixed(1)} s`,
  );
  console.log(`drained in ${drainSeconds.toFixed(1)} s (wall ${wall.toFixed(1)} s) = ${ratio.toFixed(2)} × bound`);
  console.log(`machine: ${machine()}`);
  reportFigure({
    figure: `drain ${ORDERS} orders / ${STORES} stores`,
    value: `${drainSeconds.toFixed(1)} s = ${ratio.toFixed(2)} × bound`,
    target: `≤ ${TARGET} × bound`,
    ok: ratio <= TARGET && documents === ORDERS,
  });

  setPipelineServices(null);
  await standIn.close();
  for (const server of [app, vendusRouter.server, shopRouter.server]) {
    server.closeAllConnections();
    server.close();
  }
  await Promise.all([...vendusSims.map((s) => s.close()), ...shops.map((s) => s.close()), resend.close()]);
  await db.$disconnect();
  process.exit(ratio <= TARGET && documents === ORDERS ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
