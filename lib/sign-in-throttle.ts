// Failed sign-ins are counted per e-mail and per client address. Too many failures inside the window lock
// that key for a while: a password guesser gets a handful of tries per quarter hour, a user who mistypes
// gets a clear message with the time to come back.
import type { Db } from "@/lib/db";

export const throttleWindowMs = 15 * 60_000;
export const throttleLockMs = 15 * 60_000;

// One address may sit in front of many people (an office, an accountant's firm): allow it more failures.
const maxFailures = { email: 5, ip: 20 } as const;

export type ThrottleKind = keyof typeof maxFailures;

export interface ThrottleKey {
  kind: ThrottleKind;
  value: string;
}

export function throttleKeys(email: string, ip: string | null): ThrottleKey[] {
  const keys: ThrottleKey[] = [{ kind: "email", value: email.trim().toLowerCase() }];
  if (ip) keys.push({ kind: "ip", value: ip });
  return keys;
}

function rowKey(key: ThrottleKey): string {
  return `${key.kind}:${key.value}`;
}

/** The moment the latest active lock ends, or null when none of the keys is locked. */
export async function lockedUntil(db: Db, keys: ThrottleKey[], now = new Date()): Promise<Date | null> {
  const rows = await db.signInThrottle.findMany({
    where: { key: { in: keys.map(rowKey) }, lockedUntil: { gt: now } },
    select: { lockedUntil: true },
  });
  const ends = rows.flatMap((row) => (row.lockedUntil ? [row.lockedUntil.getTime()] : []));
  return ends.length ? new Date(Math.max(...ends)) : null;
}

/**
 * Counts one failure against every key, in one statement per key so that concurrent attempts cannot both
 * read the old count. Returns the end of the lock this failure caused or extended, if any.
 */
export async function recordFailure(db: Db, keys: ThrottleKey[], now = new Date()): Promise<Date | null> {
  const windowStart = new Date(now.getTime() - throttleWindowMs);
  const lockEnd = new Date(now.getTime() + throttleLockMs);
  let latest: Date | null = null;
  for (const key of keys) {
    const rows = await db.$queryRaw<{ lockedUntil: Date | null }[]>`
      INSERT INTO "SignInThrottle" ("key", "failures", "windowStart", "lockedUntil")
      VALUES (${rowKey(key)}, 1, ${now}, ${maxFailures[key.kind] <= 1 ? lockEnd : null})
      ON CONFLICT ("key") DO UPDATE SET
        "failures" = CASE WHEN "SignInThrottle"."windowStart" < ${windowStart} THEN 1
                          ELSE "SignInThrottle"."failures" + 1 END,
        "windowStart" = CASE WHEN "SignInThrottle"."windowStart" < ${windowStart} THEN ${now}
                             ELSE "SignInThrottle"."windowStart" END,
        "lockedUntil" = CASE
          WHEN "SignInThrottle"."windowStart" >= ${windowStart}
           AND "SignInThrottle"."failures" + 1 >= ${maxFailures[key.kind]} THEN ${lockEnd}
          ELSE "SignInThrottle"."lockedUntil" END
      RETURNING "lockedUntil"`;
    const until = rows[0]?.lockedUntil;
    if (until && until > now && (!latest || until > latest)) latest = until;
  }
  return latest;
}

/** A successful sign-in forgives the e-mail's failures; the address keeps its count (one good account must
 *  not reset a guesser's budget for the others). */
export async function clearFailures(db: Db, email: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: rowKey({ kind: "email", value: email.trim().toLowerCase() }) } });
}
