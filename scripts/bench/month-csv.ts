// Benchmark: the month's CSV export, from the database to the HTTP response.
//   npm run bench:month-csv     (first run seeds a database "ponte_bench_month_csv"; later runs reuse it)
// Seeds one month of BENCH_ROWS invoices (default 200,000) over 20 stores, then asks for the CSV of every store
// for that month the way GET /api/month-close/export does (lib/month-close/export.ts: rates, audit, then
// PostgreSQL's COPY … CSV on the export's own connection, passed on as bytes), serves it from a local HTTP
// server and reads it with curl, counting lines and bytes.
// rows/s = data rows received ÷ time from the request to the last byte. Target: ≥ 50,000 rows/s on the
// project's machine. The machine is shared: the load is printed, and so is the CPU time per row of this process
// (server and client) and of the database backends that served it (read from /proc when PostgreSQL is local),
// so a figure taken under load can be told apart from a slow export.
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import type { SessionUser } from "../../lib/access";
import { createDb } from "../../lib/db";
import { openMonthExport } from "../../lib/month-close/export";
import type { ExportLabels } from "../../lib/month-close/export-files";
import { ensureBenchDatabase, machine, reportFigure } from "./support";

const dbName = process.env.BENCH_DATABASE ?? "ponte_bench_month_csv";
const ROWS = Number(process.env.BENCH_ROWS ?? 200_000);
const STORES = 20;
const period = { year: 2026, month: 10 };

async function ensureSeeded(benchUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: benchUrl });
  await client.connect();
  const count = Number((await client.query('SELECT count(*) FROM "Document"')).rows[0].count);
  if (count === ROWS) return void (await client.end());
  console.log(`Seeding ${ROWS.toLocaleString("en")} invoices of ${period.year}-${period.month} over ${STORES} stores…`);
  await client.query('TRUNCATE "Document", "Order", "Store", "AuditEvent" CASCADE');
  await client.query(`
    INSERT INTO "Store" (id, code, name, "updatedAt")
    SELECT 'store' || lpad(i::text, 2, '0'), 'loja-' || i, 'Loja ' || i, now() FROM generate_series(1, ${STORES}) i`);
  await client.query(`
    INSERT INTO "Order" (id, "storeId", "jumpsellerId", status, "invoiceState", "customerName", nif, country,
      "totalCents", "orderedAt", "paidAt", "paymentMethod", "updatedAt")
    SELECT 'o' || i, 'store' || lpad((i % ${STORES} + 1)::text, 2, '0'), i, 'paid', 'invoiced', 'Cliente ' || i,
      CASE WHEN i % 3 = 0 THEN '123456789' END, 'PT', 2460,
      timestamptz '2026-10-01 00:00+01' + (i * interval '1 second' * 12), timestamptz '2026-10-01 00:00+01' + (i * interval '1 second' * 12),
      'Multibanco', now()
    FROM generate_series(1, ${ROWS}) i`);
  await client.query(`
    INSERT INTO "Document" (id, "storeId", "orderId", "invoiceForOrderId", type, "vendusId", number, atcud, mode,
      "issuedAt", "amountGrossCents", "amountNetCents", "externalReference", "txId", lines, taxes)
    SELECT 'd' || i, 'store' || lpad((i % ${STORES} + 1)::text, 2, '0'), 'o' || i, 'o' || i, 'FR', i,
      'FR 01P2026/' || i, 'JFAAAAAA-' || i, 'normal', timestamptz '2026-10-01 00:05+01' + (i * interval '1 second' * 12),
      2460, 2000, 'js-' || i, 'tx-' || i, '[]'::jsonb,
      '[{"rate": 23, "baseCents": 2000, "vatCents": 460}]'::jsonb
    FROM generate_series(1, ${ROWS}) i`);
  await client.query("ANALYZE");
  await client.end();
}

const labels: ExportLabels = {
  store: "store",
  orderNumber: "order",
  paidAt: "paid_at",
  customer: "customer",
  nif: "nif",
  country: "country",
  documentType: "type",
  documentNumber: "number",
  atcud: "atcud",
  documentDate: "date",
  net: "net",
  vat: (rate) => `vat_${rate}`,
  gross: "gross",
  credited: "credited",
  paymentMethod: "payment_method",
};

/** CPU seconds (user + system) a process has used so far; null when it is not on this machine (or gone). */
async function processCpuSeconds(pid: number): Promise<number | null> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => null);
  if (stat === null) return null;
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * The CPU time of the database backends connected to the benchmark's database while `run` runs (the pool's and
 * the export's own connection), sampled every 100 ms from /proc; null when PostgreSQL is not on this machine.
 * A backend that ends between two samples loses its last slice (at most 100 ms).
 */
