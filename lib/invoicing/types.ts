// Public types of the invoicing engine: what the pipeline passes in, and what comes back.
import type { VendusDocumentRequest } from "@/lib/vendus/types";

/** The Vendus account's tax region: mainland Portugal, Madeira or the Azores. */
export type Region = "PT" | "PT-MA" | "PT-AC";

export interface InvoiceContext {
  /** Ponte's own store id: part of the deterministic tx_id. */
  storeId: string;
  /** The Jumpseller store code (subdomain): part of external_reference. */
  storeCode: string;
  registerId: number;
  documentType: "FT" | "FR";
  /** Vendus payment method id for FR documents. */
  paymentMethodId?: number;
  /** Jumpseller payment_method_type → Vendus payment method id; wins over paymentMethodId. */
  paymentMethodMap?: Record<string, number>;
  /** Rate for lines (and shipping) that carry no tax on the order. */
  defaultVatRate: number;
  /** The merchant is registered in the One-Stop-Shop: B2C sales to other EU countries carry their VAT. */
  oss: boolean;
  region: Region;
  /** Exemption for 0 % lines (reason code M01…M99 and its legal basis). */
  exemption?: { code: string; law: string };
  testMode: boolean;
  shippingTitle: string;
  /** Label of the checkout custom field that holds the NIF, when the shop asks for it there. */
  nifFieldLabel?: string | null;
  /** What to do with a Portuguese NIF that fails the check digit. */
  invalidNifPolicy: "refuse" | "consumidor_final";
  /** Document date, YYYY-MM-DD; Vendus uses today when absent. */
  date?: string;
}

export type InvoiceProblemCode =
  | "not_paid"
  | "currency"
  | "unknown_vat_rate"
  | "missing_exemption"
  | "invalid_nif"
  | "totals_mismatch"
  | "tax_mismatch"
  | "discount_mismatch"
  | "no_lines"
  | "zero_total"
  | "missing_payment_method"
  | "negative_line"
  | "invalid_quantity"
  | "unsupported_tax"
  | "mixed_tax_basis"
  | "invalid_date";

export type ProblemParams = Record<string, string | number>;

export interface InvoiceProblem {
  code: InvoiceProblemCode;
  /** English, names the values involved and what to do. */
  message: string;
  /** The same values, for translated messages. */
  params: ProblemParams;
}

export interface TaxSummary {
  rate: number;
  /** Set for another country's VAT (OSS): the destination country. */
  country?: string;
  baseCents: number;
  vatCents: number;
}

export interface InvoiceSummary {
  grossCents: number;
  netCents: number;
  taxes: TaxSummary[];
  /** Things a person should know although the document could be issued. */
  warnings: string[];
}

export type BuildInvoiceResult =
  | { ok: true; document: VendusDocumentRequest; summary: InvoiceSummary }
  | { ok: false; problems: InvoiceProblem[] };
