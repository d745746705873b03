// Exact arithmetic for amounts: every value is a fraction of BigInts, so quantities, unit prices, percentages
// and prorated discounts combine without floating-point drift, and rounding happens once, to the cent.

export interface Ratio {
  readonly n: bigint;
  /** Always positive. */
  readonly d: bigint;
}

const decimalPattern = /^(-?)(\d+)(?:\.(\d+))?$/;

/** Parses a decimal given as a string ("12.30") or a JSON number (12.3); null when it is not one. */
export function parseRatio(value: unknown): Ratio | null {
  let text: string;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return null;
    text = String(value);
  } else if (typeof value === "string") {
    text = value.trim();
  } else {
    return null;
  }
  const match = decimalPattern.exec(text);
  if (!match) return null;
  const [, sign, whole, fraction = ""] = match;
  const n = BigInt(`${whole}${fraction}`);
  return { n: sign ? -n : n, d: 10n ** BigInt(fraction.length) };
}

export function ratio(n: bigint | number, d: bigint | number = 1n): Ratio {
  const num = BigInt(n);
  const den = BigInt(d);
  if (den === 0n) throw new Error("Division by zero");
  return den < 0n ? { n: -num, d: -den } : { n: num, d: den };
}

export const cents = (value: number): Ratio => ratio(value, 100);

export const add = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.n, a.d * b.d);
export const div = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.d, a.d * b.n);

export const compare = (a: Ratio, b: Ratio): number => {
  const diff = a.n * b.d - b.n * a.d;
  return diff === 0n ? 0 : diff < 0n ? -1 : 1;
};

/** Integer division rounding half away from zero (the "half-up" of invoices). */
export function roundDiv(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (2n * n + d) / (2n * d);
  return negative ? -q : q;
}

/** Rounds to whole cents, half away from zero. */
export function toCents(value: Ratio): number {
  return Number(roundDiv(value.n * 100n, value.d));
}

/** The number of decimals a parsed decimal carries (a Ratio from parseRatio has d = 10^k). */
export function decimals(value: Ratio): number {
  let count = 0;
  let d = value.d;
  while (d % 10n === 0n && d > 1n) {
    d /= 10n;
    count += 1;
  }
  return d === 1n ? count : Number.POSITIVE_INFINITY;
}

/** Formats a ratio that is an exact decimal, with at least `minDecimals` places ("23.00", "5.5" → "5.50"). */
export function formatDecimal(value: Ratio, minDecimals = 2): string {
  const places = Math.max(minDecimals, decimals(value));
  if (!Number.isFinite(places)) throw new Error("Not a finite decimal");
  const scaled = (value.n * 10n ** BigInt(places)) / value.d;
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(places + 1, "0");
  const whole = digits.slice(0, digits.length - places);
  const fraction = digits.slice(digits.length - places);
  return `${negative ? "-" : ""}${whole}${places ? `.${fraction}` : ""}`;
}
