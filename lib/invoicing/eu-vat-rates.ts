// VAT rates of the EU member states (and of Northern Ireland, XI, which applies the UK's rates to goods under
// EU rules) for sales of goods taxed at destination through the One-Stop-Shop. Source: the European
// Commission's "VAT rates applied in the Member States of the European Union" (Taxes in Europe Database),
// with each change since 1 January 2025 checked against the member state's own announcement; see
// lib/invoicing/README.md for the list. Zero rates are not listed: a 0 % line in an OSS sale is refused.
//
// Only the rates a shop can charge on goods sent from Portugal are listed: regional rates that apply only to
// sellers established in the region (the Greek islands' 17/9/4 %, Corsica's 0.9/13 %, Jungholz and
// Mittelberg) are left out, so a sale charged at one of them is refused rather than accepted on a guess.
// The table starts on 2025-01-01; an OSS sale dated earlier is refused.

export interface RatePeriod {
  /** First day the rates apply, YYYY-MM-DD; a period lasts until the next one starts. */
  from: string;
  standard: number;
  /** Every other rate (reduced, super-reduced, parking), highest first. */
  reduced: number[];
}

export const RATES_TABLE_START = "2025-01-01";
/** When the table was last checked against the sources. */
export const RATES_TABLE_CHECKED = "2026-12-02";

export const EU_VAT_RATES: Record<string, RatePeriod[]> = {
  AT: [
    { from: "2025-01-01", standard: 20, reduced: [13, 10] },
    // 4.9 % on a list of basic foods (UStG amendment, in force 1 July 2026).
    { from: "2026-07-01", standard: 20, reduced: [13, 10, 4.9] },
  ],
  BE: [{ from: "2025-01-01", standard: 21, reduced: [12, 6] }],
  BG: [{ from: "2025-01-01", standard: 20, reduced: [9] }],
  CY: [{ from: "2025-01-01", standard: 19, reduced: [9, 5, 3] }],
  CZ: [{ from: "2025-01-01", standard: 21, reduced: [12] }],
  DE: [{ from: "2025-01-01", standard: 19, reduced: [7] }],
  DK: [{ from: "2025-01-01", standard: 25, reduced: [] }],
  EE: [
    // 1 January 2025: accommodation 9 → 13 %, press publications 5 → 9 %.
    { from: "2025-01-01", standard: 22, reduced: [13, 9] },
    { from: "2025-07-01", standard: 24, reduced: [13, 9] },
  ],
  ES: [{ from: "2025-01-01", standard: 21, reduced: [10, 4] }],
  FI: [
    // Standard 25.5 % since 1 September 2024; on 1 January 2025 many 10 % supplies moved to 14 %.
    { from: "2025-01-01", standard: 25.5, reduced: [14, 10] },
    // 1 January 2026: the 14 % rate became 13.5 %.
    { from: "2026-01-01", standard: 25.5, reduced: [13.5, 10] },
  ],
  FR: [{ from: "2025-01-01", standard: 20, reduced: [10, 5.5, 2.1] }],
  GR: [{ from: "2025-01-01", standard: 24, reduced: [13, 6] }],
  HR: [{ from: "2025-01-01", standard: 25, reduced: [13, 5] }],
  HU: [{ from: "2025-01-01", standard: 27, reduced: [18, 5] }],
  IE: [{ from: "2025-01-01", standard: 23, reduced: [13.5, 9, 4.8] }],
  IT: [{ from: "2025-01-01", standard: 22, reduced: [10, 5, 4] }],
  LT: [
    { from: "2025-01-01", standard: 21, reduced: [9, 5] },
    // 1 January 2026 (Law XV-287): the 9 % rate is replaced by 12 %.
    { from: "2026-01-01", standard: 21, reduced: [12, 5] },
  ],
  LU: [{ from: "2025-01-01", standard: 17, reduced: [14, 8, 3] }],
  LV: [{ from: "2025-01-01", standard: 21, reduced: [12, 5] }],
  MT: [{ from: "2025-01-01", standard: 18, reduced: [7, 5] }],
  NL: [{ from: "2025-01-01", standard: 21, reduced: [9] }],
  PL: [{ from: "2025-01-01", standard: 23, reduced: [8, 5] }],
  PT: [{ from: "2025-01-01", standard: 23, reduced: [13, 6] }],
  RO: [
    { from: "2025-01-01", standard: 19, reduced: [9, 5] },
    // 1 August 2025 (Law 141/2025): standard 21 %, the 9 % and 5 % rates merged into 11 %.
    { from: "2025-08-01", standard: 21, reduced: [11] },
  ],
  SE: [{ from: "2025-01-01", standard: 25, reduced: [12, 6] }],
  SI: [{ from: "2025-01-01", standard: 22, reduced: [9.5, 5] }],
  SK: [
    // 1 January 2025: standard 20 → 23 %; the 10 % rate abolished, 19 % introduced, 5 % kept.
    { from: "2025-01-01", standard: 23, reduced: [19, 5] },
  ],
  // Northern Ireland: the UK's rates (standard 20 %, reduced 5 %).
  XI: [{ from: "2025-01-01", standard: 20, reduced: [5] }],
};

/** The rates in force in `state` on `date` (YYYY-MM-DD), or null before the table starts. */
export function ratesOn(state: string, date: string): RatePeriod | null {
  const periods = EU_VAT_RATES[state];
  if (!periods) return null;
  let found: RatePeriod | null = null;
  for (const period of periods) if (period.from <= date) found = period;
  return found;
}

export type OssCode = "NOR" | "INT" | "RED";

/**
 * SAF-T's level for a destination rate: NOR for the standard rate, RED for the lowest rate, INT for any rate
 * in between (SAF-T has only these three levels). Null when the rate is not a rate of the state that day.
 */
export function ossCodeFor(period: RatePeriod, rate: number): OssCode | null {
  if (same(period.standard, rate)) return "NOR";
  const index = period.reduced.findIndex((r) => same(r, rate));
  if (index < 0) return null;
  return index === period.reduced.length - 1 ? "RED" : "INT";
}

export function describeRates(period: RatePeriod): string {
  return [period.standard, ...period.reduced].map((r) => `${r} %`).join(", ");
}

function same(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-9;
}
