import { checkStoreReadiness } from "../../lib/readiness/check";
import { describeReadiness } from "../../lib/readiness/describe";
import { parseFlags, required, storeWithCode } from "./args";
import { type CliCommand, type CliContext, ExitCode } from "./types";

/** Runs the readiness check and prints the checklist; a store that is not ready ends the command with code 1. */
export async function printReadiness(
  db: CliContext["db"],
  store: { id: string; code: string },
  out: CliContext["out"],
) {
  out(`Checking ${store.code} against Vendus and Jumpseller…`);
  const readiness = await checkStoreReadiness(db, store.id);
  for (const line of describeReadiness(readiness, store.code)) out(line);
  if (!readiness.ready) throw new ExitCode(1);
}

export const storeCheck: CliCommand = {
  name: "store:check",
  config: ["database", "encryption", "services", "app"],
  summary: "Check that a store can invoice: Vendus key, region, register, payment method, Jumpseller and webhooks",
  usage: "store:check --store <store code>   (exit code 0 when ready, 1 when something must be fixed)",
  async run({ db, args, out }) {
    const { values } = parseFlags(args, { store: { type: "string" } });
    const code = required(values.store, "store");
    const store = await storeWithCode(db, code);
    await printReadiness(db, store, out);
  },
};
