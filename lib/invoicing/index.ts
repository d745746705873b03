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
export { EU_VAT_RATES, isEuCountry } from "./oss";
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
} from "./types";
