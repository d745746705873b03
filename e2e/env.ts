// The e2e run's configuration: its own database and port, shared by the config, global setup and fixtures.
import { databaseUrl, testSecrets, testSettings } from "../tests/test-env";

export const e2eDatabaseName = process.env.E2E_DATABASE_NAME ?? "ponte_e2e";
export const e2ePort = Number(process.env.E2E_PORT ?? 3107);
export const e2eBaseUrl = `http://127.0.0.1:${e2ePort}`;
// A local Inngest stand-in (simulators/inngest) that accepts the events the app sends when a job
// is retried or a credit note is asked for. No app is registered with it, so nothing runs: the jobs stay queued.
// The server runs in production mode, so it talks to it as to a self-hosted Inngest server: with keys.
export const e2eInngestPort = Number(process.env.E2E_INNGEST_PORT ?? e2ePort + 100);
export const e2eInngestUrl = `http://127.0.0.1:${e2eInngestPort}`;
// The Vendus simulator, accepting the demo stores' keys, for SAF-T exports and PDFs.
export const e2eVendusPort = Number(process.env.E2E_VENDUS_PORT ?? e2ePort + 101);
export const e2eVendusUrl = `http://127.0.0.1:${e2eVendusPort}/ws/v1.1/`;

// The Resend fake: e-mails (password-reset links) land in a mailbox the tests read over HTTP.
export const e2eResendPort = Number(process.env.E2E_RESEND_PORT ?? e2ePort + 102);
export const e2eResendUrl = `http://127.0.0.1:${e2eResendPort}`;

export const e2eServerEnv: Record<string, string> = {
  ...testSecrets,
  ...testSettings,
  NODE_ENV: "production",
  DATABASE_URL: databaseUrl(e2eDatabaseName),
  NEXTAUTH_URL: e2eBaseUrl,
  DATABASE_POOL_MAX: "5",
  INNGEST_BASE_URL: e2eInngestUrl,
  INNGEST_EVENT_KEY: "e2e-event-key",
  INNGEST_SIGNING_KEY: "signkey-test-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
  VENDUS_API_URL: e2eVendusUrl,
  RESEND_API_KEY: "re_e2e_key",
  RESEND_BASE_URL: e2eResendUrl,
  // No Jumpseller here: nothing listens on port 1, so a readiness check is told at once that it did not answer.
  JUMPSELLER_API_URL: "http://127.0.0.1:1/v1",
};
