// Builds one migrated template database per test run; each test file then clones it (tests/db.ts), so
// files run in parallel without sharing state, and migrations are applied once.
import { applyMigrations } from "../lib/migrate";
import { adminQuery, databaseUrl, templateDatabaseName } from "./test-env";

export default async function setup() {
  // Workers inherit the environment: every test file of this run clones this run's template.
  process.env.PONTE_TEST_TEMPLATE = `ponte_tpl_${process.pid}_${Date.now().toString(36)}`;
  const templateName = templateDatabaseName();
  await adminQuery(`CREATE DATABASE ${templateName}`);
  await applyMigrations(databaseUrl(templateName));
  return async () => {
    await adminQuery(`DROP DATABASE IF EXISTS ${templateName} WITH (FORCE)`);
  };
}
