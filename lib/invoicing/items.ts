// Turns line targets into Vendus items: the tax code (or exemption, or another country's VAT) and a price
// pair that makes Vendus land on the exact cents the customer paid.
import type { VendusDocumentItem } from "@/lib/vendus/types";
import type { LineTarget } from "./lines";
import { EXPORT_EXEMPTION, INTRA_EU_EXEMPTION, ossTaxFor, type TaxRegime } from "./oss";
import { describeLine, problem } from "./problems";
import type { InvoiceContext, InvoiceProblem } from "./types";
import { REGION_NAMES, REGION_RATES, taxCodeForRate } from "./vat";

export interface ItemsResult {
  items: VendusDocumentItem[];
  problems: InvoiceProblem[];
  warnings: string[];
}

/**
 * Vendus multiplies a 2-decimal unit price by the quantity, so a tax-exclusive 9.99 + 23 % (12.2877) cannot
 * be sent as a unit price. Each line is sent as the unit price rounded up to the cent and a line discount
 * that brings it down to the exact target: discount_amount = qty × gross_price − target, which also carries
 * the line's real discounts.
 */
export function priceLine(line: LineTarget): { grossPriceCents: number; discountCents: number } {
  const grossPriceCents = Math.max(line.unitGrossCents, Math.ceil(line.targetCents / line.qty));
  return { grossPriceCents, discountCents: line.qty * grossPriceCents - line.targetCents };
}

export function buildItems(
  lines: readonly LineTarget[],
  regime: TaxRegime,
  ctx: InvoiceContext,
  taxDate: string,
): ItemsResult {
  const problems: InvoiceProblem[] = [];
  const warnings: string[] = [];
  const items: VendusDocumentItem[] = [];
  const unknownRates = new Set<number>();
  let missingExemption = false;

  for (const [index, line] of lines.entries()) {
    const { grossPriceCents, discountCents } = priceLine(line);
    const item: VendusDocumentItem = {
      reference: line.reference,
      title: line.title,
      qty: line.qty,
      gross_price: grossPriceCents / 100,
      ...(discountCents > 0 ? { discount_amount: discountCents / 100 } : {}),
    };
    const code = taxCodeForRate(ctx.region, line.rate);
    if (regime.kind === "intra_eu_b2b" || regime.kind === "export") {
      const exemption = regime.kind === "export" ? EXPORT_EXEMPTION : INTRA_EU_EXEMPTION;
      Object.assign(item, { tax_id: "ISE", tax_exemption: exemption.code, tax_exemption_law: exemption.law });
    } else if (regime.kind === "oss") {
      // Every OSS line, 0 % included, must carry a rate of the destination state on the tax date.
      const where =
        line.kind === "shipping" ? `Shipping ("${line.title}")` : capitalize(describeLine(index, line.title));
      const found = ossTaxFor(regime.country, line.rate, taxDate, where);
      if ("problem" in found) problems.push(found.problem);
      else Object.assign(item, { tax_id: found.tax.code, tax_custom: found.tax });
    } else if (code === "ISE") {
      if (ctx.exemption) {
        Object.assign(item, { tax_id: "ISE", tax_exemption: ctx.exemption.code, tax_exemption_law: ctx.exemption.law });
      } else missingExemption = true;
    } else if (code === null) {
      unknownRates.add(line.rate);
    } else {
      item.tax_id = code;
    }
    item.type_id = line.kind === "shipping" ? "O" : "P";
    items.push(item);
  }

  const rates = REGION_RATES[ctx.region];
  for (const rate of unknownRates) {
    problems.push(
      problem(
        "unknown_vat_rate",
        `The order charges VAT at ${rate} %, which is not a rate of ${REGION_NAMES[ctx.region]} ` +
          `(${rates.NOR} / ${rates.INT} / ${rates.RED} / 0 %). Correct the tax in Jumpseller or check the ` +
          "Vendus account's region.",
        { rate, region: ctx.region },
      ),
    );
  }
  if (missingExemption) {
    problems.push(
      problem(
        "missing_exemption",
        "The order has a line at 0 % VAT, and a VAT-exempt line needs an exemption reason (M01…M99) and its " +
          "legal basis. Set the exemption in the store's invoicing settings.",
      ),
    );
  }
  if (regime.kind === "intra_eu_b2b") {
    warnings.push(
      `Issued VAT-exempt as an intra-community supply (M16, art. 14.º of the RITI) to ${regime.country}: the ` +
        "customer's VAT number must be valid in VIES, and proof of transport must be kept.",
    );
  }
  if (regime.kind === "export") {
    const where = regime.territory ? `${regime.territory} (${regime.country})` : regime.country;
    warnings.push(
      `Issued VAT-exempt as an export (M05, art. 14.º of the CIVA) to ${where}: keep the customs ` +
        "proof that the goods left the EU VAT area.",
    );
  }
  return { items, problems, warnings };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
