// The webhook path looks a store up by its code on every delivery. Answering fast under bursts means not
// reading (and decrypting) the same row each time: entries are kept in memory. They are only good while the
// database's store-directory version (a counter its triggers bump whenever a store's code, enabled flag or
// hooks token changes, whoever changes it) is the one they were read under: each lookup reads that one row
// first, and a new version drops every entry, so a disabled store or a new hooks token applies to the very
// next delivery, in every process. `ttlMs` still bounds how long an entry lives.
import { queryRows, type Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
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
  // while a store connected a moment ago is found at once (connecting it bumps the version).
  const unknownTtlMs = options.unknownTtlMs ?? 2_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  const inFlight = new Map<string, Promise<WebhookStore | null>>();
  let knownVersion: bigint | null = null;
  let versionRead: Promise<bigint> | null = null;

  /** The current version; concurrent deliveries share one read. */
  function readVersion(): Promise<bigint> {
    // Straight to the pool (queryRows): read on every delivery, it cost more CPU through Prisma than in PostgreSQL.
    versionRead ??= queryRows<{ version: string }>(
      db,
      Prisma.sql`SELECT "version"::text AS "version" FROM "StoreDirectoryVersion" WHERE "id" = 1`,
    )
      .then(([row]) => (row ? BigInt(row.version) : BigInt(-1)))
      .finally(() => {
        versionRead = null;
      });
    return versionRead;
  }

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
          hooksToken: row.credential?.hooksTokenEnc
            ? openSecret(row.credential.hooksTokenEnc, { storeId: row.id, field: "hooksToken" })
            : null,
        }
      : null;
    if (entries.size >= maxEntries) entries.clear();
    entries.set(code, { value, expiresAt: now() + (value ? ttlMs : unknownTtlMs) });
    return value;
  }

  return {
    async lookup(code) {
      // Read before the store row, so that an entry is never older than the version it is kept under.
      const version = await readVersion();
      if (version !== knownVersion) {
        entries.clear();
        knownVersion = version;
      }
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
