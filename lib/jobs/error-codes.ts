// Why a job failed or waits, as a stable code and its values (the NIF, the VAT rate…), stored with the job
// (Job.lastErrorCode, Job.lastErrorParams). The dashboard says it in the reader's language (messages
// `jobErrors`, and `serviceErrors` for an outside service's answer); the stored English text stays the
// technical detail. A code not listed here (rows written before codes were stored) shows the stored text.

export type JobErrorParams = Record<string, string | number>;

/** The invoicing engine's refusals (lib/invoicing/types.ts InvoiceProblemCode). */
const engineCodes = [
  "not_paid",
  "unknown_destination",
  "destination_vat_rate",
  "invalid_vat_number",
  "vies_unchecked",
  "buyer_unclear",
  "shipping_without_goods",
  "currency",
  "unknown_vat_rate",
  "missing_exemption",
  "invalid_nif",
  "totals_mismatch",
  "tax_mismatch",
  "discount_mismatch",
  "no_lines",
  "zero_total",
  "missing_payment_method",
  "negative_line",
  "invalid_quantity",
  "unsupported_tax",
  "mixed_tax_basis",
  "invalid_date",
] as const;

/** Credit notes the engine refuses (lib/invoicing/credit-note.ts). */
const creditNoteCodes = [
  "test_mode_invoice",
  "reason_required",
  "reason_text_required",
  "missing_sequence",
  "unknown_row",
  "duplicate_row",
  "over_credit",
  "nothing_to_credit",
] as const;

/** The pipeline's own stops (lib/pipeline). */
const pipelineCodes = [
  "not_an_invoice",
  "bad_request",
  "store_missing",
  "document_type",
  "no_register",
  "no_unit",
  "oauth_not_configured",
  "invoice_not_credited",
  "invoice_already_replaced",
  "order_has_live_invoice",
  "product_gone",
] as const;

/** An outside service's answer (lib/service-errors.ts); said with the `serviceErrors` messages. */
const serviceCodes = [
  "vendus_auth",
  "vendus_unavailable",
  "vendus_error",
  "jumpseller_auth",
  "jumpseller_unavailable",
  "jumpseller_error",
  "vies_auth",
  "vies_unavailable",
  "vies_error",
] as const;

export const jobErrorCodes = [
  ...engineCodes,
  ...creditNoteCodes,
  ...pipelineCodes,
  ...serviceCodes,
  "internal",
] as const;
export type JobErrorCode = (typeof jobErrorCodes)[number];

const known = new Set<string>(jobErrorCodes);

export function isJobErrorCode(code: unknown): code is JobErrorCode {
  return typeof code === "string" && known.has(code);
}

export function isServiceCode(code: JobErrorCode): code is (typeof serviceCodes)[number] {
  return (serviceCodes as readonly string[]).includes(code);
}

/**
 * Causes that are the store's, not the order's: the settings field that fixes them, by its id on the store
 * page (components/stores/store-settings-form.tsx and the read-only view).
 */
export const settingsFieldFor: Partial<Record<JobErrorCode, string>> = {
  unknown_vat_rate: "defaultVatRate",
  missing_exemption: "exemptionCode",
  missing_payment_method: "vendusPaymentMethodId",
  document_type: "documentType",
  no_register: "vendusRegisterId",
};

/** Amounts the engine passes as decimals ("12.30"): formatted as euros in the reader's language. */
const moneyParams = new Set([
  "paid",
  "computed",
  "discount",
  "lineDiscounts",
  "orderTax",
  "computedTax",
  "shippingTax",
]);

/** The stored params, as values a message can use: only strings and numbers, amounts as numbers. */
export function readJobErrorParams(stored: unknown): JobErrorParams {
  if (!stored || typeof stored !== "object" || Array.isArray(stored)) return {};
  const params: JobErrorParams = {};
  for (const [key, value] of Object.entries(stored as Record<string, unknown>)) {
    if (typeof value === "number" && Number.isFinite(value)) params[key] = value;
    else if (typeof value === "string") {
      const amount = Number(value);
      params[key] = moneyParams.has(key) && value.trim() !== "" && Number.isFinite(amount) ? amount : value;
    }
  }
  return params;
}
