// Fault injection and the credit-based rate limit. Faults are consumed by the requests they hit, so a test
// states exactly which request fails and never has to wait for time to pass.

export interface FailureRule {
  remaining: number;
  status: number;
  method?: string;
  /** Matched against the path after /ws/v1.1, e.g. "/documents/". */
  pathPrefix?: string;
}

export interface LostResponse {
  remaining: number;
  /** "destroy": the socket is closed with no answer; "delay": the answer is held for `delayMs`. */
  kind: "destroy" | "delay";
  delayMs: number;
}

export interface Faults {
  latencyMs: number;
  failures: FailureRule[];
  rateLimitBurst: { remaining: number; resetSeconds: number } | null;
  lostResponse: LostResponse | null;
}

export function createFaults(): Faults {
  return { latencyMs: 0, failures: [], rateLimitBurst: null, lostResponse: null };
}

/** Takes the first failure rule matching this request, if any. */
export function takeFailure(faults: Faults, method: string, path: string): FailureRule | null {
  const rule = faults.failures.find(
    (r) =>
      r.remaining > 0 &&
      (!r.method || r.method.toUpperCase() === method) &&
      (!r.pathPrefix || path.startsWith(r.pathPrefix)),
  );
  if (!rule) return null;
  rule.remaining -= 1;
  faults.failures = faults.failures.filter((r) => r.remaining > 0);
  return rule;
}

export function takeRateLimitBurst(faults: Faults): number | null {
  const burst = faults.rateLimitBurst;
  if (!burst || burst.remaining <= 0) return null;
  burst.remaining -= 1;
  if (burst.remaining === 0) faults.rateLimitBurst = null;
  return burst.resetSeconds;
}

export function takeLostResponse(faults: Faults): LostResponse | null {
  const lost = faults.lostResponse;
  if (!lost) return null;
  lost.remaining -= 1;
  if (lost.remaining <= 0) faults.lostResponse = null;
  return lost;
}

export interface RateLimiter {
  limit: number;
  windowSeconds: number;
  used: number;
  windowStartedAt: number;
}

export function createRateLimiter(limit: number, windowSeconds: number, now: number): RateLimiter {
  return { limit, windowSeconds, used: 0, windowStartedAt: now };
}

/** Spends one credit; returns the Rate-Limit-* headers and whether the request is over the budget. */
export function spendCredit(limiter: RateLimiter, now: number): { headers: Record<string, string>; isOver: boolean } {
  if (now - limiter.windowStartedAt >= limiter.windowSeconds * 1000) {
    limiter.used = 0;
    limiter.windowStartedAt = now;
  }
  limiter.used += 1;
  const reset = Math.max(1, Math.ceil((limiter.windowStartedAt + limiter.windowSeconds * 1000 - now) / 1000));
  return {
    isOver: limiter.used > limiter.limit,
    headers: rateLimitHeaders(limiter.limit, Math.max(0, limiter.limit - limiter.used), reset),
  };
}

export function rateLimitHeaders(limit: number, remaining: number, resetSeconds: number): Record<string, string> {
  return {
    "Rate-Limit-Limit": String(limit),
    "Rate-Limit-Remaining": String(remaining),
    "Rate-Limit-Used": "1",
    "Rate-Limit-Reset": String(resetSeconds),
  };
}
