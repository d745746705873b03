// Test-only configuration shared by Vitest, Playwright and the CI script. Not used in production.
import { randomBytes } from "node:crypto";
import pg from "pg";

export const adminDatabaseUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

// One template per test run (set by tests/global-setup.ts), so that runs side by side never share one.
export function templateDatabaseName(): string {
  return process.env.PONTE_TEST_TEMPLATE ?? "ponte_test_template";
}

export function databaseUrl(name: string): string {
  const url = new URL(adminDatabaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export const testSecrets = {
  NEXTAUTH_SECRET: "test-nextauth-secret-that-is-long-enough-0123456789",
  PONTE_ENCRYPTION_KEY: "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
  PONTE_LINK_KEY: "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210",
};

// Test runs hash passwords at bcrypt's least cost (production keeps 12): a sign-in takes a millisecond, not a
// quarter of a second, and the demo users are seeded at the same cost.
export const testSettings = {
  PONTE_PASSWORD_HASH_COST: "4",
};

export function uniqueDatabaseName(prefix = "ponte_t"): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
}

/** Runs one statement (CREATE or DROP DATABASE…) on the server's admin database. */
export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminDatabaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