async function databaseCpuDuring(url: string, run: () => Promise<void>): Promise<number | null> {
  const probe = new pg.Client({ connectionString: url });
  await probe.connect();
  const own = (await probe.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  let local = true;
  const sample = async (atStart: boolean) => {
    const { rows } = await probe.query<{ pid: number }>(
      "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
    );
    for (const { pid } of rows) {
      const seconds = await processCpuSeconds(pid);
      if (seconds === null) {
        local &&= (await processCpuSeconds(own)) !== null;
        continue;
      }
      // A backend that connects during the run started from nothing.
      if (!first.has(pid)) first.set(pid, atStart ? seconds : 0);
      last.set(pid, seconds);
    }
  };
  await sample(true);
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      await sample(false);
    }
  })();
  try {
    await run();
  } finally {
    sampling = false;
    await sampler;
    await sample(false);
    await probe.end();
  }
  if (!local) return null;
  let total = 0;
  for (const [pid, start] of first) total += (last.get(pid) ?? start) - start;
  return total;
}

/** Reads the URL with curl in its own process: lines and bytes received. */
function download(url: string): Promise<{ lines: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn("sh", ["-c", `curl -sS --fail "${url}" | wc -lc`], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const [lines, bytes] = out.trim().split(/\s+/).map(Number);
      if (code !== 0 || lines === undefined || bytes === undefined) reject(new Error(`curl failed: ${out}`));
      else resolve({ lines, bytes });
    });
  });
}

async function main() {
  const benchUrl = await ensureBenchDatabase(dbName);
  await ensureSeeded(benchUrl);
  const db = createDb(benchUrl, 2, 1);
  const admin = await db.user.upsert({
    where: { email: "bench-accountant@example.com" },
    update: {},
    create: { email: "bench-accountant@example.com", name: "Bench", passwordHash: "x", role: "admin", allStores: true },
  });
  const user: SessionUser = { ...admin, locale: "pt-PT" };
  await db.store.count(); // the pool's first connection, opened before the clock starts
  const month = `${period.year}-${String(period.month).padStart(2, "0")}`;

  const server = http.createServer((request, response) => {
    void (async () => {
      const answer = await openMonthExport(db, user, new URL(request.url!, "http://bench").searchParams, labels);
      if (answer.status !== 200) return void response.writeHead(answer.status).end(answer.message);
      response.writeHead(200, { "Content-Type": answer.contentType });
      await pipeline(answer.stream, response);
    })().catch((error) => response.destroy(error as Error));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  let received = { lines: 0, bytes: 0 };
  let seconds = 0;
  const nodeCpuBefore = process.cpuUsage();
  const databaseSeconds = await databaseCpuDuring(benchUrl, async () => {
    const started = performance.now();
    received = await download(`http://127.0.0.1:${port}/?month=${month}&format=csv`);
    seconds = (performance.now() - started) / 1000;
  });
  const nodeCpu = process.cpuUsage(nodeCpuBefore);
  const nodeSeconds = (nodeCpu.user + nodeCpu.system) / 1e6;

  const rows = received.lines - 1;
  const rate = Math.round(rows / seconds);
  const perRow = (s: number) => `${((s / rows) * 1e6).toFixed(1)} µs/row`;
  console.log(
    `CSV export over HTTP: ${rows.toLocaleString("en")} rows, ${(received.bytes / 1e6).toFixed(1)} MB in ` +
      `${seconds.toFixed(2)} s → ${rate.toLocaleString("en")} rows/s (target ≥ 50,000) ` +
      `${rate >= 50_000 ? "OK" : "BELOW TARGET"}; ${machine()}`,
  );
  // The export keeps the database and Node busy at the same time (PostgreSQL writes rows while Node sends the
  // ones before), so with a core each the slower of the two sets the pace.
  const busiest = Math.max(nodeSeconds, databaseSeconds ?? 0);
  console.log(
    `CPU time: the server (Node) ${nodeSeconds.toFixed(2)} s = ${perRow(nodeSeconds)}; ` +
      (databaseSeconds === null
        ? "database backends: not measured (PostgreSQL is not on this machine)"
        : `database backends ${databaseSeconds.toFixed(2)} s = ${perRow(databaseSeconds)}; ` +
          `with a free core each: ≈ ${Math.round(rows / busiest).toLocaleString("en")} rows/s`),
  );
  reportFigure({
    figure: "month CSV export",
    value: `${rate.toLocaleString("en")} rows/s`,
    target: "≥ 50,000 rows/s",
    ok: rate >= 50_000,
  });
  server.close();
  await db.$disconnect();
  if (rows !== ROWS) throw new Error(`expected ${ROWS} rows, streamed ${rows}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
