// A correction of an order's customer data made in Ponte, for one order, without touching the Jumpseller order:
// a NIF or VAT number, "issue to Consumidor final", or the customer's name and address. The pipeline applies it
// to the order it reads from Jumpseller before building the invoice; the dashboard validates it here first, with
// the same classification the engine uses, so a correction the engine would refuse is never stored.
import type { JumpsellerOrder } from "@/lib/jumpseller/schemas";
import { countryCode } from "./destination";
import { classifyTaxId, normalizeTaxId } from "./nif";
import { hasEuVatPrefix } from "./vat-number";

export interface OrderCorrection {
  /** The corrected NIF or VAT number (normalized); null keeps the order's. */
  taxId: string | null;
  /** The country of a VAT number or foreign tax id given without its prefix (ISO 3166-1 alpha-2). */
  taxCountry: string | null;
  /** Issue without a NIF (Consumidor final, or a consumer abroad). */
  consumidorFinal: boolean;
  name: string | null;
  address: string | null;
  postalCode: string | null;
  city: string | null;
}

export type CorrectionProblemCode = "invalid_nif" | "invalid_vat_number" | "consumidor_final_nif" | "empty";

export interface CorrectionProblem {
  code: CorrectionProblemCode;
  field: "taxId" | "form";
  message: string;
  params: Record<string, string>;
}

/** The number as it goes on the order: an unprefixed number of another member state gets its prefix. */
export function correctedTaxId(taxId: string, taxCountry: string | null): string {
  const value = normalizeTaxId(taxId);
  const country = taxCountry?.toUpperCase() ?? null;
  if (!country || country === "PT" || /^[A-Z]{2}/.test(value)) return value;
  const prefix = country === "GR" ? "EL" : country;
  return hasEuVatPrefix(`${prefix}${value}`) ? `${prefix}${value}` : value;
}

/**
 * What the engine would say about the corrected number: a Portuguese NIF must pass its check digit and an EU VAT
 * number its state's rules. `billingCountry` is the order's, which decides how an unprefixed number is read.
 */
export function checkCorrection(correction: OrderCorrection, billingCountry: string | null): CorrectionProblem[] {
  const anything =
    correction.taxId || correction.consumidorFinal || correction.name || correction.address || correction.postalCode;
  if (!anything && !correction.city) {
    return [{ code: "empty", field: "form", message: "The correction changes nothing.", params: {} }];
  }
  if (!correction.taxId || correction.consumidorFinal) return [];
  const value = correctedTaxId(correction.taxId, correction.taxCountry);
  const country = correction.taxCountry?.toUpperCase() ?? countryCode(billingCountry);
  const identity = classifyTaxId(value, country);
  if (identity.kind === "pt_invalid") {
    return [
      {
        code: "invalid_nif",
        field: "taxId",
        message: `"${value}" is not a valid Portuguese NIF (9 digits with a check digit).`,
        params: { value },
      },
    ];
  }
  if (identity.kind === "eu_vat_invalid") {
    return [
      {
        code: "invalid_vat_number",
        field: "taxId",
        message: `"${identity.value}" is not a valid VAT number: ${identity.reason}.`,
        params: { value: identity.value, reason: identity.reason },
      },
    ];
  }
  if (identity.kind === "none") {
    return [
      {
        code: "consumidor_final_nif",
        field: "taxId",
        message: `"${value}" means Consumidor final: choose "issue to Consumidor final" instead.`,
        params: { value },
      },
    ];
  }
  return [];
}

function comparable(label: string): string {
  return label
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .trim()
    .toLowerCase();
}

/** The order as the invoice should see it: Jumpseller's order with the correction on top (the original untouched). */
export function applyCorrection(
  order: JumpsellerOrder,
  correction: OrderCorrection | null,
  nifFieldLabel: string | null | undefined,
): JumpsellerOrder {
  if (!correction) return order;
  const billing = { ...(order.billing_address ?? {}) } as NonNullable<JumpsellerOrder["billing_address"]>;
  let additional = order.additional_fields;
  let billingInformation = order.billing_information;
  const dropNifField = () => {
    if (!nifFieldLabel) return;
    const wanted = comparable(nifFieldLabel);
    additional = additional.filter((f) => f.label === null || f.label === undefined || comparable(f.label) !== wanted);
  };
  if (correction.consumidorFinal) {
    billing.taxid = null;
    dropNifField();
  } else if (correction.taxId) {
    billing.taxid = correctedTaxId(correction.taxId, correction.taxCountry);
    dropNifField();
  }
  if (correction.name) {
    billing.name = correction.name;
    billing.surname = null;
    // The corrected name is the invoice's: a company name on the order would otherwise win over it.
    if (billingInformation) billingInformation = { ...billingInformation, company_name: null };
  }
  if (correction.address) billing.address = correction.address;
  if (correction.postalCode) billing.postal = correction.postalCode;
  if (correction.city) billing.city = correction.city;
  return { ...order, billing_address: billing, additional_fields: additional, billing_information: billingInformation };
}
