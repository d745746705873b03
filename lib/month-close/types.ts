// The facts a month close is built from (compact, so they fit in Inngest step results) and the report it
// stores. Amounts in integer cents; instants as ISO strings; days as "YYYY-MM-DD" (Lisbon).
import type { CalendarDay } from "@/lib/lisbon-time";

/** A Jumpseller order as the month close needs it. */
export interface OrderFact {
  jumpsellerId: number;
  status: "abandoned" | "canceled" | "pending_payment" | "paid";
  createdAt: string | null;
  paidAt: string | null;
  /** What the customer paid, gift cards included: what the invoice's gross must be. */
  paidCents: number;
}

/** A row of Vendus's document list. */
export interface VendusDocFact {
  vendusId: number;
  type: string;
  number: string;
  date: CalendarDay;
  /** N normal, A annulled, F finalised; null when Vendus did not say. */
  status: string | null;
  grossCents: number | null;
  netCents: number | null;
}

/** VAT of one rate (and, for OSS lines, one destination country) on a document or in a total. */
export interface VatAmount {
  rate: number;
  country: string | null;
  baseCents: number;
  vatCents: number;
}

/** A document Ponte issued, from its own database. */
export interface PonteDocFact {
  id: string;
  vendusId: number;
  type: string;
  number: string;
  issuedAt: string;
  grossCents: number;
  netCents: number;
  /** Empty when Ponte did not keep the figures per rate (credit notes). */
  vat: VatAmount[];
  orderId: string | null;
  jumpsellerId: number | null;
  orderStatus: string | null;
  orderPaidAt: string | null;
  /** For a credit note, the invoice it credits. */
  creditsId: string | null;
}

export interface DocumentTotals {
  count: number;
  netCents: number;
  grossCents: number;
  vat: VatAmount[];
}

export type DeadlineState = "overdue" | "near" | "ok";

export interface WithoutInvoiceItem {
  jumpsellerId: number;
  orderId: string | null;
  paidAt: string;
  paidCents: number;
  deadline: CalendarDay;
  deadlineState: DeadlineState;
  /** Working days from today to the deadline; negative once it has passed. */
  workingDaysLeft: number;
}

export interface GrossMismatchItem {
  jumpsellerId: number;
  orderId: string;
  documentId: string;
  number: string;
  paidCents: number;
  grossCents: number;
}

export interface NotCreditedItem {
  jumpsellerId: number;
  orderId: string;
  documentId: string;
  number: string;
  grossCents: number;
}

export interface OutsideItem {
  vendusId: number;
  type: string;
  number: string;
  date: CalendarDay;
  grossCents: number | null;
}

export interface InvoicedNextMonthItem {
  jumpsellerId: number;
  orderId: string;
  documentId: string;
  number: string;
  paidAt: string;
  issuedAt: string;
}

/** A list of differences: its full count and its first items (a bad month is shown, not stored whole). */
export interface DifferenceList<T> {
  count: number;
  items: T[];
}

export interface MonthReport {
  version: 1;
  period: { year: number; month: number };
  mode: "normal" | "tests";
  jumpseller: { paidCount: number; paidCents: number };
  vendus: { invoices: DocumentTotals; creditNotes: DocumentTotals };
  differences: {
    withoutInvoice: DifferenceList<WithoutInvoiceItem>;
    grossMismatch: DifferenceList<GrossMismatchItem>;
    cancelledNotCredited: DifferenceList<NotCreditedItem>;
    outsidePonte: DifferenceList<OutsideItem>;
    invoicedNextMonth: DifferenceList<InvoicedNextMonthItem>;
  };
  /** Documents whose VAT per rate could not be read (their VAT is missing from the per-rate totals). */
  vatUnknownDocuments: number;
}

export const attentionLists = ["withoutInvoice", "grossMismatch", "cancelledNotCredited", "outsidePonte"] as const;
