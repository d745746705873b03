// A fresh, migrated PostgreSQL database for one test file, cloned from the run's template.
import pg from "pg";
import { createDb, type Db } from "../lib/db";
import { adminDatabaseUrl, adminQuery, databaseUrl, templateDatabaseName, uniqueDatabaseName } from "./test-env";

export interface TestDatabase {
  name: string;
  url: string;
  db: Db;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = uniqueDatabaseName();
  // CREATE DATABASE … TEMPLATE fails while another session uses the template, and test files clone it in
  // parallel: an advisory lock makes the clones take turns instead of failing.
  const admin = new pg.Client({ connectionString: adminDatabaseUrl });
  await admin.connect();
  try {
    await admin.query("SELECT pg_advisory_lock(72707370)");
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${templateDatabaseName()}`);
  } finally {
    await admin.end();
  }
  const url = databaseUrl(name);
  const db = createDb(url, 10);
  return {
    name,
    url,
    db,
    async drop() {
      await db.$disconnect();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
