// EU VAT identification numbers (Directive art. 215: the member state's prefix, EL for Greece and XI for
// Northern Ireland, then the national number). Formats and check digits come from jsvat-next (see the README
// for why); a number it does not accept is not a VAT number, whatever its prefix.
import { checkVAT, countries, unitedKingdom } from "jsvat-next";

/** VAT prefix → the member state (ISO code; XI stays XI: Northern Ireland for goods). */
export const VAT_PREFIXES: Record<string, string> = {
  AT: "AT",
  BE: "BE",
  BG: "BG",
  CY: "CY",
  CZ: "CZ",
  DE: "DE",
  DK: "DK",
  EE: "EE",
  EL: "GR",
  ES: "ES",
  FI: "FI",
  FR: "FR",
  HR: "HR",
  HU: "HU",
  IE: "IE",
  IT: "IT",
  LT: "LT",
  LU: "LU",
  LV: "LV",
  MT: "MT",
  NL: "NL",
  PL: "PL",
  PT: "PT",
  RO: "RO",
  SE: "SE",
  SI: "SI",
  SK: "SK",
  XI: "XI",
};

/** jsvat-next's rules for the member states above (XI is checked with the UK rules). */
const memberStates = new Set(Object.values(VAT_PREFIXES));
const EU_COUNTRIES = countries.filter((country) => memberStates.has(country.codes[0]!));

export type VatNumberCheck =
  /** `number`: prefix + national number, as VIES and the invoice want it; `state`: ISO code or XI. */
  | { valid: true; number: string; prefix: string; state: string }
  | { valid: false; number: string; prefix: string; reason: string };

/**
 * Checks a normalised number (upper case, no separators) that starts with an EU VAT prefix. GR, the ISO
 * code, is accepted for EL: the national number is the same. XI numbers are UK VAT numbers (9 or 12 digits,
 * or GD/HA for government bodies) and are checked with the UK rules.
 */
export function checkEuVatNumber(value: string): VatNumberCheck {
  const typed = value.slice(0, 2);
  const prefix = typed === "GR" ? "EL" : typed;
  const national = value.slice(2);
  const number = prefix + national;
  if (!Object.hasOwn(VAT_PREFIXES, prefix)) {
    return { valid: false, number, prefix, reason: `${typed} is not the VAT prefix of an EU member state` };
  }
  const result = prefix === "XI" ? checkVAT(`GB${national}`, [unitedKingdom]) : checkVAT(number, EU_COUNTRIES);
  const ok = result.isValid && result.country?.isoCode.short === (prefix === "XI" ? "GB" : isoOf(prefix));
  if (!ok) {
    return {
      valid: false,
      number,
      prefix,
      reason: `"${number}" does not have the format or the check digits of a ${prefix} VAT number`,
    };
  }
  return { valid: true, number, prefix, state: VAT_PREFIXES[prefix]! };
}

/** True when the first two letters are an EU VAT prefix (GR accepted for EL). */
export function hasEuVatPrefix(value: string): boolean {
  const typed = value.slice(0, 2);
  return Object.hasOwn(VAT_PREFIXES, typed === "GR" ? "EL" : typed);
}

function isoOf(prefix: string): string {
  return prefix === "EL" ? "GR" : prefix;
}
