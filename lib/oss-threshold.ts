// The OSS threshold (VAT Directive art. 59c; RITI art. 6.º): a Portuguese seller's intra-EU distance sales of
// goods to consumers, all member states together, may be taxed in Portugal while they stay at or under EUR
// 10,000 (net of VAT) in the current and the preceding calendar year. Past it, the destination's VAT is due
// (the store's OSS setting). Plain rules; the figures come from lib/data/oss-threshold.ts.

export const ossThresholdCents = 1_000_000;
/** Warn before the threshold is crossed, so the seller can register for OSS in time. */
export const ossWarningRatio = 0.8;

export type OssLevel = "under" | "warning" | "crossed";

export function ossLevel(netCents: number): OssLevel {
  if (netCents > ossThresholdCents) return "crossed";
  return netCents >= ossThresholdCents * ossWarningRatio ? "warning" : "under";
}

/** An alert: the threshold was crossed this year or last, and the store still charges Portuguese VAT. */
export function needsOss(input: { oss: boolean; yearCents: number; previousYearCents: number }): boolean {
  return !input.oss && (ossLevel(input.yearCents) === "crossed" || ossLevel(input.previousYearCents) === "crossed");
}
