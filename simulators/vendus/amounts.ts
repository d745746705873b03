// How Ponte models Vendus's amounts (see simulators/README.md, "Amounts"). The invoicing engine reproduces
// this model on its own; both must agree to the cent. Do not share code with lib/invoicing: this file is an
// independent oracle, and its likeness to the engine is deliberate.
//   line_gross = round2(qty × gross_price × (1 − discount_percentage/100) − discount_amount)
//   per rate:    gross = Σ line_gross, base = round2(gross / (1 + rate/100)), vat = gross − base
//                (a rate of another country, tax_custom, is its own group: country + rate)
//   document:    amount_gross = Σ gross, amount_net = Σ base
import { add, cents, div, formatDecimal, mul, ratio, sub, toCents, type Ratio } from "./ratio";

export interface LineAmountsInput {
  qty: Ratio;
  /** Unit price, VAT included. */
  grossPrice: Ratio;
  /** 0–100, applied first. */
  discountPercentage: Ratio;
  /** Euros off the whole line, VAT included, applied after the percentage. */
  discountAmount: Ratio;
  /** Percent, e.g. 23. */
  rate: Ratio;
}

export interface LineAmounts {
  grossTotalCents: number;
  netTotalCents: number;
  grossUnitCents: number;
  netUnitCents: number;
}

const hundred = ratio(100);
const one = ratio(1);

/** The exact (unrounded) line value; exposed so that credit notes can prorate it before rounding. */
export function exactLineGross(input: Omit<LineAmountsInput, "rate">): Ratio {
  const keep = sub(one, div(input.discountPercentage, hundred));
  return sub(mul(mul(input.qty, input.grossPrice), keep), input.discountAmount);
}

/** Removes VAT from a VAT-included value and rounds to the cent. */
export function netOf(gross: Ratio, rate: Ratio): number {
  return toCents(div(gross, add(one, div(rate, hundred))));
}

export function computeLine(input: LineAmountsInput): LineAmounts {
  const grossTotalCents = toCents(exactLineGross(input));
  return {
    grossTotalCents,
    netTotalCents: netOf(cents(grossTotalCents), input.rate),
    grossUnitCents: toCents(input.grossPrice),
    netUnitCents: netOf(input.grossPrice, input.rate),
  };
}

export interface TaxGroup {
  /** The account's region for its own rates, the destination country for tax_custom lines. */
  country: string;
  /** The rate as Vendus prints it ("23.00"). */
  rate: string;
  grossCents: number;
  baseCents: number;
  vatCents: number;
}

/** Groups lines by country and rate, in first-seen order. */
export function groupByRate(lines: { grossTotalCents: number; rate: Ratio; country: string }[]): TaxGroup[] {
  const groups = new Map<string, { country: string; rate: Ratio; grossCents: number }>();
  for (const line of lines) {
    const key = `${line.country}|${formatDecimal(line.rate)}`;
    const group = groups.get(key) ?? { country: line.country, rate: line.rate, grossCents: 0 };
    group.grossCents += line.grossTotalCents;
    groups.set(key, group);
  }
  return [...groups.values()].map((group) => {
    const baseCents = netOf(cents(group.grossCents), group.rate);
    return {
      country: group.country,
      rate: formatDecimal(group.rate),
      grossCents: group.grossCents,
      baseCents,
      vatCents: group.grossCents - baseCents,
    };
  });
}

export function documentTotals(groups: TaxGroup[]): { grossCents: number; netCents: number } {
  return {
    grossCents: groups.reduce((sum, g) => sum + g.grossCents, 0),
    netCents: groups.reduce((sum, g) => sum + g.baseCents, 0),
  };
}
