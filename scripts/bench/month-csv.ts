// Benchmark: the month's CSV export streamed from the database.
//   npm run bench:month-csv     (first run seeds a database "ponte_bench_month_csv"; later runs reuse it)
// Seeds one month of BENCH_ROWS invoices (default 200,000) over 20 stores, then streams the CSV of every store
// for that month (lib/month-close: keyset pages → CSV text) into a byte counter, and prints rows/s.
// Target: ≥ 50,000 rows/s on the project's machine.
import { performance } from "node:perf_hooks";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { createDb } from "../../lib/db";
import { csvStream, type ExportLabels } from "../../lib/month-close/export-files";
import { exportPages, exportRates } from "../../lib/month-close/export-rows";
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
  await client.query('TRUNCATE "Document", "Order", "Store" CASCADE');
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

async function main() {
  const benchUrl = await ensureBenchDatabase(dbName);
  await ensureSeeded(benchUrl);
  const db = createDb(benchUrl, 2);
  const storeIds = (await db.store.findMany({ select: { id: true } })).map((s) => s.id);
  let bytes = 0;
  let lines = 0;
  const started = performance.now();
  const rates = await exportRates(db, storeIds, period);
  await pipeline(
    csvStream(exportPages(db, storeIds, period), rates, labels),
    new Writable({
      write(chunk: string | Buffer, _encoding, done) {
        const text = chunk.toString();
        bytes += Buffer.byteLength(text);
        for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lines++;
        done();
      },
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const rows = lines - 1;
  const rate = Math.round(rows / seconds);
  console.log(
    `CSV export: ${rows.toLocaleString("en")} rows, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(2)} s → ` +
      `${rate.toLocaleString("en")} rows/s (target ≥ 50,000) ${rate >= 50_000 ? "OK" : "BELOW TARGET"}; ${machine()}`,
  );
  reportFigure({
    figure: "month CSV export",
    value: `${rate.toLocaleString("en")} rows/s`,
    target: "≥ 50,000 rows/s",
    ok: rate >= 50_000,
  });
  await db.$disconnect();
  if (rows !== ROWS) throw new Error(`expected ${ROWS} rows, streamed ${rows}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
