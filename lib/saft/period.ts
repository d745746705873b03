// The month a SAF-T (PT) file covers. Each month's documents are reported by day 5 of the next month, so
// the month an accountant usually wants is the previous one, counted in Lisbon time.
import { z } from "zod";
import { lisbonDay } from "@/lib/lisbon-time";

export interface SaftPeriod {
  year: number;
  month: number;
}

export const saftPeriodSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  month: z.coerce.number().int().min(1).max(12),
});

/** "2026-03" */
export function periodLabel({ year, month }: SaftPeriod): string {
  return `${year}-${String(month).padStart(2, "0")}`;
}

export function currentPeriod(now = new Date()): SaftPeriod {
  const [year, month] = lisbonDay(now).split("-").map(Number) as [number, number];
  return { year, month };
}

export function previousPeriod(now = new Date()): SaftPeriod {
  const { year, month } = currentPeriod(now);
  return month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
}

/** A month that has not started yet has no documents to report. */
export function isFuturePeriod(period: SaftPeriod, now = new Date()): boolean {
  const current = currentPeriod(now);
  return period.year * 12 + period.month > current.year * 12 + current.month;
}

/** SAFT-PT_<store code>_<YYYY-MM>.xml, with anything unsafe in a file name replaced. */
export function saftFilename(storeCode: string, period: SaftPeriod): string {
  return `SAFT-PT_${storeCode.replace(/[^\w-]+/g, "_")}_${periodLabel(period)}.xml`;
}
