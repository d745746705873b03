// The e2e run's configuration: its own database and port, shared by the config, global setup and fixtures.
import { databaseUrl, testSecrets } from "../tests/test-env";

export const e2eDatabaseName = process.env.E2E_DATABASE_NAME ?? "ponte_e2e";
export const e2ePort = Number(process.env.E2E_PORT ?? 3107);
export const e2eBaseUrl = `http://127.0.0.1:${e2ePort}`;

export const e2eServerEnv: Record<string, string> = {
  ...testSecrets,
  NODE_ENV: "production",
  DATABASE_URL: databaseUrl(e2eDatabaseName),
  NEXTAUTH_URL: e2eBaseUrl,
  DATABASE_POOL_MAX: "5",
};
