// Benchmark: how fast a backlog of paid orders drains into Vendus.
//   npm run bench:drain        (BENCH_ORDERS=5000 BENCH_STORES=50 BENCH_VENDUS_LATENCY_MS=100 by default)
// Every store has its own shop (Jumpseller simulator) and its own Vendus account and key (Vendus simulator
// answering in 100 ms, with its documented budget of 1,000 requests a minute per account). The paid orders
// are stored as the webhooks store them (order + waiting job), then sent all at once, oldest payment first,
// to the real functions through the local Inngest stand-in. The time to drain is from the send to the last
// job finished. The bound: the slowest store's orders × max(Vendus latency, 1 / allowed rate per key), where
// the allowed rate is the lower of Ponte's per-key throttle and Vendus's budget (one Vendus call per order,
// one document at a time per store). Target: drain ≤ 1.2 × bound.
// As in production, the services Ponte calls run apart from it: the Inngest stand-in in one child process,
// the simulators (Vendus, shops, Resend) in another (drain-services.ts). This process is the app alone, and
// its CPU time per order is reported, a figure that does not depend on how busy the machine was. The stand-in
// calls the app as Inngest Cloud does, so the SDK checkpoints: one request per run rather than one per step
// (BENCH_CHECKPOINTING=0 for the latter).
import { fork, type ChildProcess } from "node:child_process";
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
import type { ServiceReply, SimulatorsConfig, SimulatorsReady, StandInConfig, VendusTotals } from "./drain-services";
import { ensureBenchDatabase, machine, reportFigure } from "./support";

const ORDERS = Number(process.env.BENCH_ORDERS ?? 5_000);
const STORES = Number(process.env.BENCH_STORES ?? 50);
const LATENCY_MS = Number(process.env.BENCH_VENDUS_LATENCY_MS ?? 100);
// Inngest Cloud sends the ids that make the SDK checkpoint: a run's steps in one request. 0: one request a step.
const CHECKPOINTING = process.env.BENCH_CHECKPOINTING !== "0";
// The Vendus simulator's documented default budget (simulators/README.md).
const VENDUS_LIMIT = { limit: 1_000, windowSeconds: 60 };
const TARGET = 1.2;

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

interface Service<Ready> {
  ready: Ready;
  call<T>(method: string, ...args: unknown[]): Promise<T>;
  child: ChildProcess;
}

/** Forks drain-services.ts in `role`; resolves once its servers listen. A profiler given to this run stays here. */
async function startService<Ready>(role: string, config: unknown = {}): Promise<Service<Ready>> {
  const child = fork(new URL("./drain-services.ts", import.meta.url), [role, JSON.stringify(config)], {
    execArgv: process.execArgv.filter((arg) => !arg.startsWith("--cpu-prof")),
  });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code) => reject(new Error(`The ${role} process exited (${code})`))),
  );
  exited.catch(() => {
    for (const waiter of pending.values()) waiter.reject(new Error(`The ${role} process exited`));
  });
  const ready = new Promise<unknown>((resolve, reject) => pending.set(0, { resolve, reject }));
  child.on("message", (reply: ServiceReply) => {
    const waiter = pending.get(reply.id);
    pending.delete(reply.id);
    if (reply.error !== undefined) waiter?.reject(new Error(`${role}: ${reply.error}`));
    else waiter?.resolve(reply.result);
  });
  const call = <T>(method: string, ...args: unknown[]) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ id, method, args });
    });
  return { ready: (await Promise.race([ready, exited])) as Ready, call, child };
}

/** CPU this process spent, in microseconds (user + system). */
function cpuMicros(): number {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
}

