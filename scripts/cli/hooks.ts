import { ensureWebhooks } from "../../lib/connect/webhooks";
import { parseFlags, required, storeWithCode } from "./args";
import type { CliCommand } from "./types";

export const storeHooks: CliCommand = {
  name: "store:hooks",
  config: ["database", "encryption", "services", "app"],
  summary:
    "Register Ponte's webhooks in a store's Jumpseller (creates missing ones, removes stale ones; safe to repeat)",
  usage: "store:hooks --store <store code>",
  async run({ db, args, out }) {
    const { values } = parseFlags(args, { store: { type: "string" } });
    const code = required(values.store, "store");
    const store = await storeWithCode(db, code);
    const result = await ensureWebhooks(store, { db });
    const list = (events: string[]) => (events.length ? events.join(", ") : "none");
    out(`Webhooks of ${code} point to ${result.url}`);
    out(`  created: ${list(result.created)}`);
    out(`  already there: ${list(result.kept)}`);
    out(`  removed: ${list(result.deleted.map((h) => `${h.event} (#${h.id})`))}`);
  },
};
