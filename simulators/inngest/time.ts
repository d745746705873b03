// Time strings ("300ms", "2h45m", "1d"), Retry-After values and five-field cron schedules.

const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/** Parses an Inngest time string, or an ISO date (then: milliseconds from `now`, never negative). */
export function parseDuration(value: string, now = Date.now()): number {
  const parts = [...value.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h|d|w)/g)];
  if (parts.length && parts.map((p) => p[0]).join("") === value.trim()) {
    return parts.reduce((total, [, amount, unit]) => total + Number(amount) * UNIT_MS[unit!]!, 0);
  }
  const date = Date.parse(value);
  if (Number.isNaN(date)) throw new Error(`Not a time string or date: ${value}`);
  return Math.max(0, date - now);
}

/**
 * `Retry-After` as the SDK sends it: whole seconds (`RetryAfterError(msg, ms)` rounds up) or an ISO date
 * (`RetryAfterError(msg, date)`). Returns milliseconds from `now`, or undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1_000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const FIELD_RANGES: [number, number][] = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 7],
];
const NAMES: Record<string, number> = Object.fromEntries([
  ...["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].map((m, i) => [m, i + 1]),
  ...["sun", "mon", "tue", "wed", "thu", "fri", "sat"].map((d, i) => [d, i]),
]);

function fieldMatches(spec: string, value: number, [min, max]: [number, number]): boolean {
  return spec.split(",").some((part) => {
    const [range, stepText] = part.split("/");
    const step = stepText ? Number(stepText) : 1;
    let [from, to] = [min, max];
    if (range !== "*") {
      const [a, b] = range!.split("-").map((n) => NAMES[n.toLowerCase()] ?? Number(n));
      from = a!;
      to = b ?? (stepText ? max : a!);
    }
    return value >= from && value <= to && (value - from) % step === 0;
  });
}

/** Whether a cron schedule (optionally prefixed `TZ=Europe/Lisbon`) fires in the minute of `at`. */
export function cronMatches(schedule: string, at: Date): boolean {
  const tzMatch = /^(?:CRON_)?TZ=(\S+)\s+/.exec(schedule);
  const fields = schedule
    .slice(tzMatch?.[0].length ?? 0)
    .trim()
    .split(/\s+/);
  if (fields.length !== 5) throw new Error(`Unsupported cron schedule (five fields expected): ${schedule}`);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone: tzMatch?.[1] ?? "UTC",
      hourCycle: "h23",
      minute: "numeric",
      hour: "numeric",
      day: "numeric",
      month: "numeric",
      weekday: "short",
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const weekday = NAMES[String(parts.weekday).toLowerCase()]!;
  const values = [Number(parts.minute), Number(parts.hour), Number(parts.day), Number(parts.month), weekday];
  const [minute, hour, dom, month, dow] = fields as [string, string, string, string, string];
  const domOk = fieldMatches(dom, values[2]!, FIELD_RANGES[2]!);
  const dowOk =
    fieldMatches(dow, values[4]!, FIELD_RANGES[4]!) || (weekday === 0 && fieldMatches(dow, 7, FIELD_RANGES[4]!));
  // Classic cron: when both day fields are restricted, either one matching is enough.
  const dayOk = dom !== "*" && dow !== "*" ? domOk || dowOk : domOk && dowOk;
  return (
    dayOk &&
    fieldMatches(minute, values[0]!, FIELD_RANGES[0]!) &&
    fieldMatches(hour, values[1]!, FIELD_RANGES[1]!) &&
    fieldMatches(month, values[3]!, FIELD_RANGES[3]!)
  );
}
