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
  /**
   * What to do with a number that has an EU VAT prefix but is not a valid VAT number of that state (or that
   * VIES says is not registered): refuse the order (default), or invoice the buyer as a consumer with a warning.
   */
  invalidVatNumberPolicy?: "refuse" | "consumer";
  /**
   * Shipping's VAT: "as_charged" (default) keeps the shop's shipping tax; "follow_goods" taxes transport like
   * the goods it carries (CIVA art. 16.º, n.º 5, b); Directive art. 78(b)), split by each rate's share.
   */
  shippingVat?: "as_charged" | "follow_goods";
  /** The store confirms EU VAT numbers in VIES before reverse charge: `vies` must then hold the answer. */
  viesRequired?: boolean;
  vies?: ViesAnswer | null;
  /**
   * Which of the order's invoices this is: 1 (default) for the first; 2, 3… for an invoice issued after the
   * earlier one was fully credited. Part of external_reference and tx_id.
   */
  invoiceSequence?: number;
  /** Document date, YYYY-MM-DD; Vendus uses today when absent. */
  date?: string;
}

/** VIES's answer for the order's VAT number, as the pipeline recorded it. */
export interface ViesAnswer {
  /** Prefix + number, as checked. */
  vatNumber: string;
  valid: boolean;
  requestDate: string;
  requestIdentifier?: string | null;
  name?: string | null;
  address?: string | null;
}

export type InvoiceProblemCode =
  | "not_paid"
  | "unknown_destination"
  | "destination_vat_rate"
  | "invalid_vat_number"
  | "vies_unchecked"
  | "buyer_unclear"
  | "shipping_without_goods"
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
  { ok: true; document: VendusDocumentRequest; summary: InvoiceSummary } | { ok: false; problems: InvoiceProblem[] };
