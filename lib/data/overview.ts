// The overview: one row per visible store. A fixed number of queries, whatever the store count and history.
import { storeScope, storeScopeSql, storesVisibleTo, type SessionUser } from "@/lib/access";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { deadlineThresholds } from "@/lib/legal-deadline";
import { lisbonDay, startOfLisbonMonth } from "@/lib/lisbon-time";
import type { Readiness } from "@/lib/readiness/evaluate";
import { readStoredReadiness } from "@/lib/readiness/stored";

export interface StoreOverview {
  id: string;
  name: string;
  code: string;
  enabled: boolean;
  testMode: boolean;
  invoicedToday: { count: number; grossCents: number };
  invoicedMonth: { count: number; grossCents: number };
  failedJobs: number;
  awaitingInvoice: number;
  nearDeadline: number;
  overdue: number;
  lastWebhookAt: Date | null;
  /** The last readiness check (null: never checked). */
  readiness: Readiness | null;
}

function countsBy<T extends { storeId: string }>(rows: T[], value: (row: T) => number): Map<string, number> {
  return new Map(rows.map((row) => [row.storeId, value(row)]));
}

// A calendar day as the @db.Date columns hold it.
const dateOf = (day: string) => new Date(`${day}T00:00:00Z`);

export async function getOverview(user: SessionUser, now = new Date()): Promise<StoreOverview[]> {
  const scope = storeScope(user);
  const today = lisbonDay(now);
  const monthStart = startOfLisbonMonth(now);
  const { overdueBefore, nearBefore } = deadlineThresholds(now);

  // Counts and totals come from per-store rollups kept by the database (see StoreRollup), never from scans of
  // the orders, documents or deliveries: their cost does not grow with history. The deadline counts read the
  // partial index of paid orders awaiting their invoice, and only its rows paid since the overdue threshold.
  const [stores, rollups, month, todays, recent] = await Promise.all([
    db.store.findMany({
      where: storesVisibleTo(user),
      orderBy: { name: "asc" },
      select: { id: true, name: true, code: true, enabled: true, testMode: true, readiness: true },
    }),
    // A store's figures are spread over shards (StoreRollup): summed here.
    db.storeRollup.groupBy({
      by: ["storeId"],
      where: scope,
      _sum: { awaitingInvoice: true, failedJobs: true },
      _max: { lastWebhookAt: true },
    }),
    db.storeDailyInvoices.groupBy({
      by: ["storeId"],
      where: { ...scope, day: { gte: dateOf(lisbonDay(monthStart)) } },
      _sum: { count: true, grossCents: true },
    }),
    db.storeDailyInvoices.findMany({
      where: { ...scope, day: dateOf(today) },
      select: { storeId: true, count: true, grossCents: true },
    }),
    db.$queryRaw<{ storeId: string; near: number; notOverdue: number }[]>`
      SELECT o."storeId", count(*) FILTER (WHERE o."paidAt" < ${nearBefore})::int AS near,
             count(*)::int AS "notOverdue"
      FROM "Order" o
      WHERE o."paidAt" IS NOT NULL AND o."invoiceState" IN ('pending', 'failed') AND o."paidAt" >= ${overdueBefore}
        AND ${storeScopeSql(user, Prisma.sql`o."storeId"`)}
      GROUP BY o."storeId"`,
  ]);

  const rollup = new Map(
    rollups.map((r) => [
      r.storeId,
      {
        awaitingInvoice: r._sum.awaitingInvoice ?? 0,
        failedJobs: r._sum.failedJobs ?? 0,
        lastWebhookAt: r._max.lastWebhookAt,
      },
    ]),
  );
  const monthCount = countsBy(month, (r) => r._sum.count ?? 0);
  const monthSum = countsBy(month, (r) => Number(r._sum.grossCents ?? 0));
  const todayCount = countsBy(todays, (r) => r.count);
  const todaySum = countsBy(todays, (r) => Number(r.grossCents));
  const nearCount = countsBy(recent, (r) => r.near);
  const notOverdueCount = countsBy(recent, (r) => r.notOverdue);

  return stores.map((store) => ({
    ...store,
    readiness: readStoredReadiness(store.readiness),
    invoicedToday: { count: todayCount.get(store.id) ?? 0, grossCents: todaySum.get(store.id) ?? 0 },
    invoicedMonth: { count: monthCount.get(store.id) ?? 0, grossCents: monthSum.get(store.id) ?? 0 },
    failedJobs: rollup.get(store.id)?.failedJobs ?? 0,
    awaitingInvoice: rollup.get(store.id)?.awaitingInvoice ?? 0,
    nearDeadline: nearCount.get(store.id) ?? 0,
    overdue: (rollup.get(store.id)?.awaitingInvoice ?? 0) - (notOverdueCount.get(store.id) ?? 0),
    lastWebhookAt: rollup.get(store.id)?.lastWebhookAt ?? null,
  }));
}
