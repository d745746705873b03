// Builds one migrated template database per test run; each test file then clones it (tests/db.ts), so
// files run in parallel without sharing state, and migrations are applied once.
import pg from "pg";
import { applyMigrations } from "../lib/migrate";
import { adminDatabaseUrl, databaseUrl, templateDatabaseName } from "./test-env";

export default async function setup() {
  const admin = new pg.Client({ connectionString: adminDatabaseUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${templateDatabaseName} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${templateDatabaseName}`);
  } finally {
    await admin.end();
  }
  await applyMigrations(databaseUrl(templateDatabaseName));
}
