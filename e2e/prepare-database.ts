// Creates, migrates and seeds the e2e database. Run by the global setup in a child process (with tsx), because
// Prisma's generated client is an ES module that Playwright's own loader does not run.
import pg from "pg";
import { createDb } from "../lib/db";
import { seedDemoData } from "../scripts/demo/seed";
import { applyMigrations } from "../lib/migrate";
import { adminDatabaseUrl } from "../tests/test-env";
import { e2eDatabaseName, e2eServerEnv } from "./env";

async function main() {
  const admin = new pg.Client({ connectionString: adminDatabaseUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${e2eDatabaseName} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${e2eDatabaseName}`);
  } finally {
    await admin.end();
  }
  await applyMigrations(e2eServerEnv.DATABASE_URL!);
  const db = createDb(e2eServerEnv.DATABASE_URL, 2);
  try {
    await seedDemoData(db);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
