// Fixed-window rate limits kept in the database, so that every process (and every serverless instance) counts
// together. One statement per hit: concurrent hits cannot both read the old count.
import type { Db } from "@/lib/db";

export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

export type RateLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Counts one hit against `key`; refused once more than `limit` hits fall in the current window. */
export async function hitRateLimit(
  db: Db,
  key: string,
  rule: RateLimitRule,
  now = new Date(),
): Promise<RateLimitResult> {
  const windowStart = new Date(now.getTime() - rule.windowMs);
  const [row] = await db.$queryRaw<{ count: number; windowStart: Date }[]>`
    INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (${key}, ${now}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" <= ${windowStart} THEN 1 ELSE "RateLimit"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" <= ${windowStart} THEN ${now} ELSE "RateLimit"."windowStart" END
    RETURNING "count", "windowStart"`;
  // Now and then, forget windows long over, so the table holds only live counters.
  if (Math.random() < 0.01) {
    await db.$executeRaw`DELETE FROM "RateLimit" WHERE "windowStart" < ${new Date(now.getTime() - 24 * 3600_000)}`;
  }
  if (!row || row.count <= rule.limit) return { ok: true };
  const endsAt = row.windowStart.getTime() + rule.windowMs;
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000)) };
}

/** Counts one hit against each key (all of them, so each limit keeps its own count); refused if any is over. */
export async function hitRateLimits(
  db: Db,
  hits: { key: string; rule: RateLimitRule }[],
  now = new Date(),
): Promise<RateLimitResult> {
  let refused: RateLimitResult = { ok: true };
  for (const { key, rule } of hits) {
    const result = await hitRateLimit(db, key, rule, now);
    if (!result.ok && (refused.ok || result.retryAfterSeconds > refused.retryAfterSeconds)) refused = result;
  }
  return refused;
}
