// The document as Vendus will compute it, so that a document is only sent when its total is known.
// Per item: line_gross = round2(qty × gross_price × (1 − discount_percentage/100) − discount_amount).
// Per rate: gross = Σ line_gross, base = round2(gross / (1 + rate/100)), vat = gross − base.
import { toCents } from "@/lib/money";
import type { VendusDocumentItem } from "@/lib/vendus/types";
import { divideRounded, rateBasisPoints } from "./allocate";
import type { Region, TaxSummary } from "./types";
import { rateForTaxCode } from "./vat";

export interface VendusTotals {
  grossCents: number;
  netCents: number;
  /** One entry per rate (and destination country for OSS), in the order the items first use them. */
  taxes: TaxSummary[];
  /** Each item's gross in cents, in item order. */
  lineGrossCents: number[];
}

export function computeVendusLineGross(item: VendusDocumentItem): number {
  const unit = toCents(item.gross_price ?? 0);
  const amountOff = toCents(item.discount_amount ?? 0);
  const percentage = item.discount_percentage ?? 0;
  if (percentage === 0 && Number.isInteger(item.qty)) return item.qty * unit - amountOff;
  const exact = (item.qty * unit * (100 - percentage)) / 100 - amountOff;
  // Strip binary noise (1.005 × 100 = 100.49999…) before rounding half away from zero.
  const cleaned = Math.round(exact * 1e6) / 1e6;
  return Math.sign(cleaned) * Math.round(Math.abs(cleaned));
}

export function computeVendusTotals(items: readonly VendusDocumentItem[], region: Region): VendusTotals {
  const groups = new Map<string, { rate: number; country?: string; gross: number }>();
  const lineGrossCents: number[] = [];
  for (const item of items) {
    const gross = computeVendusLineGross(item);
    lineGrossCents.push(gross);
    const custom = item.tax_custom;
    if (!custom && !item.tax_id) throw new Error(`Item ${item.reference ?? item.id} has no tax_id`);
    const rate = custom ? custom.rate : rateForTaxCode(region, item.tax_id!);
    const key = custom ? `${custom.country}|${rate}` : `|${rate}`;
    const group = groups.get(key) ?? { rate, ...(custom ? { country: custom.country } : {}), gross: 0 };
    group.gross += gross;
    groups.set(key, group);
  }
  const taxes: TaxSummary[] = [];
  let grossCents = 0;
  let netCents = 0;
  for (const { rate, country, gross } of groups.values()) {
    const base = Number(divideRounded(BigInt(gross) * 10000n, 10000n + rateBasisPoints(rate)));
    taxes.push({ rate, ...(country ? { country } : {}), baseCents: base, vatCents: gross - base });
    grossCents += gross;
    netCents += base;
  }
  return { grossCents, netCents, taxes, lineGrossCents };
}
