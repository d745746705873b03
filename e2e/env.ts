// The e2e run's configuration: its own database and port, shared by the config, global setup and fixtures.
import { databaseUrl, testSecrets } from "../tests/test-env";

export const e2eDatabaseName = process.env.E2E_DATABASE_NAME ?? "ponte_e2e";
export const e2ePort = Number(process.env.E2E_PORT ?? 3107);
export const e2eBaseUrl = `http://127.0.0.1:${e2ePort}`;
// A local Inngest stand-in (tests/support/inngest-stand-in) that accepts the events the app sends when a job
// is retried or a credit note is asked for. No app is registered with it, so nothing runs: the jobs stay queued.
export const e2eInngestPort = Number(process.env.E2E_INNGEST_PORT ?? e2ePort + 100);
export const e2eInngestUrl = `http://127.0.0.1:${e2eInngestPort}`;
// The Vendus simulator, accepting the demo stores' keys, for SAF-T exports and PDFs.
export const e2eVendusPort = Number(process.env.E2E_VENDUS_PORT ?? e2ePort + 101);
export const e2eVendusUrl = `http://127.0.0.1:${e2eVendusPort}/ws/v1.1/`;

export const e2eServerEnv: Record<string, string> = {
  ...testSecrets,
  NODE_ENV: "production",
  DATABASE_URL: databaseUrl(e2eDatabaseName),
  NEXTAUTH_URL: e2eBaseUrl,
  DATABASE_POOL_MAX: "5",
  INNGEST_DEV: e2eInngestUrl,
  VENDUS_API_URL: e2eVendusUrl,
};
