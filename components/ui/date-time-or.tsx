import { formatDateTime } from "@/lib/format";

/** A moment in the reader's locale, or a muted word (e.g. "never") when there is none. */
export function DateTimeOr({ value, locale, none }: { value: Date | string | null; locale: string; none: string }) {
  return value ? formatDateTime(value, locale) : <span className="text-zinc-400">{none}</span>;
}
