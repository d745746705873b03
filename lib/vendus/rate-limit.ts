// Vendus's credit-based rate limit, as announced on every response (no published numbers).

export interface VendusRateLimit {
  /** Total credit for the current period. */
  limit: number | null;
  remaining: number | null;
  /** Credits this request used. */
  used: number | null;
  /** Seconds until the credit resets. */
  resetSeconds: number | null;
  resetAt: Date | null;
}

function numberHeader(headers: Headers, name: string): number | null {
  const raw = headers.get(name);
  if (raw === null || raw.trim() === "") return null;
  const value = Number(raw);
  return Number.isFinite(value) ? value : null;
}

/** Reads the Rate-Limit-* headers; null when the response carries none. */
export function readRateLimit(headers: Headers, now: Date = new Date()): VendusRateLimit | null {
  const limit = numberHeader(headers, "rate-limit-limit");
  const remaining = numberHeader(headers, "rate-limit-remaining");
  const used = numberHeader(headers, "rate-limit-used");
  const resetSeconds = numberHeader(headers, "rate-limit-reset");
  if (limit === null && remaining === null && used === null && resetSeconds === null) return null;
  return {
    limit,
    remaining,
    used,
    resetSeconds,
    resetAt: resetSeconds === null ? null : new Date(now.getTime() + resetSeconds * 1000),
  };
}
