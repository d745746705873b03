// The circuit breakers, one row per Vendus account (the non-secret digest of its API key) or Jumpseller
// store. Every transition is one SQL statement, so runs in several processes agree on the state.
import { queryRows, type Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OutsideService, WaitReason } from "@/lib/generated/prisma/enums";
import { newRowId } from "@/lib/ids";
import { breakerThreshold, firstProbeIntervalSeconds, nextProbeIntervalSeconds, probeLeaseMs } from "./policy";

export interface BreakerKey {
  service: OutsideService;
  key: string;
}

/** The breaker of each service a store's jobs need. */
export function breakerKeysFor(scope: { storeId: string; vendusKey: string }): Record<OutsideService, BreakerKey> {
  return {
    vendus: { service: "vendus", key: scope.vendusKey },
    jumpseller: { service: "jumpseller", key: scope.storeId },
  };
}

/** Counts one outage failure; the breaker opens at the threshold. Returns whether it is open now. */
export async function recordServiceFailure(
  db: Db,
  breaker: BreakerKey & { probeStoreId: string },
  message: string,
  now = new Date(),
): Promise<{ open: boolean; breakerId: string }> {
  knownClean.delete(breakerName(breaker));
  const [row] = await db.$queryRaw<{ id: string; openedAt: Date | null }[]>`
    INSERT INTO "ServiceBreaker" ("id", "service", "key", "probeStoreId", "consecutiveFailures", "lastError", "updatedAt")
    VALUES (${newRowId()}, ${breaker.service}::"OutsideService", ${breaker.key}, ${breaker.probeStoreId}, 1,
      ${message.slice(0, 500)}, ${now})
    ON CONFLICT ("service", "key") DO UPDATE SET
      "consecutiveFailures" = "ServiceBreaker"."consecutiveFailures" + 1,
      "lastError" = EXCLUDED."lastError",
      "probeStoreId" = EXCLUDED."probeStoreId",
      "updatedAt" = ${now},
      "openedAt" = CASE WHEN "ServiceBreaker"."openedAt" IS NULL
          AND "ServiceBreaker"."consecutiveFailures" + 1 >= ${breakerThreshold} THEN ${now}
        ELSE "ServiceBreaker"."openedAt" END,
      "probeIntervalSeconds" = CASE WHEN "ServiceBreaker"."openedAt" IS NULL THEN ${firstProbeIntervalSeconds}
        ELSE "ServiceBreaker"."probeIntervalSeconds" END,
      "nextProbeAt" = CASE WHEN "ServiceBreaker"."openedAt" IS NULL
          AND "ServiceBreaker"."consecutiveFailures" + 1 >= ${breakerThreshold}
          THEN ${new Date(now.getTime() + firstProbeIntervalSeconds * 1000)}
        ELSE "ServiceBreaker"."nextProbeAt" END
    RETURNING "id", "openedAt"`;
  if (!row) throw new Error("recording a service failure returned no row");
  return { open: row.openedAt !== null, breakerId: row.id };
}

/**
 * Breakers this process has just set back to zero failures (or found there), until when: nearly every step
 * reaches a service that answers, and resetting a count that is already zero is a database round trip for
 * nothing. A failure recorded here forgets the entry; one recorded by another process within these seconds is
 * reset by that process's next answer instead.
 */
const knownClean = new Map<string, number>();
const knownCleanMs = 10_000;
const breakerName = (breaker: BreakerKey) => `${breaker.service}:${breaker.key}`;

/** A call answered: consecutive failures start again from zero (an open breaker is closed by its probe). */
export async function recordServiceSuccess(db: Db, breaker: BreakerKey, now = Date.now()): Promise<void> {
  if ((knownClean.get(breakerName(breaker)) ?? 0) > now) return;
  await queryRows(
    db,
    Prisma.sql`
    UPDATE "ServiceBreaker" SET "consecutiveFailures" = 0
    WHERE "service" = ${breaker.service}::"OutsideService" AND "key" = ${breaker.key}
      AND "consecutiveFailures" > 0 AND "openedAt" IS NULL`,
  );
  if (knownClean.size > 10_000) knownClean.clear();
  knownClean.set(breakerName(breaker), now + knownCleanMs);
}

/**
 * Why a store's jobs cannot run now: credentials to renew, or an open breaker of a service they need.
 * One query, made when a run starts.
 */
export async function blockingReason(
  db: Db,
  scope: { storeId: string; vendusKey: string },
): Promise<{ reason: WaitReason; breakerId: string | null } | null> {
  const rows = await queryRows<{ reason: WaitReason; breakerId: string | null }>(
    db,
    Prisma.sql`
    SELECT "reason"::text AS reason, NULL AS "breakerId" FROM "Outage"
    WHERE "storeId" = ${scope.storeId} AND "endedAt" IS NULL AND "reason" IN ('vendus_key', 'jumpseller_access')
    UNION ALL
    SELECT "service"::text AS reason, "id" AS "breakerId" FROM "ServiceBreaker"
    WHERE "openedAt" IS NOT NULL AND (("service" = 'vendus' AND "key" = ${scope.vendusKey})
      OR ("service" = 'jumpseller' AND "key" = ${scope.storeId}))
    LIMIT 1`,
  );
  return rows[0] ?? null;
}

export interface ClaimedProbe {
  id: string;
  service: OutsideService;
  key: string;
  probeStoreId: string;
  probeIntervalSeconds: number;
}

/** Claims the breakers whose probe is due; a claimed one is not probed by another sweep until its lease ends. */
export async function claimDueProbes(db: Db, now = new Date()): Promise<ClaimedProbe[]> {
  return db.$queryRaw<ClaimedProbe[]>`
    UPDATE "ServiceBreaker" SET "probeLeaseUntil" = ${new Date(now.getTime() + probeLeaseMs)}
    WHERE "openedAt" IS NOT NULL AND "nextProbeAt" <= ${now}
      AND ("probeLeaseUntil" IS NULL OR "probeLeaseUntil" < ${now})
    RETURNING "id", "service"::text AS service, "key", "probeStoreId", "probeIntervalSeconds"`;
}

/** The probe failed: the next one comes after a longer interval. */
export async function probeFailed(db: Db, probe: ClaimedProbe, message: string, now = new Date()): Promise<Date> {
  const interval = nextProbeIntervalSeconds(probe.probeIntervalSeconds);
  const next = new Date(now.getTime() + interval * 1000);
  await db.serviceBreaker.update({
    where: { id: probe.id },
    data: {
      probeIntervalSeconds: interval,
      nextProbeAt: next,
      probeLeaseUntil: null,
      lastError: message.slice(0, 500),
    },
  });
  return next;
}

/** The service answered its probe: the breaker closes. */
export async function closeBreaker(db: Db, breakerId: string): Promise<void> {
  await db.serviceBreaker.update({
    where: { id: breakerId },
    data: {
      openedAt: null,
      nextProbeAt: null,
      probeLeaseUntil: null,
      consecutiveFailures: 0,
      probeIntervalSeconds: firstProbeIntervalSeconds,
    },
  });
}
