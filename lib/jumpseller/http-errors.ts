// Turns Jumpseller HTTP failures into ServiceError kinds the pipeline can act on.
import { ServiceError } from "@/lib/errors";
import { jumpsellerRateLimitHeaders } from "./constants";

const service = "jumpseller" as const;

/** Reads `{"errors":[...]}`, `{"message":...}`, `{"error":...,"error_description":...}` or plain text. */
export function errorText(bodyText: string): string | undefined {
  const trimmed = bodyText.trim();
  if (!trimmed) return undefined;
  try {
    const body: unknown = JSON.parse(trimmed);
    if (body && typeof body === "object") {
      const b = body as Record<string, unknown>;
      if (Array.isArray(b.errors)) return b.errors.map(String).join("; ");
      if (b.errors && typeof b.errors === "object") {
        return Object.entries(b.errors as Record<string, unknown>)
          .map(([field, problem]) => `${field} ${Array.isArray(problem) ? problem.join(", ") : String(problem)}`)
          .join("; ");
      }
      if (typeof b.message === "string") return b.message;
      if (typeof b.error_description === "string") return b.error_description;
      if (typeof b.error === "string") return b.error;
    }
    if (typeof body === "string") return body;
  } catch {
    // Not JSON: an HTML error page from a proxy, or plain text.
  }
  return trimmed.length > 300 ? `${trimmed.slice(0, 300)}…` : trimmed;
}

/**
 * The earliest moment a rate-limited call may succeed. The ban reset header's format is undocumented:
 * accepted as epoch seconds, epoch milliseconds, seconds from now, or an HTTP/ISO date.
 */
export function rateLimitRetryAt(headers: Headers, now: Date): Date {
  const ban = headers.get(jumpsellerRateLimitHeaders.bannedReset)?.trim();
  if (ban) {
    const at = parseReset(ban, now);
    if (at) return at;
  }
  const retryAfter = headers.get("retry-after")?.trim();
  if (retryAfter) {
    const at = parseReset(retryAfter, now);
    if (at) return at;
  }
  const perMinute = headers.get(jumpsellerRateLimitHeaders.perMinuteRemaining);
  const perSecond = headers.get(jumpsellerRateLimitHeaders.perSecondRemaining);
  if (perMinute !== null && Number(perMinute) <= 0) return new Date(now.getTime() + 60_000);
  if (perSecond !== null && Number(perSecond) <= 0) return new Date(now.getTime() + 1_000);
  // No hint: wait for the per-minute window, the longer of the two.
  return new Date(now.getTime() + 60_000);
}

function parseReset(value: string, now: Date): Date | undefined {
  if (/^\d+(\.\d+)?$/.test(value)) {
    const n = Number(value);
    if (n > 1e12) return new Date(n);
    if (n > 1e9) return new Date(n * 1000);
    return new Date(now.getTime() + n * 1000);
  }
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? undefined : new Date(parsed);
}

/** A 403 is also how Jumpseller may answer over the limit; the rate-limit headers tell the two apart. */
function isRateLimitExhausted(headers: Headers): boolean {
  if (headers.get(jumpsellerRateLimitHeaders.bannedReset)) return true;
  return [jumpsellerRateLimitHeaders.perMinuteRemaining, jumpsellerRateLimitHeaders.perSecondRemaining].some((name) => {
    const value = headers.get(name);
    return value !== null && value.trim() !== "" && Number(value) <= 0;
  });
}

export function toServiceError(opts: {
  status: number;
  headers: Headers;
  bodyText: string;
  what: string;
  now: Date;
}): ServiceError {
  const { status, headers, what, now } = opts;
  const detail = errorText(opts.bodyText);
  const message = `Jumpseller ${what} failed (HTTP ${status})${detail ? `: ${detail}` : ""}`;
  const base = { service, status, message };
  if (status === 429 || (status === 403 && isRateLimitExhausted(headers))) {
    return new ServiceError({ ...base, kind: "rate_limited", retryAt: rateLimitRetryAt(headers, now) });
  }
  if (status === 401 || status === 403) return new ServiceError({ ...base, kind: "auth" });
  if (status === 404) return new ServiceError({ ...base, kind: "not_found" });
  if (status === 409) return new ServiceError({ ...base, kind: "conflict" });
  if (status === 400 || status === 422) return new ServiceError({ ...base, kind: "validation" });
  if (status >= 500 || status === 408) return new ServiceError({ ...base, kind: "transient" });
  return new ServiceError({ ...base, kind: "validation" });
}

export function networkError(what: string, cause: unknown, timedOutAfterMs?: number): ServiceError {
  const message =
    timedOutAfterMs !== undefined
      ? `Jumpseller ${what} timed out after ${timedOutAfterMs} ms`
      : `Jumpseller ${what} failed: ${cause instanceof Error ? cause.message : String(cause)}`;
  return new ServiceError({ service, kind: "transient", message, cause });
}
