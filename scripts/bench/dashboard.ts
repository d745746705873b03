// Benchmark: every dashboard page's server-side data work at an agency's scale.
//   npm run bench:dashboard              seeds once (resumable; tens of minutes), then measures
//   npm run bench:dashboard -- --seed    seeds only
// Environment: BENCH_ORDERS (default 10,000,000), BENCH_STORES (1,000), BENCH_ROUNDS (20), BENCH_DATABASE
// (ponte_bench_dashboard), BENCH_ONLY (measure only scenarios whose name contains it).
//
// Each scenario (./dashboard-scenarios.ts) runs what the page runs on the server (the lib/data calls, together
// where the page makes them together) as a given user. Its SQL statements are captured once from the pg driver,
// and every round then times the page's work and, right after it, the same statements sent bare over one pg
// connection: the ratio of the two is the cost of everything but the database (Prisma, mapping, scoping), in
// the same run and under the same load. Target: p95 < 200 ms for every page. The worst ratio and the worst page print last.
import { performance } from "node:perf_hooks";
import pg from "pg";
import { ensureMonthCloses } from "./dashboard-month-close";
import type { Scenario } from "./dashboard-scenarios";
import { seedDashboard } from "./dashboard-seed";
import { ensureBenchDatabase, machine, percentile, reportFigure } from "./support";

const dbName = process.env.BENCH_DATABASE ?? "ponte_bench_dashboard";
const shape = {
  orders: Number(process.env.BENCH_ORDERS ?? 10_000_000),
  stores: Number(process.env.BENCH_STORES ?? 1000),
  chunk: Number(process.env.BENCH_CHUNK ?? 50_000),
};
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const TARGET_MS = 200;

// Every statement the pg driver sends while `capturing` is set.
interface Statement {
  text: string;
  values?: unknown[];
}
let capturing: Statement[] | null = null;
const originalQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const [config, values] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
  if (capturing) {
    if (typeof config === "string") capturing.push({ text: config, values });
    else if (config && typeof config.text === "string") capturing.push({ text: config.text, values: config.values });
  }
  return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

interface Result {
  scenario: Scenario;
  p50: number;
  p95: number;
  bareP50: number;
  bareP95: number;
  statements: number;
}

async function measure(scenario: Scenario, bare: pg.Client): Promise<Result> {
  await scenario.run();
  await scenario.run();
  capturing = [];
  await scenario.run();
  const statements = capturing.filter((s) => !/^\s*(BEGIN|COMMIT|ROLLBACK|DEALLOCATE)/i.test(s.text));
  capturing = null;
  const page: number[] = [];
  const raw: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    let t = performance.now();
    await scenario.run();
    page.push(performance.now() - t);
    t = performance.now();
    for (const s of statements) await bare.query({ text: s.text, values: s.values as unknown[] });
    raw.push(performance.now() - t);
  }
  page.sort((a, b) => a - b);
  raw.sort((a, b) => a - b);
  return {
    scenario,
    p50: percentile(page, 50),
    p95: percentile(page, 95),
    bareP50: percentile(raw, 50),
    bareP95: percentile(raw, 95),
    statements: statements.length,
  };
}

// A table a migration has just filled (the orders' words) has no visibility map until autovacuum reaches it, so
// its index-only scans read the table too: it is vacuumed once here, as autovacuum would soon do.
async function vacuumNewTables(url: string, log: (line: string) => void) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ relname: string }>(
    `SELECT relname FROM pg_stat_user_tables
     WHERE relname IN ('OrderWord') AND last_vacuum IS NULL AND last_autovacuum IS NULL AND n_live_tup > 0`,
  );
  for (const { relname } of rows) {
    log(`Vacuuming ${relname} (never vacuumed since it was filled)`);
    await client.query(`VACUUM (ANALYZE) "${relname}"`);
  }
  await client.end();
}

/**
 * A store's rollups as a long-running server leaves them: one row per shard its connections wrote (shards are
 * backend pids modulo 64, and pooled connections are replaced over time), so the overview sums 64 rows per
 * store, not the one row the seed's rebuild writes. The added shards hold zeros: every figure stays exact.
 */
async function spreadRollupShards(url: string, log: (line: string) => void) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ fewest: number | null }>(
    `SELECT min(n)::int AS fewest FROM (SELECT count(*) AS n FROM "StoreRollup" GROUP BY "storeId") s`,
  );
  if ((rows[0]?.fewest ?? 64) < 64) {
    log("Spreading the store rollups over 64 shards per store");
    await client.query(
      `INSERT INTO "StoreRollup" ("storeId", shard) SELECT s.id, k FROM "Store" s, generate_series(0, 63) k
       ON CONFLICT ("storeId", shard) DO NOTHING`,
    );
    await client.query(`VACUUM (ANALYZE) "StoreRollup"`);
  }
  await client.end();
}

