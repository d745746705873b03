import { defineConfig } from "@playwright/test";
import { e2eBaseUrl, e2ePort, e2eServerEnv } from "./e2e/env";

// End-to-end tests run against a production build (`npm run build:reuse`: built unless the last build was made
// from the same sources, see scripts/production-build.ts; then the server of `npm start`) and a database of their own,
// created, migrated and seeded by the global setup. Chromium is Debian's: Playwright downloads nothing.
// E2E_SKIP_BUILD=1 starts whatever build is there.
const build = process.env.E2E_SKIP_BUILD ? "" : "npm run --silent build:reuse && ";

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  outputDir: "test-results",
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  // Two workers, Chromium and the app share two cores here: a test that signs in and walks three pages takes
  // 15–20 s on a quiet machine, so half a minute left no room for a busy one.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: e2eBaseUrl,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/lib/chromium/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    command: `${build}npx tsx scripts/start.ts -p ${e2ePort} -H 127.0.0.1`,
    // A static file: the readiness check must not touch the database, which the global setup recreates.
    url: `${e2eBaseUrl}/icon.svg`,
    env: e2eServerEnv,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
  },
});
