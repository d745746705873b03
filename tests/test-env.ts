// Test-only configuration shared by Vitest, Playwright and the CI script. Not used in production.
import { randomBytes } from "node:crypto";

export const adminDatabaseUrl =
  process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

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
};

export function uniqueDatabaseName(prefix = "ponte_t"): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
}
