// Benchmark: webhook acknowledgement under 50 concurrent senders.
//   npm run bench:webhooks          (builds the app first if there is no production build)
// Subject: the production server (npm start) answering signed order_paid deliveries, each a new order,
// so each one stores a delivery, an order and a job, and dispatches it to a local Inngest stand-in.
// Baseline, same run, same database server, measured after the server's runs: 50 concurrent connections
// inserting single WebhookDelivery rows as fast as they can (the database's raw insert rate).
// Run 1 (the target): 50 senders together offering BENCH_RATE deliveries/s (100) for BENCH_SECONDS, after
// BENCH_WARMUP_SECONDS (5) of the same load that are not counted; p99 must be < 50 ms.
// Run 2 (saturation): 50 senders back to back; how many deliveries per second the server can take, reported as
// a ratio to run 3, the same server answering its liveness route back to back in the same run.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { appendFileSync, existsSync } from "node:fs";
import net from "node:net";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import pg from "pg";
import { signWebhookBody } from "../../lib/jumpseller/webhook-signature";
import { startInngestStandIn } from "../../simulators/inngest";
import { timingPrefix, watchProcessTiming, type SecondOfTiming } from "../process-timing";
import { benchDatabaseUrl, ensureBenchDatabase, machine, percentile, reportFigure } from "./support";
import { cpuMs, printTimingBreakdown, processTree, readServerTiming, type Delivery } from "./webhook-timing";

const dbName = "ponte_bench_webhooks";
const SENDERS = 50;
const PER_SENDER = Number(process.env.BENCH_PER_SENDER ?? 60);
const PORT_OVERRIDE = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : null;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const RATE = Number(process.env.BENCH_RATE ?? 100);
const HOOKS_TOKEN = "bench-hooks-token";
// The server's own timings (Server-Timing header, its event loop and GC each second): on unless BENCH_TIMING=0.
const TIMING = process.env.BENCH_TIMING !== "0";
// Where the server's other output goes (say, BENCH_NODE_FLAGS=--trace-gc); dropped when unset.
const SERVER_LOG = process.env.BENCH_SERVER_LOG;
const secrets = {
  NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret-0123",
  PONTE_ENCRYPTION_KEY: "1".repeat(64),
  PONTE_LINK_KEY: "2".repeat(64),
};

