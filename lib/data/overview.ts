// The overview: one row per visible store. A fixed number of grouped queries, whatever the store count.
import { storeScope, storesVisibleTo, type SessionUser } from "@/lib/access";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { deadlineThresholds } from "@/lib/legal-deadline";
import { lisbonDay, startOfLisbonDay, startOfLisbonMonth } from "@/lib/lisbon-time";

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
}

const invoiceTypes = { in: ["FT", "FR", "FS"] } satisfies Prisma.EnumDocumentTypeFilter;
// Paid, but no invoice yet: the orders the legal deadline applies to.
const awaitingInvoice = { paidAt: { not: null }, invoiceState: { in: ["pending", "failed"] } } satisfies Prisma.OrderWhereInput;

function countsBy<T extends { storeId: string }>(rows: T[], value: (row: T) => number): Map<string, number> {
  return new Map(rows.map((row) => [row.storeId, value(row)]));
}

export async function getOverview(user: SessionUser, now = new Date()): Promise<StoreOverview[]> {
  const scope = storeScope(user);
  const today = startOfLisbonDay(lisbonDay(now));
  const month = startOfLisbonMonth(now);
  const { overdueBefore, nearBefore } = deadlineThresholds(now);

  const [stores, docsMonth, docsToday, failed, awaiting, near, overdue, webhooks] = await Promise.all([
    db.store.findMany({
      where: storesVisibleTo(user),
      orderBy: { name: "asc" },
      select: { id: true, name: true, code: true, enabled: true, testMode: true },
    }),
    db.document.groupBy({
      by: ["storeId"],
      where: { ...scope, type: invoiceTypes, issuedAt: { gte: month } },
      _count: { _all: true },
      _sum: { amountGrossCents: true },
    }),
    db.document.groupBy({
      by: ["storeId"],
      where: { ...scope, type: invoiceTypes, issuedAt: { gte: today } },
      _count: { _all: true },
      _sum: { amountGrossCents: true },
    }),
    db.job.groupBy({ by: ["storeId"], where: { ...scope, status: "failed" }, _count: { _all: true } }),
    db.order.groupBy({ by: ["storeId"], where: { ...scope, ...awaitingInvoice }, _count: { _all: true } }),
    db.order.groupBy({
      by: ["storeId"],
      where: { ...scope, ...awaitingInvoice, paidAt: { gte: overdueBefore, lt: nearBefore } },
      _count: { _all: true },
    }),
    db.order.groupBy({
      by: ["storeId"],
      where: { ...scope, ...awaitingInvoice, paidAt: { lt: overdueBefore } },
      _count: { _all: true },
    }),
    db.webhookDelivery.groupBy({ by: ["storeId"], where: scope, _max: { lastSeenAt: true } }),
  ]);

  const monthCount = countsBy(docsMonth, (r) => r._count._all);
  const monthSum = countsBy(docsMonth, (r) => r._sum.amountGrossCents ?? 0);
  const todayCount = countsBy(docsToday, (r) => r._count._all);
  const todaySum = countsBy(docsToday, (r) => r._sum.amountGrossCents ?? 0);
  const failedCount = countsBy(failed, (r) => r._count._all);
  const awaitingCount = countsBy(awaiting, (r) => r._count._all);
  const nearCount = countsBy(near, (r) => r._count._all);
  const overdueCount = countsBy(overdue, (r) => r._count._all);
  const lastWebhook = new Map(webhooks.map((r) => [r.storeId, r._max.lastSeenAt]));

  return stores.map((store) => ({
    ...store,
    invoicedToday: { count: todayCount.get(store.id) ?? 0, grossCents: todaySum.get(store.id) ?? 0 },
    invoicedMonth: { count: monthCount.get(store.id) ?? 0, grossCents: monthSum.get(store.id) ?? 0 },
    failedJobs: failedCount.get(store.id) ?? 0,
    awaitingInvoice: awaitingCount.get(store.id) ?? 0,
    nearDeadline: nearCount.get(store.id) ?? 0,
    overdue: overdueCount.get(store.id) ?? 0,
    lastWebhookAt: lastWebhook.get(store.id) ?? null,
  }));
}
