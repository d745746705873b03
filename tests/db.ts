// A fresh, migrated PostgreSQL database for one test file, cloned from the run's template.
import pg from "pg";
import { createDb, type Db } from "../lib/db";
import { adminDatabaseUrl, databaseUrl, templateDatabaseName, uniqueDatabaseName } from "./test-env";

export interface TestDatabase {
  name: string;
  url: string;
  db: Db;
  drop(): Promise<void>;
}

async function adminQuery(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminDatabaseUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = uniqueDatabaseName();
  // CREATE DATABASE … TEMPLATE fails if another session is connected to the template; retry briefly.
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${templateDatabaseName()}`);
      break;
    } catch (error) {
      if (attempt >= 20 || !String(error).includes("is being accessed by other users")) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * (attempt + 1)));
    }
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
