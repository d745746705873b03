import { ConfigError, requireEnv } from "./env";

/** Validates the configuration; on a bad one, prints which variables are wrong and stops the process. */
export function checkConfigurationOrExit(): void {
  try {
    requireEnv();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
