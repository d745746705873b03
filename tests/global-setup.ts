// Builds one migrated template database per test run; each test file then clones it (tests/db.ts), so
// files run in parallel without sharing state, and migrations are applied once.
import pg from "pg";
import { applyMigrations } from "../lib/migrate";
import { adminDatabaseUrl, databaseUrl, templateDatabaseName } from "./test-env";

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminDatabaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export default async function setup() {
  // Workers inherit the environment: every test file of this run clones this run's template.
  process.env.PONTE_TEST_TEMPLATE = `ponte_tpl_${process.pid}_${Date.now().toString(36)}`;
  const templateName = templateDatabaseName();
  await admin(`CREATE DATABASE ${templateName}`);
  await applyMigrations(databaseUrl(templateName));
  return async () => {
    await admin(`DROP DATABASE IF EXISTS ${templateName} WITH (FORCE)`);
  };
}
