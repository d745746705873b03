// Calendar days in Portuguese legal time. Ponte's "today", "this month" and legal deadlines are Lisbon
// days, whatever the server's own time zone is.
import { TZDate } from "@date-fns/tz";

export const lisbonZone = "Europe/Lisbon";

/** A calendar day, "YYYY-MM-DD". */
export type CalendarDay = string;

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function fromParts(year: number, month: number, day: number): CalendarDay {
  // Date.UTC normalises overflow (day 32 → next month), which makes day arithmetic trivial.
  const d = new Date(Date.UTC(year, month - 1, day));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function parts(day: CalendarDay): [number, number, number] {
  const [y, m, d] = day.split("-").map(Number);
  return [y ?? 1970, m ?? 1, d ?? 1];
}

/** The Lisbon calendar day of an instant. */
export function lisbonDay(instant: Date): CalendarDay {
  const local = new TZDate(instant.getTime(), lisbonZone);
  return fromParts(local.getFullYear(), local.getMonth() + 1, local.getDate());
}

export function addDays(day: CalendarDay, n: number): CalendarDay {
  const [y, m, d] = parts(day);
  return fromParts(y, m, d + n);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: CalendarDay): number {
  const [y, m, d] = parts(day);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** The instant a Lisbon day starts (00:00 Lisbon time). */
export function startOfLisbonDay(day: CalendarDay): Date {
  const [y, m, d] = parts(day);
  return new Date(new TZDate(y, m - 1, d, lisbonZone).getTime());
}

/** The instant the Lisbon month containing the instant starts. */
export function startOfLisbonMonth(instant: Date): Date {
  const [y, m] = parts(lisbonDay(instant));
  return startOfLisbonDay(fromParts(y, m, 1));
}