async function main() {
  const dbUrl = await ensureBenchDatabase("ponte_bench_drain", { fresh: true });
  // One connection per store whose documents run at once, and room for the sweeps: a 50-store drain with 20
  // connections waited for the pool until its transactions expired (P2028).
  const db = createDb(dbUrl, Math.min(80, Math.max(20, STORES + 10)));
  const [standIn, sims] = await Promise.all([
    startService<{ url: string }>("inngest", { checkpointing: CHECKPOINTING } satisfies StandInConfig),
    startService<SimulatorsReady>("simulators", {
      stores: STORES,
      latencyMs: LATENCY_MS,
      vendusLimit: VENDUS_LIMIT,
    } satisfies SimulatorsConfig),
  ]);

  const perStore = Array.from(
    { length: STORES },
    (_, i) => Math.floor(ORDERS / STORES) + (i < ORDERS % STORES ? 1 : 0),
  );

  Object.assign(process.env, {
    DATABASE_URL: dbUrl,
    VENDUS_API_URL: sims.ready.vendusApiUrl,
    JUMPSELLER_API_URL: sims.ready.jumpsellerApiUrl,
    JUMPSELLER_AUTH_URL: sims.ready.jumpsellerAuthUrl,
    NEXTAUTH_URL: "http://ponte.bench",
    RESEND_API_KEY: "re_bench_key",
    RESEND_BASE_URL: sims.ready.resendUrl,
    INNGEST_DEV: standIn.ready.url,
  });
  // A benchmark's own secrets, unless the operator's configuration gives them.
  process.env.PONTE_ENCRYPTION_KEY ??= "1".repeat(64);
  process.env.PONTE_LINK_KEY ??= "2".repeat(64);
  process.env.NEXTAUTH_SECRET ??= "bench-nextauth-secret-that-is-long-enough-0123456789";
  resetEnvCache();
  inngest.setEnvVars({ INNGEST_DEV: standIn.ready.url });
  setPipelineServices(createPipelineServices({ db, publicUrl: "http://ponte.bench" }));
  const handler = serve({ client: inngest, functions });
  const app = createServer((req, res) => void handler(req, res));
  await standIn.call("register", `http://127.0.0.1:${await listen(app)}/api/inngest`);

  console.log(`Seeding ${ORDERS.toLocaleString("en")} paid orders over ${STORES} stores…`);
  const jobs: { id: string; paidAt: number }[] = [];
  for (let i = 0; i < STORES; i++) {
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
      hooksToken: sims.ready.hooksTokens[i]!,
      vendusApiKey: `bench-vendus-key-${i}`,
    });
    for (const jumpsellerId of await sims.call<number[]>("payOrders", i, perStore[i]!)) {
      // Stored as the order_paid webhook stores it: the order, and its job waiting to be sent.
      const paidAt = new Date(Date.now() - (ORDERS - jobs.length) * 1_000);
      const orderId = randomUUID();
      await db.order.create({
        data: {
          id: orderId,
          storeId: store.id,
          jumpsellerId,
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
          subject: String(jumpsellerId),
          status: "waiting_dispatch",
          orderId,
        },
        select: { id: true },
      });
      jobs.push({ id: job.id, paidAt: paidAt.getTime() });
    }
  }
  await sims.call("clearRequests");

  console.log("Draining…");
  const cpuAtStart = {
    app: cpuMicros(),
    standIn: await standIn.call<number>("cpuMicros"),
    sims: await sims.call<number>("cpuMicros"),
  };
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
  const cpuMs = {
    app: (cpuMicros() - cpuAtStart.app) / 1000,
    standIn: ((await standIn.call<number>("cpuMicros")) - cpuAtStart.standIn) / 1000,
    sims: ((await sims.call<number>("cpuMicros")) - cpuAtStart.sims) / 1000,
  };
  const byStatus = await db.job.groupBy({ by: ["status"], _count: { _all: true } });
  const succeeded = byStatus.find((s) => s.status === "succeeded")?._count._all ?? 0;
  const { documents, calls: vendusCalls, throttled } = await sims.call<VendusTotals>("vendusTotals");
  const correct = succeeded === ORDERS && documents === ORDERS && vendusCalls === ORDERS && throttled === 0;

  const periodSeconds = { "1m": 60 }[vendusThrottle.period];
  const ponteRate = vendusThrottle.limit / periodSeconds;
  const vendusRate = VENDUS_LIMIT.limit / VENDUS_LIMIT.windowSeconds;
  const allowedRate = Math.min(ponteRate, vendusRate);
  const perOrderSeconds = Math.max(LATENCY_MS / 1000, 1 / allowedRate);
  const bound = Math.max(...perStore) * perOrderSeconds;
  const ratio = drainSeconds / bound;
  // The bound above paces every order at the allowed rate. Inngest's throttle is a GCRA that starts `limit`
  // runs of a key at once and then one per `period / limit`, so with the whole backlog queued at once the
  // slowest store could finish sooner: its k-th run starts at (k - limit) × period / limit at the earliest,
  // and its runs follow each other (one document at a time), each taking at least the Vendus latency.
  const emissionSeconds = periodSeconds / vendusThrottle.limit;
  let throttleFloor = 0;
  for (let k = 1; k <= Math.max(...perStore); k++) {
    const start = Math.max(0, (k - vendusThrottle.limit) * emissionSeconds);
    throttleFloor = Math.max(start, throttleFloor) + LATENCY_MS / 1000;
  }

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
  console.log(
    `with the throttle's initial burst (${vendusThrottle.limit} runs of a key at once, then one per ` +
      `${emissionSeconds.toFixed(1)} s), the slowest store cannot finish before ${throttleFloor.toFixed(1)} s: ` +
      `drained at ${(drainSeconds / throttleFloor).toFixed(2)} × that floor`,
  );
  console.log(
    `app CPU: ${(cpuMs.app / ORDERS).toFixed(1)} ms per order (${(cpuMs.app / 1000).toFixed(1)} s in all); ` +
      `beside it, the Inngest stand-in ${(cpuMs.standIn / ORDERS).toFixed(1)} ms and the simulators ` +
      `${(cpuMs.sims / ORDERS).toFixed(1)} ms per order`,
  );
  const requests = await standIn.call<number>("requests");
  console.log(
    `Inngest calls to the app: ${(requests / ORDERS).toFixed(2)} per order (${CHECKPOINTING ? "steps checkpointed, as with Inngest Cloud" : "one request per step"})`,
  );
  console.log(`machine: ${machine()}`);
  if (!correct) console.log("NOT CORRECT: every job must succeed with exactly one Vendus call and document, no 429");
  const ok = ratio <= TARGET && correct;
  reportFigure({
    figure: `drain ${ORDERS} orders / ${STORES} stores`,
    value: `${drainSeconds.toFixed(1)} s = ${ratio.toFixed(2)} × bound, app CPU ${(cpuMs.app / ORDERS).toFixed(1)} ms/order`,
    target: `≤ ${TARGET} × bound`,
    ok,
  });

  setPipelineServices(null);
  await standIn.call("close");
  app.closeAllConnections();
  app.close();
  await sims.call("close");
  await db.$disconnect();
  process.exit(ok ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
