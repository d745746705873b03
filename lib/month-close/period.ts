// The month a close covers, in Lisbon time: its first and last calendar days (what Vendus's document dates
// are) and the instants it starts and ends (what payment times are compared with).
import { addDays, type CalendarDay, lisbonDay, startOfLisbonDay } from "@/lib/lisbon-time";
import type { SaftPeriod } from "@/lib/saft/period";

export type MonthPeriod = SaftPeriod;

export interface MonthBounds {
  firstDay: CalendarDay;
  lastDay: CalendarDay;
  /** 00:00 Lisbon on the first day. */
  start: Date;
  /** 00:00 Lisbon on the first day of the next month (exclusive). */
  end: Date;
}

function day(year: number, month: number, d: number): CalendarDay {
  return `${year}-${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export function nextMonth({ year, month }: MonthPeriod): MonthPeriod {
  return month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
}

export function monthBounds(period: MonthPeriod): MonthBounds {
  const next = nextMonth(period);
  const firstDay = day(period.year, period.month, 1);
  const nextFirst = day(next.year, next.month, 1);
  return {
    firstDay,
    lastDay: addDays(nextFirst, -1),
    start: startOfLisbonDay(firstDay),
    end: startOfLisbonDay(nextFirst),
  };
}

export function isInMonth(instant: Date, bounds: MonthBounds): boolean {
  return instant >= bounds.start && instant < bounds.end;
}

/** The Lisbon month of an instant. */
export function monthOf(instant: Date): MonthPeriod {
  const [year, month] = lisbonDay(instant).split("-").map(Number) as [number, number];
  return { year, month };
}
