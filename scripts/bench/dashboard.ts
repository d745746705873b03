// Benchmark: every dashboard page's server-side data work at an agency's scale.
//   npm run bench:dashboard              seeds once (resumable; tens of minutes), then measures
//   npm run bench:dashboard -- --seed    seeds only
// Environment: BENCH_ORDERS (default 10,000,000), BENCH_STORES (1,000), BENCH_ROUNDS (20), BENCH_DATABASE
// (ponte_bench_dashboard), BENCH_ONLY (measure only scenarios whose name contains it).
//
// Each scenario runs what the page runs on the server (the lib/data calls, together where the page makes them
// together) as a given user. Its SQL statements are captured once from the pg driver, and every round then
// times the page's work and, right after it, the same statements sent bare over one pg connection: the ratio
// of the two is the cost of everything but the database (Prisma, mapping, scoping), in the same run and
// under the same load. Target: p95 < 200 ms for every page. The worst ratio and the worst page print last.
import { performance } from "node:perf_hooks";
import pg from "pg";
import { ensureMonthCloses } from "./dashboard-month-close";
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

interface Scenario {
  page: string;
  name: string;
  run: () => Promise<unknown>;
}

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

async function main() {
  const started = performance.now();
  const benchUrl = await ensureBenchDatabase(dbName);
  await seedDashboard(benchUrl, shape, (line) => console.log(line));
  const { previousPeriod } = await import("../../lib/saft/period");
  await ensureMonthCloses(benchUrl, previousPeriod(), (line) => console.log(line));
  await vacuumNewTables(benchUrl, (line) => console.log(line));
  console.log(`Database ready in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  if (process.argv.includes("--seed")) return;

  process.env.DATABASE_URL = benchUrl;
  // The data functions need no secrets, but the configuration check does: bench-only values.
  process.env.NEXTAUTH_SECRET ??= "bench-secret-bench-secret-bench-secret-0123";
  process.env.PONTE_ENCRYPTION_KEY ??= "0".repeat(64);
  process.env.PONTE_LINK_KEY ??= "1".repeat(64);
  const { db } = await import("../../lib/db");
  const { findVisibleStore } = await import("../../lib/access");
  const { getOverview } = await import("../../lib/data/overview");
  const { listOrders, orderSearchSchema, invoiceStates } = await import("../../lib/data/orders");
  const { listJobs, jobSearchSchema, jobStatuses, jobKinds } = await import("../../lib/data/jobs");
  const { listAuditEvents, listRejectedDeliveries, auditSearchSchema } = await import("../../lib/data/audit");
  const { listStoreOptions, getStoreDetail } = await import("../../lib/data/stores");
  const { findVisibleOrder, getOrderDetail } = await import("../../lib/data/order-detail");
  const { getInvoiceBalances } = await import("../../lib/data/credit-notes");
  const { encodeCursor } = await import("../../lib/keyset");
  const { listMonthCloses, parseMonthParam } = await import("../../lib/data/month-close");
  const { latestBundle } = await import("../../lib/saft/bundle-access");
  const { listOssThreshold } = await import("../../lib/data/oss-threshold");
  const { getOverviewChart } = await import("../../lib/data/overview-chart");
  const { listOpenOutages } = await import("../../lib/data/outages");
  const { getOrderTimeline } = await import("../../lib/data/order-timeline");
  const { listFailureGroups } = await import("../../lib/data/failure-groups");
  type User = Parameters<typeof getOverview>[0];
  const user = (id: string, role: User["role"], allStores: boolean): User => ({
    id,
    role,
    allStores,
    email: `${id}@bench`,
    name: id,
    locale: "pt-PT",
  });
  const admin = user("u-admin", "admin", false);
  const all = user("u-all", "accountant", true);
  const fifty = user("u-acc50", "accountant", false);
  const merchant = user("u-merchant", "merchant", false);

  const bare = new pg.Client({ connectionString: benchUrl });
  await bare.connect();
  const one = async <T>(sql: string, values: unknown[] = []) => (await bare.query(sql, values)).rows[0] as T;
  const monthsAgo = (n: number) => new Date(Date.now() - n * 30 * 86400_000);
  const orderAt = async (before: Date, storeId?: string) => {
    const row = await one<{ at: Date; id: string }>(
      `SELECT "orderedAt" AS at, id FROM "Order" WHERE "orderedAt" <= $1 ${storeId ? `AND "storeId" = $2` : ""}
       ORDER BY "orderedAt" DESC, id DESC LIMIT 1`,
      storeId ? [before, storeId] : [before],
    );
    return encodeCursor(row);
  };
  const jobAt = async (before: Date) => {
    const row = await one<{ at: Date; id: string }>(
      `SELECT "updatedAt" AS at, id FROM "Job" WHERE "updatedAt" <= $1 ORDER BY "updatedAt" DESC, id DESC LIMIT 1`,
      [before],
    );
    return encodeCursor(row);
  };
  const auditAt = async (before: Date) => {
    const row = await one<{ at: Date; id: string }>(
      `SELECT at, id FROM "AuditEvent" WHERE at <= $1 ORDER BY at DESC, id DESC LIMIT 1`,
      [before],
    );
    return encodeCursor(row);
  };
  const sample = await one<{ jumpsellerId: number; nif: string; email: string; name: string }>(
    `SELECT "jumpsellerId", nif, "customerEmail" AS email, "customerName" AS name FROM "Order"
     WHERE "storeId" = 'store0001' AND nif IS NOT NULL ORDER BY "orderedAt" DESC LIMIT 1 OFFSET 1000`,
  );
  const credited = await one<{ id: string }>(
    `SELECT id FROM "Order" WHERE "storeId" = 'store0001' AND "invoiceState" = 'credited'
     ORDER BY "orderedAt" DESC LIMIT 1`,
  );
  const failedOrder = await one<{ id: string }>(
    `SELECT id FROM "Order" WHERE "storeId" = 'store0030' AND "invoiceState" = 'failed' ORDER BY "orderedAt" DESC LIMIT 1`,
  );
  const deep = { y1: await orderAt(monthsAgo(12)), y3: await orderAt(monthsAgo(35)) };
  const deepMerchant = await orderAt(monthsAgo(24), "store0001");
  let page21: string | undefined;
  {
    let p = await listOrders(all, orderSearchSchema.parse({}));
    for (let i = 0; i < 20 && p.next; i++) p = await listOrders(all, orderSearchSchema.parse({ cursor: p.next }));
    page21 = p.next ?? undefined;
  }

  const scenarios: Scenario[] = [];
  const add = (page: string, name: string, run: () => Promise<unknown>) => scenarios.push({ page, name, run });

  // Overview.
  // Overview: the stores' figures, the open outages and the 30-day chart, together as the page reads them.
  const overview = (u: User) => () =>
    Promise.all([getOverview(u), listOpenOutages(u), getOverviewChart(u, { storeId: null })]);
  add("overview", "all stores (1,000)", overview(all));
  add("overview", "accountant, 50 stores", overview(fifty));
  add("overview", "merchant, own store", overview(merchant));

  // Orders: the page loads the store menu and the list together.
  const orders = (u: User, params: Record<string, string>) => () =>
    Promise.all([listStoreOptions(u), listOrders(u, orderSearchSchema.parse(params))]);
  add("orders", "all, first page", orders(all, {}));
  for (const state of invoiceStates) add("orders", `all, state ${state}`, orders(all, { state }));
  add("orders", "all, oldest first", orders(all, { sort: "asc" }));
  add("orders", "all, 21st page (keyset)", orders(all, { cursor: page21 ?? "" }));
  add("orders", "all, page a year back", orders(all, { cursor: deep.y1 }));
  add("orders", "all, page 35 months back", orders(all, { cursor: deep.y3 }));
  add("orders", "all, previous page a year back", orders(all, { cursor: deep.y1, dir: "prev" }));
  add("orders", "all, big store filter", orders(all, { store: "store0001" }));
  add("orders", "all, small store, failed", orders(all, { store: "store0500", state: "failed" }));
  add("orders", "50 stores, first page", orders(fifty, {}));
  add("orders", "50 stores, failed", orders(fifty, { state: "failed" }));
  add("orders", "50 stores, page a year back", orders(fifty, { cursor: deep.y1 }));
  add("orders", "merchant, first page", orders(merchant, {}));
  add("orders", "merchant, pending", orders(merchant, { state: "pending" }));
  add("orders", "merchant, page two years back", orders(merchant, { cursor: deepMerchant }));
  add("orders", "search: order number", orders(all, { q: `#${sample.jumpsellerId}` }));
  add("orders", "search: NIF", orders(all, { q: sample.nif }));
  add("orders", "search: full e-mail", orders(all, { q: sample.email }));
  add("orders", "search: e-mail part", orders(all, { q: sample.email.split("@")[0]!.slice(2) + "@" }));
  add("orders", "search: full name", orders(all, { q: sample.name }));
  add("orders", "search: common name", orders(all, { q: "Maria Silva" }));
  add("orders", "search: no match", orders(all, { q: "Zacarias Inexistente" }));
  add("orders", "search: one common word", orders(all, { q: "Silva" }));
  add("orders", "50 stores, search one word", orders(fifty, { q: sample.name.split(" ").at(-1)! }));
  add("orders", "50 stores, search name", orders(fifty, { q: sample.name.split(" ").slice(0, 2).join(" ") }));
  add("orders", "merchant, search name", orders(merchant, { q: sample.name }));
  add("orders", "merchant, search e-mail", orders(merchant, { q: sample.email }));

  // Jobs.
  const jobs = (u: User, params: Record<string, string>) => () =>
    Promise.all([listStoreOptions(u), listJobs(u, jobSearchSchema.parse(params))]);
  add("jobs", "all, first page", jobs(all, {}));
  for (const status of jobStatuses) add("jobs", `all, ${status}`, jobs(all, { status }));
  for (const kind of jobKinds) add("jobs", `all, kind ${kind}`, jobs(all, { kind }));
  add("jobs", "all, page a year back", jobs(all, { cursor: await jobAt(monthsAgo(12)) }));
  add("jobs", "all, failed, big store", jobs(all, { status: "failed", store: "store0001" }));
  add("jobs", "50 stores, first page", jobs(fifty, {}));
  add("jobs", "50 stores, failed", jobs(fifty, { status: "failed" }));
  add("jobs", "merchant, failed", jobs(merchant, { status: "failed" }));
  // The jobs page's failures grouped by cause (lib/data/failure-groups.ts), as the page reads them.
  add("jobs", "failures by cause, all", () => listFailureGroups(all));
  add("jobs", "failures by cause, 50 stores", () => listFailureGroups(fifty));
  add("jobs", "failures by cause, merchant", () => listFailureGroups(merchant));
  add("jobs", "failures by cause, one store", () => listFailureGroups(all, { store: "store0030" }));

  // Store page (its layout checks visibility first).
  const storePage = (u: User, id: string) => async () => {
    await findVisibleStore(u, id);
    return getStoreDetail(u, id);
  };
  add("store", "all stores", storePage(all, "store0001"));
  add("store", "accountant, 50 stores", storePage(fifty, "store0030"));
  add("store", "merchant", storePage(merchant, "store0001"));

  // Order page: visibility (layout), the order with documents and jobs, then the invoices' balances.
  const orderPage = (u: User, id: string) => async () => {
    await findVisibleOrder(u, id);
    const [order] = await Promise.all([getOrderDetail(u, id), getOrderTimeline(u, id)]);
    const invoices = (order?.documents ?? []).filter((d) => d.type !== "NC");
    return getInvoiceBalances(u, invoices);
  };
  add("order", "credited order, all stores", orderPage(all, credited.id));
  add("order", "credited order, merchant", orderPage(merchant, credited.id));
  add("order", "failed order, 50 stores", orderPage(fifty, failedOrder.id));

  // Audit: the store menu, the events and the refused deliveries.
  const audit = (u: User, params: Record<string, string>) => () => {
    const search = auditSearchSchema.parse(params);
    return Promise.all([listStoreOptions(u), listAuditEvents(u, search), listRejectedDeliveries(u, search.store)]);
  };
  add("audit", "admin", audit(admin, {}));
  add("audit", "all stores", audit(all, {}));
  add("audit", "all stores, a year back", audit(all, { cursor: await auditAt(monthsAgo(12)) }));
  add("audit", "accountant, 50 stores", audit(fifty, {}));
  add("audit", "merchant", audit(merchant, {}));
  add("audit", "one store", audit(all, { store: "store0500" }));

  // Month close: one row per visible store with its stored report, the month's SAF-T bundle and the OSS
  // threshold of the year, as the page reads them.
  const monthClose = (u: User, month?: string) => () => {
    const period = parseMonthParam(month);
    return Promise.all([listMonthCloses(u, period), latestBundle(db, u, period), listOssThreshold(db, u, period.year)]);
  };
  add("month", "all stores (1,000 reports)", monthClose(all));
  add("month", "accountant, 50 stores", monthClose(fifty));
  add("month", "merchant", monthClose(merchant));
  add("month", "all stores, month not checked", monthClose(all, "2025-01"));

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
