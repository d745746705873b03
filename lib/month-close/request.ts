// Asking for month-close reports: one row per store and month is (re)queued and its event sent. The page
// and the CLI call this; the report itself is built in the background (inngest/functions/build-month-close).
import { storesVisibleTo, can, type SessionUser } from "@/lib/access";
import { recordAudit } from "@/lib/audit";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { inngest } from "@/lib/inngest/client";
import { monthCloseRequested } from "@/lib/inngest/events";
import { vendusThrottleKey } from "@/lib/jobs/dispatch";
import type { MonthPeriod } from "./period";

/** A run that has not finished after this long is presumed lost: a new request replaces it. */
export const staleRunMs = 30 * 60_000;

export type SendMonthCloseEvents = (events: ReturnType<typeof monthCloseRequested.create>[]) => Promise<unknown>;

const inngestSender: SendMonthCloseEvents = (events) => inngest.send(events);

export interface RequestResult {
  requested: string[];
  /** Stores whose report is already being built. */
  running: string[];
  /** Stores that cannot be read yet (no Vendus key). */
  notConnected: string[];
}

/** Queues the reports of the given stores (no permission check: callers decide who may ask). */
export async function queueMonthCloses(
  db: Db,
  storeWhere: Prisma.StoreWhereInput,
  period: MonthPeriod,
  options: { requestedById?: string | null; send?: SendMonthCloseEvents; now?: Date } = {},
): Promise<RequestResult> {
  const now = options.now ?? new Date();
  const requestedById = options.requestedById ?? null;
  const stores = await db.store.findMany({
    where: storeWhere,
    select: {
      id: true,
      credential: { select: { storeId: true } },
      monthCloses: { where: { year: period.year, month: period.month }, select: { run: true, requestedAt: true } },
    },
    orderBy: { name: "asc" },
  });
  const result: RequestResult = { requested: [], running: [], notConnected: [] };
  const events: ReturnType<typeof monthCloseRequested.create>[] = [];
  for (const store of stores) {
    if (!store.credential) {
      result.notConnected.push(store.id);
      continue;
    }
    const current = store.monthCloses[0];
    const busy =
      current &&
      (current.run === "queued" || current.run === "running") &&
      now.getTime() - current.requestedAt.getTime() < staleRunMs;
    if (busy) {
      result.running.push(store.id);
      continue;
    }
    const close = await db.monthClose.upsert({
      where: { storeId_year_month: { storeId: store.id, year: period.year, month: period.month } },
      create: { storeId: store.id, ...period, run: "queued", requestedAt: now, requestedById },
      update: { run: "queued", progress: 0, phase: null, requestedAt: now, requestedById, error: null },
      select: { id: true, requestedAt: true },
    });
    events.push(
      monthCloseRequested.create(
        {
          closeId: close.id,
          storeId: store.id,
          year: period.year,
          month: period.month,
          requestedAt: close.requestedAt.toISOString(),
          vendusKey: await vendusThrottleKey(db, store.id),
        },
        { id: `month-close:${close.id}:${close.requestedAt.getTime()}` },
      ),
    );
    result.requested.push(store.id);
  }
  if (events.length === 0) return result;
  try {
    await (options.send ?? inngestSender)(events);
  } catch (error) {
    // Nothing runs without its event: say so on the rows instead of leaving them "queued" forever.
    const message = `Could not start the report: ${error instanceof Error ? error.message : String(error)}`;
    await db.monthClose.updateMany({
      where: { storeId: { in: result.requested }, year: period.year, month: period.month, run: "queued" },
      data: { run: "failed", error: message, finishedAt: now },
    });
    throw error;
  }
  return result;
}

/** A user's request: accountants and admins, for the stores they see (all of them, or the ones given). */
export async function requestMonthCloses(
  db: Db,
  user: SessionUser,
  period: MonthPeriod,
  options: { storeIds?: string[]; send?: SendMonthCloseEvents; now?: Date } = {},
): Promise<RequestResult | { error: "forbidden" }> {
  if (!can(user, "month-close.refresh")) return { error: "forbidden" };
  const result = await queueMonthCloses(
    db,
    { AND: [storesVisibleTo(user), options.storeIds ? { id: { in: options.storeIds } } : {}] },
    period,
    { requestedById: user.id, send: options.send, now: options.now },
  );
  if (result.requested.length > 0) {
    await recordAudit(db, {
      actorId: user.id,
      action: "month_close.requested",
      targetType: "month",
      targetId: `${period.year}-${String(period.month).padStart(2, "0")}`,
      details: { stores: result.requested },
    });
  }
  return result;
}
