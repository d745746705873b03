// Refused deliveries are kept for the audit view, but bounded: anyone can POST to the webhook URL, so the
// record must not become a way to fill the database. Per source (store code, else client address) at most
// `perMinute` rows a minute are written, and the table is pruned to the newest `keep` rows.
import type { Db } from "@/lib/db";

export interface Rejection {
  status: number;
  reason: string;
  storeCode: string | null;
  storeId: string | null;
  event: string | null;
  bodyBytes: number;
  remoteAddr: string | null;
}

export interface RejectionLog {
  /** Writes the rejection unless its source is over the rate; never throws. */
  record(rejection: Rejection): Promise<void>;
}

export function createRejectionLog(
  db: Db,
  options: { perMinute?: number; keep?: number; pruneEvery?: number; now?: () => number } = {},
): RejectionLog {
  const perMinute = options.perMinute ?? 20;
  const keep = options.keep ?? 10_000;
  const pruneEvery = options.pruneEvery ?? 100;
  const now = options.now ?? Date.now;
  const windows = new Map<string, { start: number; count: number }>();
  let sincePrune = 0;

  function allowed(source: string): boolean {
    const t = now();
    const window = windows.get(source);
    if (!window || t - window.start >= 60_000) {
      // Forget old windows so the map itself stays small under a flood of distinct sources.
      if (windows.size > 5_000) windows.clear();
      windows.set(source, { start: t, count: 1 });
      return true;
    }
    window.count += 1;
    return window.count <= perMinute;
  }

  async function prune() {
    await db.$executeRaw`
      DELETE FROM "RejectedDelivery" WHERE "id" IN (
        SELECT "id" FROM "RejectedDelivery" ORDER BY "receivedAt" DESC, "id" DESC OFFSET ${keep}
      )`;
  }

  return {
    async record(rejection) {
      const source = rejection.storeCode ? `code:${rejection.storeCode}` : `addr:${rejection.remoteAddr ?? "?"}`;
      if (!allowed(source)) return;
      try {
        await db.rejectedDelivery.create({
          data: {
            status: rejection.status,
            reason: rejection.reason.slice(0, 300),
            storeCode: rejection.storeCode?.slice(0, 100) ?? null,
            storeId: rejection.storeId,
            event: rejection.event?.slice(0, 60) ?? null,
            bodyBytes: rejection.bodyBytes,
            remoteAddr: rejection.remoteAddr,
          },
        });
        sincePrune += 1;
        if (sincePrune >= pruneEvery) {
          sincePrune = 0;
          await prune();
        }
      } catch (error) {
        // The audit record is best effort: a refused delivery was already answered.
        console.warn("Could not record a rejected webhook delivery:", (error as Error).message);
      }
    },
  };
}
