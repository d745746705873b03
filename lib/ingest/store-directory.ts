// The webhook path looks a store up by its code on every delivery. Answering fast under bursts means not
// reading (and decrypting) the same row each time: entries are kept in memory for a short time. A changed
// hooks token or a disabled store therefore takes effect within `ttlMs`, or at once after `forget(code)`.
import type { Db } from "@/lib/db";
import { openSecret } from "@/lib/crypto";

export interface WebhookStore {
  id: string;
  code: string;
  enabled: boolean;
  hooksToken: string | null;
}

export interface StoreDirectory {
  /** The store for a code, or null when no store has it. Throws when the database cannot be read. */
  lookup(code: string): Promise<WebhookStore | null>;
  forget(code?: string): void;
}

interface Entry {
  value: WebhookStore | null;
  expiresAt: number;
}

export function createStoreDirectory(
  db: Db,
  options: { ttlMs?: number; unknownTtlMs?: number; maxEntries?: number; now?: () => number } = {},
): StoreDirectory {
  const ttlMs = options.ttlMs ?? 30_000;
  // Unknown codes are remembered briefly, so a flood of bad codes does not become a flood of queries,
  // while a store connected a moment ago is found soon.
  const unknownTtlMs = options.unknownTtlMs ?? 2_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  const inFlight = new Map<string, Promise<WebhookStore | null>>();

  async function load(code: string): Promise<WebhookStore | null> {
    const row = await db.store.findUnique({
      where: { code },
      select: { id: true, code: true, enabled: true, credential: { select: { hooksTokenEnc: true } } },
    });
    const value = row
      ? {
          id: row.id,
          code: row.code,
          enabled: row.enabled,
          hooksToken: row.credential?.hooksTokenEnc ? openSecret(row.credential.hooksTokenEnc) : null,
        }
      : null;
    if (entries.size >= maxEntries) entries.clear();
    entries.set(code, { value, expiresAt: now() + (value ? ttlMs : unknownTtlMs) });
    return value;
  }

  return {
    async lookup(code) {
      const cached = entries.get(code);
      if (cached && cached.expiresAt > now()) return cached.value;
      // Concurrent deliveries for one store share a single query.
      let pending = inFlight.get(code);
      if (!pending) {
        pending = load(code).finally(() => inFlight.delete(code));
        inFlight.set(code, pending);
      }
      return pending;
    },
    forget(code) {
      if (code === undefined) entries.clear();
      else entries.delete(code);
    },
  };
}
