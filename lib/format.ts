// Display formatting shared by server and client components. Dates are always shown in Lisbon time.
import { lisbonZone } from "./lisbon-time";

export { formatEuros } from "./money";

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: lisbonZone, ...options });
    cache.set(key, f);
  }
  return f;
}

function toDate(value: Date | string): Date {
  return typeof value === "string" ? new Date(value) : value;
}

// English uses day/month order (en-GB): the users are in Portugal, and 03/04 must mean the same in both languages.
const dateTimeOptions: Intl.DateTimeFormatOptions = {
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
};

/** "28/11/2026, 14:05" in both languages. */
export function formatDateTime(value: Date | string, locale: string): string {
  return formatter(locale === "en" ? "en-GB" : locale, dateTimeOptions).format(toDate(value));
}

/** "28/11/2026, 14:05:09": for a sequence of events, where the order within a minute matters. */
export function formatTimestamp(value: Date | string, locale: string): string {
  return formatter(locale === "en" ? "en-GB" : locale, { ...dateTimeOptions, second: "2-digit" }).format(toDate(value));
}

export function formatDate(value: Date | string, locale: string): string {
  return formatter(locale === "en" ? "en-GB" : locale, { dateStyle: "medium" }).format(toDate(value));
}

/** A calendar day "YYYY-MM-DD" as a readable date, without shifting it through a time zone. */
export function formatDay(day: string, locale: string): string {
  return formatDate(new Date(`${day}T12:00:00Z`), locale);
}

/** A calendar day "YYYY-MM-DD" as "02/12" (day/month in both languages). */
export function formatShortDay(day: string, locale: string): string {
  return formatter(locale === "en" ? "en-GB" : locale, { day: "2-digit", month: "2-digit" }).format(
    new Date(`${day}T12:00:00Z`),
  );
}

export function formatTime(value: Date | string, locale: string): string {
  return formatter(locale === "en" ? "en-GB" : locale, { hour: "2-digit", minute: "2-digit" }).format(toDate(value));
}
