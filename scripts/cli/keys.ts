import { keyringFromEnv } from "../../lib/crypto";
import { resealSecrets } from "../../lib/secrets-reseal";
import type { CliCommand } from "./types";

export const keysReseal: CliCommand = {
  name: "keys:reseal",
  config: ["database", "encryption"],
  summary: "Re-seal every stored secret under PONTE_ENCRYPTION_KEY (after a rotation; safe to repeat)",
  usage: "keys:reseal   (set PONTE_ENCRYPTION_KEY to the new key and PONTE_ENCRYPTION_KEY_OLD to the old one)",
  async run({ db, out }) {
    const report = await resealSecrets(db, keyringFromEnv());
    out(
      `Re-sealed ${report.resealed} secret(s) of ${report.stores} store(s) under the current key; ` +
        `${report.current} already current; ${report.failed.length} could not be opened.`,
    );
    if (report.failed.length > 0) {
      const stores = await db.store.findMany({
        where: { id: { in: report.failed.map((f) => f.storeId) } },
        select: { id: true, code: true },
      });
      const code = new Map(stores.map((s) => [s.id, s.code]));
      for (const f of report.failed) out(`  ✗ ${code.get(f.storeId) ?? f.storeId} ${f.field}: ${f.reason}`);
      throw new Error(
        "Some secrets could not be opened with PONTE_ENCRYPTION_KEY or PONTE_ENCRYPTION_KEY_OLD: keep the old key until they are fixed (store:add again, or the connect flow).",
      );
    }
    out("PONTE_ENCRYPTION_KEY_OLD can now be removed.");
  },
};
