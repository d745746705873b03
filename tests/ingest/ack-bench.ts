// `npm run bench:webhooks`: the webhook acknowledgement target, p99 < 50 ms under 50 concurrent senders,
// each sending a delivery every BENCH_INTERVAL_MS (default 500 ms: 100 deliveries a second in all). Also
// prints a saturation run (each sender sends again as soon as it is answered): there the latency is
// queueing, and shows the machine's capacity rather than the cost of one acknowledgement.
// Needs the test PostgreSQL (TEST_DATABASE_URL, default the local one); migrates a database of its own.
// Exits 1 when the paced run misses the target.
import pg from "pg";
import { createDb } from "@/lib/db";
import { applyMigrations } from "@/lib/migrate";
import { adminDatabaseUrl, databaseUrl, testSecrets, uniqueDatabaseName } from "../test-env";
import { measureAckLatency, type AckLoadResult } from "./ack-load";

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: adminDatabaseUrl });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

async function freshDatabase() {
  const name = uniqueDatabaseName("ponte_bench");
  await admin(`CREATE DATABASE ${name}`);
  const url = databaseUrl(name);
  await applyMigrations(url);
  const db = createDb(url, 5);
  return {
    name,
    url,
    db,
    async drop() {
      await db.$disconnect();
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function main() {
  for (const [key, value] of Object.entries(testSecrets)) process.env[key] ??= value;
  process.env.DATABASE_URL ??= adminDatabaseUrl;
  const report = (label: string, r: AckLoadResult) =>
    console.log(
      `${label}: ${r.count} deliveries from 50 senders: p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, ` +
        `max ${r.max.toFixed(1)} ms; statuses ${JSON.stringify(r.statuses)}`,
    );
  const intervalMs = Number(process.env.BENCH_INTERVAL_MS ?? 500);
  const paced = await measureAckLatency({ senders: 50, perSender: 40, intervalMs, database: freshDatabase });
  report(`paced, one delivery per sender every ${intervalMs} ms`, paced);
  report("saturation, back to back", await measureAckLatency({ senders: 50, perSender: 40, database: freshDatabase }));
  process.exit(paced.p99 < 50 && paced.statuses[200] === paced.count ? 0 : 1);
}

void main();
