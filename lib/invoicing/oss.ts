// Where a sale is taxed. Sales of goods shipped from Portugal are taxed here, except:
// - OSS (CIVA/RITI, distance sales since 2021): a consumer in another EU country pays that country's VAT,
//   declared through the One-Stop-Shop; the line carries the destination country and rate (tax_custom).
// - An EU business with a VAT number, goods shipped to its country: intra-community supply, exempt under
//   art. 14.º of the RITI (Vendus code M16); the buyer self-assesses VAT.
// - Goods shipped outside the EU: export, exempt under art. 14.º of the CIVA (Vendus code M05).
import type { TaxIdentity } from "./nif";
import type { Region } from "./types";
import { REGION_RATES, isRegionRate, sameRate } from "./vat";

interface CountryRates {
  standard: number;
  /** Reduced and intermediate rates, highest first. */
  reduced: number[];
}

// EU-27 VAT rates in force in 2025-2026 (European Commission, "VAT rates applied in the Member States").
// Update this table when a member state changes its rates (recent: SK 23 % and EE 24 % in 2025, RO 21 %
// from August 2025).
export const EU_VAT_RATES: Record<string, CountryRates> = {
  AT: { standard: 20, reduced: [13, 10] },
  BE: { standard: 21, reduced: [12, 6] },
  BG: { standard: 20, reduced: [9] },
  CY: { standard: 19, reduced: [9, 5] },
  CZ: { standard: 21, reduced: [12] },
  DE: { standard: 19, reduced: [7] },
  DK: { standard: 25, reduced: [] },
  EE: { standard: 24, reduced: [13, 9] },
  ES: { standard: 21, reduced: [10, 4] },
  FI: { standard: 25.5, reduced: [14, 13.5, 10] },
  FR: { standard: 20, reduced: [10, 5.5, 2.1] },
  GR: { standard: 24, reduced: [13, 6] },
  HR: { standard: 25, reduced: [13, 5] },
  HU: { standard: 27, reduced: [18, 5] },
  IE: { standard: 23, reduced: [13.5, 9, 4.8] },
  IT: { standard: 22, reduced: [10, 5, 4] },
  LT: { standard: 21, reduced: [9, 5] },
  LU: { standard: 17, reduced: [14, 8, 3] },
  LV: { standard: 21, reduced: [12, 5] },
  MT: { standard: 18, reduced: [7, 5] },
  NL: { standard: 21, reduced: [9] },
  PL: { standard: 23, reduced: [8, 5] },
  PT: { standard: 23, reduced: [13, 6] },
  RO: { standard: 21, reduced: [11] },
  SE: { standard: 25, reduced: [12, 6] },
  SI: { standard: 22, reduced: [9.5, 5] },
  SK: { standard: 23, reduced: [19, 5] },
};

export function isEuCountry(country: string | null | undefined): boolean {
  return country != null && Object.hasOwn(EU_VAT_RATES, country);
}

export type TaxRegime =
  | { kind: "domestic" }
  | { kind: "oss"; country: string }
  | { kind: "intra_eu_b2b"; country: string }
  | { kind: "export"; country: string };

export const INTRA_EU_EXEMPTION = { code: "M16", law: "Artigo 14.º do RITI" } as const;
export const EXPORT_EXEMPTION = { code: "M05", law: "Artigo 14.º do CIVA" } as const;

/**
 * The destination is where the goods go: the shipping address, else the billing address. Exemptions need
 * the goods to leave Portugal, so a business with an EU VAT number that ships to Portugal pays PT VAT.
 */
export function decideTaxRegime(destination: string | null, identity: TaxIdentity, oss: boolean): TaxRegime {
  if (destination === null || destination === "PT") return { kind: "domestic" };
  if (!isEuCountry(destination)) return { kind: "export", country: destination };
  if (identity.kind === "foreign" && identity.euVat) return { kind: "intra_eu_b2b", country: destination };
  if (oss) return { kind: "oss", country: destination };
  return { kind: "domestic" };
}

export interface CustomTax {
  country: string;
  rate: number;
  code: "NOR" | "INT" | "RED";
  type: "IVA";
}

/**
 * The destination's VAT for an OSS line. A line the shop already charged at one of the destination's rates
 * (a rate Portugal does not have) keeps it; otherwise the destination's standard rate applies. Reduced
 * rates per product are not known here: `reducedRateReplaced` tells the caller that a PT reduced or
 * intermediate rate became the destination's standard rate, which a person should check.
 */
export function customTaxFor(
  country: string,
  lineRate: number,
  region: Region,
): { tax: CustomTax; reducedRateReplaced: boolean } {
  const rates = EU_VAT_RATES[country];
  if (!rates) throw new Error(`No VAT rates for ${country}`);
  const chargedHere = !isRegionRate(region, lineRate);
  const reducedIndex = rates.reduced.findIndex((r) => sameRate(r, lineRate));
  if (chargedHere && sameRate(rates.standard, lineRate)) {
    return { tax: { country, rate: lineRate, code: "NOR", type: "IVA" }, reducedRateReplaced: false };
  }
  if (chargedHere && reducedIndex >= 0) {
    // The lowest reduced rate is RED, any other INT (SAF-T has only these three levels).
    const code = reducedIndex === rates.reduced.length - 1 ? "RED" : "INT";
    return { tax: { country, rate: lineRate, code, type: "IVA" }, reducedRateReplaced: false };
  }
  return {
    tax: { country, rate: rates.standard, code: "NOR", type: "IVA" },
    reducedRateReplaced: !chargedHere && !sameRate(REGION_RATES[region].NOR, lineRate),
  };
}
