// Portuguese VAT rates by region and the Vendus tax codes they map to. The rate of a sale of goods is the
// one of the region the Vendus account (the seller) belongs to.
import type { VendusTaxCode } from "@/lib/vendus/types";
import type { Region } from "./types";

export type RatedTaxCode = "NOR" | "INT" | "RED";

/** CIVA art. 18 (mainland) and the regional rates of Madeira and the Azores. */
export const REGION_RATES: Record<Region, Record<RatedTaxCode, number>> = {
  PT: { NOR: 23, INT: 13, RED: 6 },
  "PT-MA": { NOR: 22, INT: 12, RED: 5 },
  "PT-AC": { NOR: 16, INT: 9, RED: 4 },
};

export const REGION_NAMES: Record<Region, string> = {
  PT: "mainland Portugal",
  "PT-MA": "Madeira",
  "PT-AC": "the Azores",
};

export function sameRate(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-9;
}

/** NOR/INT/RED for a regional rate, ISE for 0 %, null for a rate the region does not have. */
export function taxCodeForRate(region: Region, rate: number): "ISE" | RatedTaxCode | null {
  if (sameRate(rate, 0)) return "ISE";
  const rates = REGION_RATES[region];
  for (const code of ["NOR", "INT", "RED"] as const) if (sameRate(rates[code], rate)) return code;
  return null;
}

/** The rate Vendus applies for a code in the region (0 for ISE and OUT). */
export function rateForTaxCode(region: Region, code: VendusTaxCode): number {
  if (code === "ISE" || code === "OUT") return 0;
  return REGION_RATES[region][code];
}

export function isRegionRate(region: Region, rate: number): boolean {
  return Object.values(REGION_RATES[region]).some((r) => sameRate(r, rate));
}
