// A store's Jumpseller access token, refreshed by one process at a time. Jumpseller rotates refresh tokens: a
// second refresh with the same token fails for good (invalid_grant). So the refresh runs under a PostgreSQL
// advisory lock per store, and whoever gets the lock first re-reads the tokens: a caller that waited finds
// the pair the first one saved and uses it, without a second refresh call.
import type { Db } from "@/lib/db";
import { loadStoreSecrets, saveOAuthTokens } from "@/lib/stores";
import type { JumpsellerTokens } from "./oauth";

export interface StoreTokenOptions {
  refresh: (refreshToken: string) => Promise<JumpsellerTokens>;
  now?: () => Date;
  /** Refresh this long before expiry. Default 5 minutes. */
  skewMs?: number;
}

type OAuthTokens = { accessToken: string; refreshToken: string; expiresAt: Date };

function isFresh(tokens: OAuthTokens, options: StoreTokenOptions): boolean {
  const now = (options.now ?? (() => new Date()))();
  return tokens.expiresAt.getTime() - (options.skewMs ?? 5 * 60_000) > now.getTime();
}

async function oauthTokensOf(db: Db, storeId: string): Promise<OAuthTokens> {
  const secrets = await loadStoreSecrets(db, storeId);
  if (secrets.jumpseller.kind !== "oauth") throw new Error(`Store ${storeId} does not connect to Jumpseller by OAuth`);
  return secrets.jumpseller;
}

/** The tokens to use now: `known` when still fresh, else the stored pair, refreshed (once, across processes) if due. */
export async function freshStoreTokens(
  db: Db,
  storeId: string,
  known: OAuthTokens | null,
  options: StoreTokenOptions,
): Promise<OAuthTokens> {
  if (known && isFresh(known, options)) return known;
  const stored = await oauthTokensOf(db, storeId);
  if (isFresh(stored, options)) return stored;
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`jumpseller-token:${storeId}`}))`;
      const current = await oauthTokensOf(tx as unknown as Db, storeId);
      if (isFresh(current, options)) return current;
      const refreshed = await options.refresh(current.refreshToken);
      // Saved before the lock is released: the old refresh token is dead from now on.
      await saveOAuthTokens(tx as unknown as Db, storeId, refreshed);
      return refreshed;
    },
    { maxWait: 30_000, timeout: 30_000 },
  );
}
