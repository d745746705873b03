// Refused deliveries are kept for the audit view, but bounded: anyone can POST to the webhook URL, so the
// record must not become a way to fill the database. Two limits apply per minute: per source (the client
// address when known, else the store code) and, because a sender can make up a new code and, without a
// trusted proxy setting, a new address for every request, a global one that no sender can get around.
// What the global cap drops is still counted: one row says how many refusals of that minute were not kept.
// The table is pruned to the newest `keep` rows.
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
  /** Writes the rejection unless over a limit; never throws. */
  record(rejection: Rejection): Promise<void>;
}

export interface RejectionLogOptions {
  /** Rows per source and minute. */
  perMinute?: number;
  /** Rows per minute in all, whatever the source. */
  globalPerMinute?: number;
  keep?: number;
  pruneEvery?: number;
  now?: () => number;
}

const minute = 60_000;

export function createRejectionLog(db: Db, options: RejectionLogOptions = {}): RejectionLog {
  const perMinute = options.perMinute ?? 20;
  const globalPerMinute = options.globalPerMinute ?? 60;
  const keep = options.keep ?? 10_000;
  const pruneEvery = options.pruneEvery ?? 100;
  const now = options.now ?? Date.now;
  const windows = new Map<string, { start: number; count: number }>();
  const global = { start: now(), written: 0, dropped: 0 };
  let sincePrune = 0;

  function allowedFor(source: string, t: number): boolean {
    const window = windows.get(source);
    if (!window || t - window.start >= minute) {
      // Forget old windows so the map itself stays small under a flood of distinct sources.
      if (windows.size > 5_000) windows.clear();
      windows.set(source, { start: t, count: 1 });
      return true;
    }
    window.count += 1;
    return window.count <= perMinute;
  }

  /** Starts a new global minute when the last one is over; returns how many the last one dropped. */
  function rollGlobal(t: number): number {
    if (t - global.start < minute) return 0;
    const dropped = global.dropped;
    Object.assign(global, { start: t, written: 0, dropped: 0 });
    return dropped;
  }

  async function write(data: Parameters<Db["rejectedDelivery"]["create"]>[0]["data"]) {
    try {
      await db.rejectedDelivery.create({ data });
      sincePrune += 1;
      if (sincePrune >= pruneEvery) {
        sincePrune = 0;
        await db.$executeRaw`
          DELETE FROM "RejectedDelivery" WHERE "id" IN (
            SELECT "id" FROM "RejectedDelivery" ORDER BY "receivedAt" DESC, "id" DESC OFFSET ${keep}
          )`;
      }
    } catch (error) {
      // The audit record is best effort: a refused delivery was already answered.
      console.warn("Could not record a rejected webhook delivery:", (error as Error).message);
    }
  }

  return {
    async record(rejection) {
      const t = now();
      const droppedBefore = rollGlobal(t);
      if (droppedBefore > 0) {
        // Status 0: these deliveries had various answers; the row only counts them.
        await write({
          status: 0,
          reason: `${droppedBefore} more refused deliveries in that minute were not recorded`,
          bodyBytes: 0,
        });
      }
      const source = rejection.remoteAddr ? `addr:${rejection.remoteAddr}` : `code:${rejection.storeCode ?? "?"}`;
      if (!allowedFor(source, t)) return;
      if (global.written >= globalPerMinute) {
        global.dropped += 1;
        return;
      }
      global.written += 1;
      await write({
        status: rejection.status,
        reason: rejection.reason.slice(0, 300),
        storeCode: rejection.storeCode?.slice(0, 100) ?? null,
        storeId: rejection.storeId,
        event: rejection.event?.slice(0, 60) ?? null,
        bodyBytes: rejection.bodyBytes,
        remoteAddr: rejection.remoteAddr?.slice(0, 100) ?? null,
      });
    },
  };
}