async function main() {
  const started = performance.now();
  const benchUrl = await ensureBenchDatabase(dbName);
  await seedDashboard(benchUrl, shape, (line) => console.log(line));
  const { previousPeriod } = await import("../../lib/saft/period");
  await ensureMonthCloses(benchUrl, previousPeriod(), (line) => console.log(line));
  await vacuumNewTables(benchUrl, (line) => console.log(line));
  await spreadRollupShards(benchUrl, (line) => console.log(line));
  console.log(`Database ready in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  if (process.argv.includes("--seed")) return;

  process.env.DATABASE_URL = benchUrl;
  // The data functions need no secrets, but the configuration check does: bench-only values.
  process.env.NEXTAUTH_SECRET ??= "bench-secret-bench-secret-bench-secret-0123";
  process.env.PONTE_ENCRYPTION_KEY ??= "0".repeat(64);
  process.env.PONTE_LINK_KEY ??= "1".repeat(64);
  const { db } = await import("../../lib/db");
  const { dashboardScenarios } = await import("./dashboard-scenarios");
  const bare = new pg.Client({ connectionString: benchUrl });
  await bare.connect();
  const scenarios = await dashboardScenarios(bare);

  const only = process.env.BENCH_ONLY;
  const chosen = only ? scenarios.filter((s) => `${s.page} ${s.name}`.includes(only)) : scenarios;
  const counts = await bare.query<{ relname: string; n: string }>(
    `SELECT relname, reltuples::bigint AS n FROM pg_class
     WHERE relname IN ('Order', 'Document', 'Job', 'WebhookDelivery', 'AuditEvent', 'Store') ORDER BY relname`,
  );
  console.log(
    `\nDashboard data, ${counts.rows.map((r) => `${r.relname} ~${Number(r.n).toLocaleString("en")}`).join(", ")}`,
  );
  console.log(`${machine()}; ${ROUNDS} rounds each; bare = the same statements over one pg connection\n`);
  console.log(
    `${"page".padEnd(9)}${"scenario".padEnd(36)}${"p50 ms".padStart(8)}${"p95 ms".padStart(8)}` +
      `${"bare p50".padStart(10)}${"bare p95".padStart(10)}${"ratio p95".padStart(11)}  stmts`,
  );
  const results: Result[] = [];
  for (const scenario of chosen) {
    const r = await measure(scenario, bare);
    results.push(r);
    const ratio = r.p95 / Math.max(r.bareP95, 0.01);
    console.log(
      `${scenario.page.padEnd(9)}${scenario.name.padEnd(36)}${r.p50.toFixed(1).padStart(8)}${r.p95.toFixed(1).padStart(8)}` +
        `${r.bareP50.toFixed(1).padStart(10)}${r.bareP95.toFixed(1).padStart(10)}${ratio.toFixed(2).padStart(11)}  ${r.statements}` +
        (r.p95 >= TARGET_MS ? "  OVER" : ""),
    );
  }
  await bare.end();
  await db.$disconnect();
  const ratioOf = (r: Result) => r.p95 / Math.max(r.bareP95, 0.01);
  const worstRatio = results.reduce((a, b) => (ratioOf(b) > ratioOf(a) ? b : a));
  const worstPage = results.reduce((a, b) => (b.p95 > a.p95 ? b : a));
  const over = results.filter((r) => r.p95 >= TARGET_MS).length;
  console.log(
    `\n${over === 0 ? "Every" : `${results.length - over} of ${results.length}`} scenario${over === 0 ? "" : "s"} within p95 < ${TARGET_MS} ms`,
  );
  console.log(
    `worst ratio to bare SQL: ${ratioOf(worstRatio).toFixed(2)} (${worstRatio.scenario.page}: ${worstRatio.scenario.name})`,
  );
  console.log(
    `worst page: p95 ${worstPage.p95.toFixed(1)} ms (${worstPage.scenario.page}: ${worstPage.scenario.name}), ` +
      `${(worstPage.p95 / TARGET_MS).toFixed(2)} of the ${TARGET_MS} ms target`,
  );
  reportFigure({
    figure: `dashboard pages within p95 < ${TARGET_MS} ms`,
    value: `${results.length - over} of ${results.length}`,
    target: "all",
    ok: over === 0,
  });
  reportFigure({
    figure: "dashboard worst page p95",
    value: `${worstPage.p95.toFixed(1)} ms (${worstPage.scenario.page}: ${worstPage.scenario.name})`,
    target: `< ${TARGET_MS} ms`,
    ok: worstPage.p95 < TARGET_MS,
  });
  reportFigure({
    figure: "dashboard worst ratio to bare SQL",
    value: `${ratioOf(worstRatio).toFixed(2)} (${worstRatio.scenario.page}: ${worstRatio.scenario.name})`,
    target: "ratio",
    ok: null,
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
