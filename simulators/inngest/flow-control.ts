// Flow control as Inngest applies it:
// - concurrency limits the requests executing at once (each call to the app is one step), not runs: a run
//   waiting for a retry or a sleep holds no slot. Waiting requests start oldest run first.
// - throttle delays the start of runs beyond `limit` per `period` per key; it never drops them. Like Inngest's
//   queue it is a GCRA (generic cell rate algorithm): `limit + burst` runs may start at once, then one run
//   every `period / limit` (pkg/execution/state/redis_state/lua/includes/gcra.lua in inngest/inngest).
// - rateLimit and idempotency skip runs: idempotency is a rate limit of 1 per 24 h per key.
import { evaluateKey } from "./expressions";
import { parseDuration } from "./time";
import type { InngestEvent, RegisteredFunction } from "./types";

const DAY_MS = 86_400_000;

interface SlotGroup {
  name: string;
  limit: number;
}

interface Waiter {
  seq: number;
  groups: SlotGroup[];
  grant: () => void;
}

/** The concurrency groups a run of `fn` for `event` belongs to (one per configured limit). */
export function concurrencyGroups(fn: RegisteredFunction, event: InngestEvent): SlotGroup[] {
  return fn.concurrency.map((c, index) => {
    const key = evaluateKey(c.key, { event });
    // "env"/"account" scopes share a key across functions; the default "fn" scope is per function.
    const name = !c.scope || c.scope === "fn" ? `fn:${fn.id}:${index}:${key}` : `${c.scope}:${c.key ?? ""}:${key}`;
    return { name, limit: c.limit };
  });
}

export class ConcurrencyLimiter {
  private readonly inUse = new Map<string, number>();
  private waiters: Waiter[] = [];

  /** Resolves with a release function once every group has a free slot. `seq` orders waiters (oldest run first). */
  acquire(seq: number, groups: SlotGroup[]): Promise<() => void> {
    return new Promise((resolve) => {
      const waiter: Waiter = { seq, groups, grant: () => resolve(this.take(groups)) };
      this.waiters.push(waiter);
      this.waiters.sort((a, b) => a.seq - b.seq);
      this.grantWaiting();
    });
  }

  /** Drops every waiter (used on close: their runs are being abandoned). */
  clear() {
    this.waiters = [];
  }

  private fits(groups: SlotGroup[]): boolean {
    return groups.every((g) => (this.inUse.get(g.name) ?? 0) < g.limit);
  }

  private take(groups: SlotGroup[]): () => void {
    for (const g of groups) this.inUse.set(g.name, (this.inUse.get(g.name) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      for (const g of groups) this.inUse.set(g.name, (this.inUse.get(g.name) ?? 1) - 1);
      this.grantWaiting();
    };
  }

  private grantWaiting() {
    for (const waiter of [...this.waiters]) {
      if (!this.fits(waiter.groups)) continue;
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.grant();
    }
  }
}

export class Throttle {
  /** Per key, the theoretical arrival time (TAT) of GCRA: runs are admitted as if spaced `period / limit`. */
  private readonly tat = new Map<string, number>();

  /** Milliseconds from `now` until a run of `fn` for `event` may start (0 = now); reserves that start. */
  reserve(fn: RegisteredFunction, event: InngestEvent, now = Date.now()): number {
    const throttle = fn.throttle;
    if (!throttle) return 0;
    const limit = Math.max(1, throttle.limit);
    const emission = parseDuration(throttle.period) / limit;
    // The delay variation tolerance: how far ahead of now the TAT may run, i.e. `limit + burst` emissions.
    const tolerance = emission * (limit + (throttle.burst ?? 0));
    const key = `${fn.id}:${evaluateKey(throttle.key, { event })}`;
    const tat = Math.max(this.tat.get(key) ?? now, now);
    // FIFO, never dropped: the run starts as soon as the TAT it would set is within the tolerance.
    const start = Math.max(now, tat + emission - tolerance);
    this.tat.set(key, Math.max(tat, start) + emission);
    return start - now;
  }
}

export class RunLimits {
  private readonly windows = new Map<string, number[]>();

  /** Whether a run of `fn` for `event` may be created; when it may, the run is counted. */
  admit(
    fn: RegisteredFunction,
    event: InngestEvent,
    now = Date.now(),
  ): { ok: true } | { ok: false; reason: "idempotency" | "rateLimit" } {
    const checks: { reason: "idempotency" | "rateLimit"; key: string; limit: number; periodMs: number }[] = [];
    if (fn.idempotency) {
      checks.push({
        reason: "idempotency",
        key: `idem:${fn.id}:${evaluateKey(fn.idempotency, { event })}`,
        limit: 1,
        periodMs: DAY_MS,
      });
    } else if (fn.rateLimit) {
      const { key, limit, period } = fn.rateLimit;
      checks.push({
        reason: "rateLimit",
        key: `rate:${fn.id}:${evaluateKey(key, { event })}`,
        limit,
        periodMs: parseDuration(period),
      });
    }
    for (const check of checks) {
      const recent = (this.windows.get(check.key) ?? []).filter((t) => t > now - check.periodMs);
      if (recent.length >= check.limit) return { ok: false, reason: check.reason };
      this.windows.set(check.key, [...recent, now]);
    }
    return { ok: true };
  }
}
