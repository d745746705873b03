// The invoicing engine: plain functions from a Jumpseller order to a Vendus document (or typed refusals).
export { buildInvoice } from "./build-invoice";
export {
  buildCreditNote,
  creditedLineCents,
  CREDIT_REASON_TEXT,
  type BuildCreditNoteResult,
  type CreditableInvoice,
  type CreditableLine,
  type CreditNoteProblem,
  type CreditNoteProblemCode,
  type CreditNoteRequest,
  type CreditReason,
  type CreditReasonPreset,
} from "./credit-note";
export { computeVendusTotals, type VendusTotals } from "./vendus-totals";
export { classifyTaxId, isValidPortugueseNif, normalizeTaxId, CONSUMIDOR_FINAL_NIF, type TaxIdentity } from "./nif";
export { EU_VAT_RATES, ratesOn, RATES_TABLE_CHECKED, type RatePeriod } from "./eu-vat-rates";
export { EU_MEMBER_STATES, isEuMemberState, SPECIAL_TERRITORIES, vatPlaceOf, type VatPlace } from "./territories";
export { checkEuVatNumber } from "./vat-number";
export { shippingRateOutsideGoods } from "./shipping";
export { euVatNumberToConfirm } from "./customer";
export { REGION_RATES, taxCodeForRate } from "./vat";
export { creditNoteExternalReference, creditNoteTxId, invoiceExternalReference, invoiceTxId } from "./ids";
export type {
  BuildInvoiceResult,
  InvoiceContext,
  InvoiceProblem,
  InvoiceProblemCode,
  InvoiceSummary,
  Region,
  TaxSummary,
  ViesAnswer,
} from "./types";
export {
  applyCorrection,
  checkCorrection,
  correctedTaxId,
  type CorrectionProblem,
  type CorrectionProblemCode,
  type OrderCorrection,
} from "./correction";
