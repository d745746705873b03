// Where a sale of goods sent from Portugal is taxed (the rules and their sources are in README.md):
// - goods delivered outside the EU VAT area (territories.ts): export, exempt under CIVA art. 14.º, n.º 1, a)
//   (Vendus M05), whatever the buyer or the OSS setting;
// - a buyer with a valid VAT number of another member state, goods delivered in another member state:
//   intra-community supply, exempt under RITI art. 14.º, n.º 1, a) (Vendus M16); the buyer self-assesses;
// - a consumer in another member state: distance sale (Directive art. 33, RITI art. 6.º); with OSS the
//   destination's VAT at a rate of that state, declared through the One-Stop-Shop; without OSS (under the
//   EUR 10,000 threshold, Directive art. 59c) Portuguese VAT;
// - everything else (goods delivered in Portugal): Portuguese VAT.
import { describeRates, ossCodeFor, ratesOn, type OssCode } from "./eu-vat-rates";
import type { TaxIdentity } from "./nif";
import { problem } from "./problems";
import type { VatPlace } from "./territories";
import type { InvoiceProblem } from "./types";

export type TaxRegime =
  | { kind: "domestic"; note?: string }
  | { kind: "oss"; country: string }
  | { kind: "intra_eu_b2b"; country: string }
  | { kind: "export"; country: string; territory?: string };

export const INTRA_EU_EXEMPTION = { code: "M16", law: "Artigo 14.º do RITI" } as const;
export const EXPORT_EXEMPTION = { code: "M05", law: "Artigo 14.º do CIVA" } as const;

// First digits of Portuguese NIFs of collective entities: 5 companies, 6 public bodies, 7x other entities
// (estates, condominiums, funds…), 9x irregular or non-resident entities. 8: old sole-trader numbers.
const PT_COMPANY = /^[58]/;
const PT_OTHER_ENTITY = /^[679]/;

export function decideTaxRegime(
  place: VatPlace,
  identity: TaxIdentity,
  oss: boolean,
): { regime: TaxRegime } | { problem: InvoiceProblem } {
  if (place.kind === "third") {
    return {
      regime: { kind: "export", country: place.country, ...(place.territory ? { territory: place.territory } : {}) },
    };
  }
  if (place.state === "PT") return { regime: { kind: "domestic" } };
  if (identity.kind === "foreign" && identity.euVat && identity.vatState !== "PT") {
    return { regime: { kind: "intra_eu_b2b", country: place.state } };
  }
  if (!oss) return { regime: { kind: "domestic" } };
  if (identity.kind === "pt" && PT_COMPANY.test(identity.nif)) {
    // A Portuguese company is a taxable person, not a consumer (no distance sale), and has no VAT number of
    // another member state (no exemption): the supply is taxed where the transport starts, in Portugal.
    return {
      regime: {
        kind: "domestic",
        note:
          `The buyer's NIF ${identity.nif} is a Portuguese company's: the sale to ${place.state} was invoiced with ` +
          "Portuguese VAT (not OSS, which is for consumers; no exemption without a VAT number of another member state).",
      },
    };
  }
  if (identity.kind === "pt" && PT_OTHER_ENTITY.test(identity.nif)) {
    return {
      problem: problem(
        "buyer_unclear",
        `The buyer's NIF ${identity.nif} belongs to a Portuguese entity that may or may not be a taxable person, and ` +
          `the goods go to ${place.state}: OSS applies only to consumers and non-taxable entities. Invoice this ` +
          "order manually.",
        { nif: identity.nif, country: place.state },
      ),
    };
  }
  return { regime: { kind: "oss", country: place.state } };
}

export interface CustomTax {
  country: string;
  rate: number;
  code: OssCode;
  type: "IVA";
}

/**
 * The destination's VAT for an OSS line: the rate the shop charged, when it is a rate of that state on the
 * tax date. Never another rate: replacing it would change the VAT inside a price the customer already paid.
 * `country` in tax_custom is the ISO code (GR for Greece; XI for Northern Ireland, as the OSS declares it).
 */
export function ossTaxFor(
  state: string,
  rate: number,
  date: string,
  line: string,
): { tax: CustomTax } | { problem: InvoiceProblem } {
  const period = ratesOn(state, date);
  if (!period) {
    return {
      problem: problem(
        "destination_vat_rate",
        `Ponte's table of ${state}'s VAT rates starts on 2025-01-01 and this sale is dated ${date}; invoice it manually.`,
        { country: state, date },
      ),
    };
  }
  const code = ossCodeFor(period, rate);
  if (!code) {
    const zero = Math.abs(rate) < 1e-9;
    return {
      problem: problem(
        "destination_vat_rate",
        `${line} is charged at ${rate} % VAT, which is not a VAT rate of ${state} on ${date} (${describeRates(period)})` +
          (zero ? ", and a 0 % line cannot be declared through OSS by Ponte" : "") +
          `. With OSS the customer pays ${state}'s VAT: set the product's tax for ${state} in Jumpseller, or invoice ` +
          "this order manually.",
        { line, rate, country: state, date, rates: describeRates(period) },
      ),
    };
  }
  return { tax: { country: state, rate, code, type: "IVA" } };
}
