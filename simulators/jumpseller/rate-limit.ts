// Jumpseller's limits: 800 requests a minute and 20 a second (sliding windows here), remaining counts in
// headers on every answer, 429 over the limit, and a temporary ban after too many refused requests.
import type { Clock } from "./state";

export interface RateLimitOptions {
  perSecond?: number;
  perMinute?: number;
  /** Refused requests before the ban. */
  banAfter?: number;
  banSeconds?: number;
  /** Jumpseller may also answer 403 over the limit. */
  status?: 429 | 403;
}

export interface RateLimitDecision {
  allowed: boolean;
  status: number;
  headers: Record<string, string>;
}

export function createRateLimiter(clock: Clock, options: RateLimitOptions | false = {}) {
  const perSecond = options === false ? Infinity : (options.perSecond ?? 20);
  const perMinute = options === false ? Infinity : (options.perMinute ?? 800);
  const banAfter = options === false ? Infinity : (options.banAfter ?? 2000);
  const banSeconds = options === false ? 0 : (options.banSeconds ?? 600);
  const status = options === false ? 429 : (options.status ?? 429);
  let hits: number[] = [];
  let refused = 0;
  let bannedUntil = 0;

  return {
    check(): RateLimitDecision {
      const now = clock.now().getTime();
      hits = hits.filter((t) => t > now - 60_000);
      const lastSecond = hits.filter((t) => t > now - 1_000).length;
      const remaining = (limit: number, used: number) =>
        Number.isFinite(limit) ? String(Math.max(0, limit - used)) : "1000000";

      if (bannedUntil > now) {
        return {
          allowed: false,
          status,
          headers: {
            "Jumpseller-PerMinuteRateLimit-Remaining": "0",
            "Jumpseller-PerSecondRateLimit-Remaining": "0",
            // Epoch seconds; the live format is undocumented.
            "Jumpseller-BannedByRateLimit-Reset": String(Math.ceil(bannedUntil / 1000)),
          },
        };
      }
      if (lastSecond >= perSecond || hits.length >= perMinute) {
        refused += 1;
        if (refused >= banAfter) {
          bannedUntil = now + banSeconds * 1000;
          refused = 0;
        }
        return {
          allowed: false,
          status,
          headers: {
            "Jumpseller-PerMinuteRateLimit-Remaining": remaining(perMinute, hits.length),
            "Jumpseller-PerSecondRateLimit-Remaining": remaining(perSecond, lastSecond),
          },
        };
      }
      hits.push(now);
      return {
        allowed: true,
        status: 200,
        headers: {
          "Jumpseller-PerMinuteRateLimit-Remaining": remaining(perMinute, hits.length),
          "Jumpseller-PerSecondRateLimit-Remaining": remaining(perSecond, lastSecond + 1),
        },
      };
    },
  };
}
export type RateLimiter = ReturnType<typeof createRateLimiter>;
