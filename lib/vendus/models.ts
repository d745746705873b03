// What the Vendus client returns: camelCase, amounts in integer cents, ids as numbers. Parsed from the API's
// snake_case strings at the boundary (schemas.ts), so nothing past the client sees "12.30" or "123".
import type { VendusMode } from "./types";

export type VendusRegion = "PT" | "PT-MA" | "PT-AC";

export interface VendusAccount {
  id: number | null;
  company: string;
  fiscalId: string;
  /** As Vendus sends it ("PT", "PT-MA", "PT-AC", or another country for accounts outside Portugal). */
  country: string;
  /** The VAT region; null when the account is not Portuguese (Ponte cannot invoice for it). */
  region: VendusRegion | null;
  defaultTaxId: string | null;
}

export interface VendusRegister {
  id: number;
  storeId: number | null;
  title: string;
  type: string;
  /** The register's own default mode; Ponte always sends `mode` explicitly. */
  mode: VendusMode | null;
  isActive: boolean;
}

export interface VendusStore {
  id: number;
  title: string;
  isActive: boolean;
}

export interface VendusTax {
  /** NOR, INT, RED, ISE, OUT. */
  id: string;
  /** Percent, e.g. 23. */
  rate: number;
  country: string | null;
  title: string;
}

export interface VendusExemption {
  /** M01…M99. */
  id: string;
  text: string;
  law: string;
}

/** A document type of GET /documents/types/ (FT, FR, FS, NC…). */
export interface VendusDocumentType {
  id: string;
  title: string;
}

export interface VendusPaymentMethod {
  id: number;
  title: string;
  /** NU, CC, CD, MB, MBWAY, TB, OU… */
  type: string;
  isActive: boolean;
}

export interface VendusClientRecord {
  id: number;
  fiscalId: string | null;
  name: string;
  email: string | null;
  country: string | null;
  address: string | null;
  postalcode: string | null;
  city: string | null;
  phone: string | null;
  externalReference: string | null;
}

export interface VendusProduct {
  id: number;
  reference: string | null;
  barcode: string | null;
  title: string;
  grossPriceCents: number;
  supplyPriceCents: number;
  taxId: string | null;
  unitId: number | null;
  categoryId: number | null;
  brandId: number | null;
  typeId: string | null;
  stockControl: boolean;
  isActive: boolean;
}

export interface VendusTitled {
  id: number;
  title: string;
}

export interface VendusStock {
  total: number;
  stores: { storeId: number; stock: number }[];
}

/** The answer to a document POST. */
export interface VendusIssuedDocument {
  id: number;
  type: string;
  /** Full number, e.g. "FT 01P2026/12" (test mode "FR T01P2026/3"). */
  number: string;
  date: string;
  systemTime: string | null;
  amountGrossCents: number;
  amountNetCents: number;
  atcud: string | null;
  hash: string | null;
  qrcodeData: string | null;
}

/** N normal, A annulled, F invoiced (e.g. a quote turned into an invoice). */
export type VendusDocumentStatus = "N" | "A" | "F" | (string & {});

/** A row of GET /documents/ (no ATCUD, no items). */
export interface VendusDocumentSummary {
  id: number;
  type: string;
  number: string;
  date: string;
  status: VendusDocumentStatus | null;
  externalReference: string | null;
  registerId: number | null;
  amountGrossCents: number;
  amountNetCents: number;
}

export interface VendusDocumentLine {
  productId: number | null;
  reference: string | null;
  title: string;
  qty: number;
  /** Quantity still creditable; null when Vendus did not say. */
  qtyNc: number | null;
  amounts: { netUnitCents: number; netTotalCents: number; grossUnitCents: number; grossTotalCents: number };
  tax: { id: string | null; rate: number; exemption: string | null; exemptionLaw: string | null };
}

export interface VendusDocumentDetail extends VendusIssuedDocument {
  status: VendusDocumentStatus | null;
  externalReference: string | null;
  registerId: number | null;
  notes: string | null;
  client: { id: number | null; fiscalId: string | null; name: string | null; country: string | null } | null;
  items: VendusDocumentLine[];
  taxes: { rate: number; baseCents: number; amountCents: number; totalCents: number }[];
  payments: { id: number | null; title: string | null; amountCents: number }[];
  relatedDocs: { id: number; type: string | null; number: string | null }[];
}
