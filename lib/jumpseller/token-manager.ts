// Keeps an OAuth access token usable: refreshes it shortly before its one-hour expiry and hands back the
// new pair for the caller to persist (the old refresh token is dead once the refresh succeeds).
import type { JumpsellerTokens } from "./oauth";

export interface EnsureFreshOptions {
  /** Exchanges a refresh token for a new pair, e.g. `(rt) => refreshTokens({ refreshToken: rt, clientId, clientSecret })`. */
  refresh: (refreshToken: string) => Promise<JumpsellerTokens>;
  now?: Date;
  /** Refresh this long before expiry. Default 5 minutes. */
  skewMs?: number;
}

export interface FreshTokens {
  tokens: JumpsellerTokens;
  /** True when `tokens` is a new pair that must be saved before anything else uses the old one. */
  refreshed: boolean;
}

// Two callers refreshing the same token at once would burn it twice (rotation: the second call fails with
// invalid_grant). Within one process the second caller shares the first call's result. Across processes
// the caller must serialise refreshes per store (a row lock or a job concurrency key).
const inFlight = new Map<string, Promise<JumpsellerTokens>>();

export async function ensureFreshAccessToken(
  tokens: JumpsellerTokens,
  options: EnsureFreshOptions,
): Promise<FreshTokens> {
  const now = options.now ?? new Date();
  const skewMs = options.skewMs ?? 5 * 60_000;
  if (tokens.expiresAt.getTime() - skewMs > now.getTime()) return { tokens, refreshed: false };

  let pending = inFlight.get(tokens.refreshToken);
  if (!pending) {
    pending = options.refresh(tokens.refreshToken).finally(() => inFlight.delete(tokens.refreshToken));
    inFlight.set(tokens.refreshToken, pending);
  }
  return { tokens: await pending, refreshed: true };
}
