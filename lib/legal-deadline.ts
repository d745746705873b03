// The invoice deadline: CIVA art. 36 n.º 1 b) — an invoice must be issued no later than the 5th working day
// after the tax becomes due (for these shops, the day the order is paid). Working days exclude weekends and
// Portuguese national holidays; municipal holidays are not counted, so the deadline errs on the early side.
import { addDays, type CalendarDay, lisbonDay, startOfLisbonDay, weekday } from "./lisbon-time";

export const invoiceDeadlineWorkingDays = 5;
// "Close to the deadline": the last day to invoice falls within this many working days from today.
export const nearDeadlineWorkingDays = 2;

/** Easter Sunday (Gregorian computus, anonymous algorithm). */
export function easterSunday(year: number): CalendarDay {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const fixedHolidays = ["01-01", "04-25", "05-01", "06-10", "08-15", "10-05", "11-01", "12-01", "12-08", "12-25"];
const holidayCache = new Map<number, Set<CalendarDay>>();

/** National holidays (Código do Trabalho art. 234), including Good Friday and Corpus Christi. */
export function nationalHolidays(year: number): Set<CalendarDay> {
  let set = holidayCache.get(year);
  if (!set) {
    const easter = easterSunday(year);
    set = new Set([...fixedHolidays.map((md) => `${year}-${md}`), addDays(easter, -2), easter, addDays(easter, 60)]);
    holidayCache.set(year, set);
  }
  return set;
}

export function isWorkingDay(day: CalendarDay): boolean {
  const wd = weekday(day);
  return wd !== 0 && wd !== 6 && !nationalHolidays(Number(day.slice(0, 4))).has(day);
}

/** The nth working day after the given day (the day itself does not count). */
export function addWorkingDays(day: CalendarDay, n: number): CalendarDay {
  let current = day;
  for (let left = n; left > 0;) {
    current = addDays(current, 1);
    if (isWorkingDay(current)) left--;
  }
  return current;
}

/** The last Lisbon day on which an order paid at `paidAt` may still be invoiced. */
export function invoiceDeadline(paidAt: Date): CalendarDay {
  return addWorkingDays(lisbonDay(paidAt), invoiceDeadlineWorkingDays);
}

export type DeadlineStatus = "overdue" | "near" | "ok";

export function deadlineStatus(paidAt: Date, now = new Date()): DeadlineStatus {
  const deadline = invoiceDeadline(paidAt);
  const today = lisbonDay(now);
  if (deadline < today) return "overdue";
  return deadline <= addWorkingDays(today, nearDeadlineWorkingDays) ? "near" : "ok";
}

// The deadline only moves forward as the payment day does, so "deadline ≤ X" is "paid before some instant":
// a plain range on paidAt that the database can count without loading the orders.
export function paidBeforeForDeadlineAtMost(lastDeadline: CalendarDay): Date {
  let day = lastDeadline;
  while (addWorkingDays(day, invoiceDeadlineWorkingDays) > lastDeadline) day = addDays(day, -1);
  return startOfLisbonDay(addDays(day, 1));
}

/**
 * paidAt bounds for counting unpaid-invoice orders: paid before `overdueBefore` → past the deadline;
 * paid in [overdueBefore, nearBefore) → deadline within the next few working days.
 */
export function deadlineThresholds(now = new Date()): { overdueBefore: Date; nearBefore: Date } {
  const today = lisbonDay(now);
  return {
    overdueBefore: paidBeforeForDeadlineAtMost(addDays(today, -1)),
    nearBefore: paidBeforeForDeadlineAtMost(addWorkingDays(today, nearDeadlineWorkingDays)),
  };
}