async function rawInsertRate(benchUrl: string): Promise<number> {
  const clients = await Promise.all(
    Array.from({ length: SENDERS }, async () => {
      const c = new pg.Client({ connectionString: benchUrl });
      await c.connect();
      return c;
    }),
  );
  const store = (await clients[0]!.query(`SELECT id FROM "Store" LIMIT 1`)).rows[0].id as string;
  const body = JSON.stringify({ order: { id: 1, status_enum: "paid", total: 12.3 } });
  const started = performance.now();
  await Promise.all(
    clients.map(async (c, s) => {
      for (let i = 0; i < PER_SENDER; i++) {
        await c.query(
          `INSERT INTO "WebhookDelivery" (id, "storeId", event, "resourceId", state, body, "matchedKey") VALUES ($1, $2, 'bench', $3, 'paid', $4::jsonb, 'hooks_token')`,
          [randomUUID(), store, `${s}-${i}`, body],
        );
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(clients.map((c) => c.end()));
  return (SENDERS * PER_SENDER) / seconds;
}

async function waitForServer(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error("the server exited");
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error("server did not start");
}

/** A port nobody listens on right now, so a forgotten server can never answer in our place. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

async function main() {
  const PORT = PORT_OVERRIDE ?? (await freePort());
  if (!existsSync(".next/BUILD_ID")) {
    console.log("No production build: running next build…");
    const build = spawnSync("npx", ["next", "build"], {
      stdio: "inherit",
      env: { ...process.env, ...secrets, DATABASE_URL: benchDatabaseUrl(dbName) },
    });
    if (build.status !== 0) process.exit(1);
  }
  const benchUrl = await ensureBenchDatabase(dbName, { fresh: true });
  process.env.DATABASE_URL = benchUrl;
  Object.assign(process.env, secrets);
  const { createDb } = await import("../../lib/db");
  const { connectStore } = await import("../../lib/stores");
  const db = createDb(benchUrl, 2);
  await connectStore(db, {
    code: "bench",
    settings: { name: "Bench", enabled: true, vendusRegisterId: 101, vendusPaymentMethodId: 304 },
    jumpseller: { kind: "private", login: "bench", authtoken: "x".repeat(32) },
    hooksToken: HOOKS_TOKEN,
    vendusApiKey: "bench-vendus-key",
  });
  await db.$disconnect();

  // Inngest: a local stand-in that accepts the dispatched events (no functions are registered).
  const inngest = await startInngestStandIn({ port: 0 });
  // `npm start` runs scripts/start.ts through tsx's command, which starts a second node process for the server
  // and does not hand it its own node flags. Loading tsx into one process instead runs the same server with
  // BENCH_NODE_FLAGS (--trace-gc, --cpu-prof, heap sizes) applied to it, and its pid is the server's.
  const app = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_NODE_FLAGS?.split(" ").filter(Boolean) ?? []),
      "--import",
      "tsx",
      "scripts/start.ts",
      "-p",
      String(PORT),
      "-H",
      "127.0.0.1",
    ],
    {
      env: {
        ...process.env,
        ...secrets,
        DATABASE_URL: benchUrl,
        DATABASE_POOL_MAX: "20",
        INNGEST_BASE_URL: inngest.url,
        INNGEST_EVENT_KEY: "bench-event-key",
        INNGEST_SIGNING_KEY: "signkey-test-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        NODE_ENV: "production",
        PONTE_TIMING: TIMING ? "1" : "0",
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const serverSeconds: SecondOfTiming[] = [];
  createInterface({ input: app.stdout! }).on("line", (line) => {
    if (line.startsWith(timingPrefix)) serverSeconds.push(JSON.parse(line.slice(timingPrefix.length)));
    else if (SERVER_LOG) appendFileSync(SERVER_LOG, `${Date.now()} ${line}\n`);
  });
  const benchSeconds: SecondOfTiming[] = [];
  const benchTiming = watchProcessTiming((second) => benchSeconds.push(second));
  const url = `http://127.0.0.1:${PORT}/api/webhooks/jumpseller`;
  try {
    await waitForServer(`http://127.0.0.1:${PORT}/login`, app);
    const send = async (orderId: number): Promise<Delivery> => {
      const body = JSON.stringify({
        order: {
          id: orderId,
          status_enum: "paid",
          status: "Pago",
          currency: "EUR",
          total: 49.9,
          created_at: "2026-11-28 10:00:00 UTC",
          customer: { fullname: "Cliente", email: "c@example.pt" },
          products: [],
        },
      });
      const sentAt = Date.now();
      const t = performance.now();
      const res = await fetch(url, {
        method: "POST",
        body,
        headers: {
          "content-type": "application/json",
          "jumpseller-store-code": "bench",
          "jumpseller-event": "order_paid",
          "jumpseller-hmac-sha256": signWebhookBody(body, HOOKS_TOKEN),
        },
      });
      await res.arrayBuffer();
      const ms = performance.now() - t;
      if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
      return { ms, sentAt, server: readServerTiming(res.headers.get("server-timing")) };
    };
    // Warm-up: open pool connections, load the store; then the offered load for WARMUP_SECONDS, not counted,
    // so run 1 measures a server that has been answering (its code compiled, its pool open), as in production.
    await Promise.all(Array.from({ length: SENDERS }, (_, i) => send(900_000 + i)));
    let nextOrder = 1;
    const offered = RATE;
    const interval = (SENDERS / offered) * 1000;
    const pacedFor = async (seconds: number) => {
      const deliveries: Delivery[] = [];
      const start = performance.now();
      await Promise.all(
        Array.from({ length: SENDERS }, async (_, s) => {
          let due = start + (s * interval) / SENDERS;
          while (due < start + seconds * 1000) {
            const wait = due - performance.now();
            if (wait > 0) await new Promise((r) => setTimeout(r, wait));
            deliveries.push(await send(nextOrder++));
            due += interval;
          }
        }),
      );
      return { deliveries, rate: deliveries.length / ((performance.now() - start) / 1000) };
    };
    await pacedFor(WARMUP_SECONDS);

    // Run 1: the target's offered load, spread over 50 senders. The CPU time it costs each process is noted:
    // unlike latency, it does not depend on how busy the machine is.
    const probe = new pg.Client({ connectionString: benchUrl });
    await probe.connect();
    const backendPids = async () =>
      (
        await probe.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
        )
      ).rows.map((r) => r.pid);
    const serverPids = processTree(app.pid!);
    const pgPids = await backendPids();
    const cpuBefore = { server: cpuMs(serverPids), db: cpuMs(pgPids), bench: process.cpuUsage() };
    const { deliveries: run1, rate: pacedRate } = await pacedFor(SECONDS);
    const bench = process.cpuUsage(cpuBefore.bench);
    const pgPidsAfter = await backendPids();
    const cpu = {
      server: cpuMs(serverPids) - cpuBefore.server,
      db: cpuMs(pgPids) - cpuBefore.db,
      bench: (bench.user + bench.system) / 1000,
      dbBackends: pgPids.length,
      // Connections the server's pool closed (idle) and opened during run 1: a new one's first statements are
      // slow (the backend loads its catalog caches and compiles the trigger functions).
      dbClosed: pgPids.filter((pid) => !pgPidsAfter.includes(pid)).length,
      dbOpened: pgPidsAfter.filter((pid) => !pgPids.includes(pid)).length,
    };
    await probe.end();
    const paced = run1.map((d) => d.ms).sort((a, b) => a - b);
    // The server's last second of run 1 is printed shortly after it ends.
    await new Promise((r) => setTimeout(r, 1100));

    // Run 2: back to back.
    const saturated: number[] = [];
    const started = performance.now();
    await Promise.all(
      Array.from({ length: SENDERS }, async () => {
        for (let i = 0; i < PER_SENDER; i++) saturated.push((await send(nextOrder++)).ms);
      }),
    );
    const maxRate = saturated.length / ((performance.now() - started) / 1000);
    saturated.sort((a, b) => a - b);

    // Run 3, for scale: the same server answering its liveness route (no database), back to back. It is the
    // ceiling of the web server process on this machine, whatever the handler does.
    const health = `http://127.0.0.1:${PORT}/api/health`;
    const floor: number[] = [];
    const floorStart = performance.now();
    await Promise.all(
      Array.from({ length: SENDERS }, async () => {
        for (let i = 0; i < PER_SENDER; i++) {
          const t = performance.now();
          await (await fetch(health)).arrayBuffer();
          floor.push(performance.now() - t);
        }
      }),
    );
    const ceiling = floor.length / ((performance.now() - floorStart) / 1000);

    // The database's raw insert rate, measured last: its burst of writes (and the checkpoint and vacuum they
    // bring) would otherwise land in the runs above.
    const baseline = await rawInsertRate(benchUrl);

    const p99 = percentile(paced, 99);
    console.log(`\nWebhook acknowledgement, ${SENDERS} concurrent senders; ${machine()}`);
    console.log(`raw insert rate (baseline):  ${baseline.toFixed(0)} rows/s`);
    console.log(
      `run 1, offered ${offered.toFixed(0)}/s for ${SECONDS} s: ${paced.length} deliveries, ${pacedRate.toFixed(0)}/s = ${(pacedRate / baseline).toFixed(2)} of baseline`,
    );
    console.log(
      `      latency p50 ${percentile(paced, 50).toFixed(1)} ms, p95 ${percentile(paced, 95).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms → p99/50 ms = ${(p99 / 50).toFixed(2)} (${p99 < 50 ? "within" : "OVER"} target)`,
    );
    console.log(
      `run 2, back to back: ${saturated.length} deliveries, ${maxRate.toFixed(0)}/s = ${(maxRate / baseline).toFixed(2)} of baseline, p99 ${percentile(saturated, 99).toFixed(1)} ms`,
    );
    console.log(
      `run 3, liveness route back to back (server ceiling): ${ceiling.toFixed(0)}/s; webhooks reach ${(maxRate / ceiling).toFixed(2)} of it`,
    );
    if (TIMING) printTimingBreakdown(run1, serverSeconds, benchSeconds);
    const perDelivery = (ms: number) => `${(ms / run1.length).toFixed(2)} ms`;
    console.log(
      `run 1 CPU per delivery: server ${perDelivery(cpu.server)}, database ${perDelivery(cpu.db)} (its ${cpu.dbBackends} connections at the start, of which ${cpu.dbClosed} closed during the run; ${cpu.dbOpened} opened), bench process ${perDelivery(cpu.bench)}`,
    );
    const check = new pg.Client({ connectionString: benchUrl });
    await check.connect();
    const jobs = Number((await check.query(`SELECT count(*) FROM "Job"`)).rows[0].count);
    await check.end();
    console.log(`jobs stored: ${jobs} (expected ${nextOrder - 1 + SENDERS})`);
    reportFigure({
      figure: `webhook ack p99 at ${offered.toFixed(0)}/s, ${SENDERS} senders`,
      value: `${p99.toFixed(1)} ms`,
      target: "< 50 ms",
      ok: p99 < 50,
    });
    reportFigure({
      figure: "webhook saturation / liveness route, same run",
      value: `${(maxRate / ceiling).toFixed(2)} (${maxRate.toFixed(0)}/s of ${ceiling.toFixed(0)}/s)`,
      target: "ratio",
      ok: null,
    });
  } finally {
    benchTiming.stop();
    app.kill("SIGTERM");
    await inngest.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
