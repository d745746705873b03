// The overview's chart: invoiced amount (net of the credit notes issued that day) and failures per Lisbon day
// over the last 30 days, for every visible store or one. Read from the daily rollups (StoreDailyInvoices, kept by triggers on Document;
// StoreDailyFailures, counted when a job fails), by their (day, storeId) keys: at most 30 rows per store,
// whatever the number of orders.
import { storeScope, type SessionUser } from "@/lib/access";
import { db } from "@/lib/db";
import { addDays, lisbonDay, type CalendarDay } from "@/lib/lisbon-time";

export const chartDays = 30;

export interface ChartDay {
  day: CalendarDay;
  /** Invoices (FT, FR, FS) issued that day: their count. */
  invoices: number;
  /** Credit notes (NC) issued that day, gross, in cents, whichever day the invoice they credit is from. */
  creditedCents: number;
  /** The invoices' gross total less that day's credit notes, in cents (below zero when credits outweigh it). */
  invoicedCents: number;
  /** Jobs that gave up that day. */
  failures: number;
}

// A calendar day as the @db.Date columns hold it, and back.
const dateOf = (day: CalendarDay) => new Date(`${day}T00:00:00Z`);
const dayOf = (date: Date): CalendarDay => date.toISOString().slice(0, 10);

/** The last 30 Lisbon days, oldest first, today included; days without activity are zeros. */
export async function getOverviewChart(
  user: SessionUser,
  options: { storeId?: string | null } = {},
  now = new Date(),
): Promise<ChartDay[]> {
  const today = lisbonDay(now);
  const first = addDays(today, -(chartDays - 1));
  const where = {
    ...storeScope(user),
    ...(options.storeId ? { storeId: options.storeId } : {}),
    day: { gte: dateOf(first), lte: dateOf(today) },
  };
  const [invoiced, failed] = await Promise.all([
    db.storeDailyInvoices.groupBy({ by: ["day"], where, _sum: { count: true, grossCents: true, creditedCents: true } }),
    db.storeDailyFailures.groupBy({ by: ["day"], where, _sum: { count: true } }),
  ]);
  const invoicedBy = new Map(invoiced.map((row) => [dayOf(row.day), row._sum]));
  const failedBy = new Map(failed.map((row) => [dayOf(row.day), row._sum.count ?? 0]));
  return Array.from({ length: chartDays }, (_, i) => {
    const day = addDays(first, i);
    const sums = invoicedBy.get(day);
    const creditedCents = Number(sums?.creditedCents ?? 0);
    return {
      day,
      invoices: sums?.count ?? 0,
      creditedCents,
      invoicedCents: Number(sums?.grossCents ?? 0) - creditedCents,
      failures: failedBy.get(day) ?? 0,
    };
  });
}
