// Re-sealing every stored secret under the current key and format, so that a retired key
// (PONTE_ENCRYPTION_KEY_OLD) can really be removed, and old unbound values become bound to their store.
// Idempotent: values already current are left alone. Each write only replaces the value it read, so a token
// refreshed meanwhile by a running job is never overwritten with an older one.
import type { Db } from "@/lib/db";
import {
  credentialColumns,
  needsResealing,
  openSecret,
  sealSecret,
  secretFields,
  type Keyring,
  type SecretField,
} from "@/lib/crypto";

export interface ResealReport {
  stores: number;
  resealed: number;
  current: number;
  /** Secrets that could not be opened with the configured keys (left as they are). */
  failed: { storeId: string; field: SecretField; reason: string }[];
}

export async function resealSecrets(db: Db, keyring: Keyring): Promise<ResealReport> {
  const report: ResealReport = { stores: 0, resealed: 0, current: 0, failed: [] };
  const rows = await db.storeCredential.findMany({ orderBy: { storeId: "asc" } });
  for (const row of rows) {
    report.stores += 1;
    for (const field of secretFields) {
      const column = credentialColumns[field];
      const sealed = row[column];
      if (!sealed) continue;
      if (!needsResealing(sealed, keyring)) {
        report.current += 1;
        continue;
      }
      let plaintext: string;
      try {
        plaintext = openSecret(sealed, { storeId: row.storeId, field }, keyring);
      } catch (error) {
        report.failed.push({ storeId: row.storeId, field, reason: (error as Error).message });
        continue;
      }
      const resealed = sealSecret(plaintext, { storeId: row.storeId, field }, keyring);
      const written = await db.storeCredential.updateMany({
        where: { storeId: row.storeId, [column]: sealed },
        data: { [column]: resealed },
      });
      // Zero rows: the value changed since it was read (a token refresh), and was sealed current by then.
      if (written.count === 1) report.resealed += 1;
      else report.current += 1;
    }
  }
  return report;
}
