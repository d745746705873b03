// Tax identification numbers as customers type them at checkout: Portuguese NIFs (9 digits, mod-11 check
// digit), EU VAT numbers (checked with their own country's rules, vat-number.ts) and other foreign ids, which
// are kept as given and never checked with the Portuguese algorithm.
import { checkEuVatNumber, hasEuVatPrefix } from "./vat-number";

/** SAF-T's "Consumidor final" number: it means "no NIF" and must never be sent to Vendus. */
export const CONSUMIDOR_FINAL_NIF = "999999990";

// First digit(s) the tax authority assigns: 1-3 individuals, 5 companies, 6 public bodies, 8 sole traders
// (old), 45 non-resident individuals, 7x special entities (estates, condominiums…), 9x irregular and
// provisional entities.
const VALID_FIRST_DIGITS = ["1", "2", "3", "5", "6", "8"];
const VALID_FIRST_TWO = ["45", "70", "71", "72", "74", "75", "77", "78", "79", "90", "91", "98", "99"];

/** Upper-cases and removes spaces, dots, dashes and slashes: "pt 501.964-843" → "PT501964843". */
export function normalizeTaxId(raw: string): string {
  return raw.toUpperCase().replace(/[\s.\-/_]/g, "");
}

/** True for a well-formed Portuguese NIF (digits only, no prefix). */
export function isValidPortugueseNif(nif: string): boolean {
  if (!/^\d{9}$/.test(nif)) return false;
  if (!VALID_FIRST_DIGITS.includes(nif[0]!) && !VALID_FIRST_TWO.includes(nif.slice(0, 2))) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(nif[i]) * (9 - i);
  const remainder = sum % 11;
  const check = remainder < 2 ? 0 : 11 - remainder;
  return check === Number(nif[8]);
}

export type TaxIdentity =
  /** No number, or 999999990: the document is for "Consumidor final". */
  | { kind: "none" }
  | { kind: "pt"; nif: string }
  /** Looks Portuguese but fails the check: the merchant must decide. */
  | { kind: "pt_invalid"; value: string }
  /**
   * `euVat`: a well-formed VAT number of another member state (prefix, format and check digits), so the buyer
   * says it is a VAT-registered business; `vatState` is the prefix's state (GR for EL, XI for Northern
   * Ireland) and `country` the ISO country for the address (GB for XI). Otherwise an id from outside the EU.
   */
  | { kind: "foreign"; id: string; country: string; euVat: boolean; vatState?: string }
  /** Has an EU VAT prefix but is not a valid number of that state: not a VAT number. */
  | { kind: "eu_vat_invalid"; value: string; reason: string };

/**
 * Classifies what the customer typed. `billingCountry` (ISO-2) decides how an unprefixed number is read:
 * in Portugal (or unknown) it must be a valid NIF; abroad it is a foreign id unless it is a valid NIF.
 */
export function classifyTaxId(raw: string | null | undefined, billingCountry: string | null): TaxIdentity {
  const value = normalizeTaxId(raw ?? "");
  if (value === "") return { kind: "none" };
  const abroad = billingCountry !== null && billingCountry !== "PT";

  const prefixed = /^([A-Z]{2})([A-Z0-9]+)$/.exec(value);
  if (prefixed) {
    const [, prefix, rest] = prefixed as unknown as [string, string, string];
    if (prefix === "PT") return classifyPortuguese(rest);
    if (hasEuVatPrefix(value)) {
      const check = checkEuVatNumber(value);
      if (!check.valid) return { kind: "eu_vat_invalid", value: check.number, reason: check.reason };
      const country = check.state === "XI" ? "GB" : check.state;
      return { kind: "foreign", id: check.number, country, euVat: true, vatState: check.state };
    }
    if (abroad) return { kind: "foreign", id: value, country: billingCountry, euVat: false };
    return { kind: "pt_invalid", value };
  }

  if (/^\d{9}$/.test(value) && (!abroad || isValidPortugueseNif(value))) return classifyPortuguese(value);
  if (abroad) return { kind: "foreign", id: value, country: billingCountry, euVat: false };
  return { kind: "pt_invalid", value };
}

function classifyPortuguese(digits: string): TaxIdentity {
  if (digits === CONSUMIDOR_FINAL_NIF) return { kind: "none" };
  return isValidPortugueseNif(digits) ? { kind: "pt", nif: digits } : { kind: "pt_invalid", value: digits };
}
