import path from "node:path";
import { defineConfig } from "vitest/config";
import { testSecrets, testSettings } from "./tests/test-env";

// Unit tests are pure (no database, no network beyond in-process simulators on loopback).
// Integration tests use the real PostgreSQL: each test file gets its own database (see tests/db.ts).
export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname) } },
  test: {
    env: {
      ...testSecrets,
      ...testSettings,
      NODE_ENV: "test",
      DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/postgres",
    },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "simulators/**/*.test.ts", "inngest/**/*.test.ts", "components/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/**/*.test.ts", "!tests/support/**"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
          globalSetup: ["tests/global-setup.ts"],
        },
      },
    ],
  },
});
