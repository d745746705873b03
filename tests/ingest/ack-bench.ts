// `npm run bench:webhooks`: the webhook acknowledgement target, p99 < 50 ms under 50 concurrent senders.
// Needs the test PostgreSQL (TEST_DATABASE_URL, default the local one); migrates a database of its own.
// Exits 1 above the target.
import pg from "pg";
import { createDb } from "@/lib/db";
import { applyMigrations } from "@/lib/migrate";
import { adminDatabaseUrl, databaseUrl, testSecrets, uniqueDatabaseName } from "../test-env";
import { measureAckLatency } from "./ack-load";

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
  const result = await measureAckLatency({ senders: 50, perSender: 40, database: freshDatabase });
  console.log(
    `${result.count} deliveries from 50 concurrent senders: p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, ` +
      `max ${result.max.toFixed(1)} ms; statuses ${JSON.stringify(result.statuses)}`,
  );
  process.exit(result.p99 < 50 && result.statuses[200] === result.count ? 0 : 1);
}

void main();
