// The request bodies Ponte sends to Vendus (API v1.1). Amounts are numbers in euros with at most two
// decimals; Vendus also accepts them as strings, and answers with strings.

export type VendusTaxCode = "NOR" | "INT" | "RED" | "ISE" | "OUT";
export type VendusDocumentType = "FT" | "FR" | "FS" | "NC";
export type VendusMode = "normal" | "tests";

export interface VendusClientInput {
  fiscal_id?: string;
  name?: string;
  address?: string;
  postalcode?: string;
  city?: string;
  /** ISO 3166-1 alpha-2. */
  country?: string;
  email?: string;
  phone?: string;
  external_reference?: string;
  send_email?: "yes" | "no";
}

export interface VendusDocumentItem {
  id?: number;
  reference?: string;
  title?: string;
  qty: number;
  /** Unit price with VAT included. */
  gross_price?: number;
  /** Applied to the line first. */
  discount_percentage?: number;
  /** Amount off the whole line (VAT included), applied after the percentage. */
  discount_amount?: number;
  tax_id?: VendusTaxCode;
  tax_exemption?: string;
  tax_exemption_law?: string;
  /** Another country's VAT (the OSS case). */
  tax_custom?: { country: string; rate: number; code?: string; type: "IVA" };
  type_id?: "P" | "S" | "O" | "I" | "E";
  /** Credit notes only: the credited invoice and its 1-based line. */
  reference_document?: { document_number: string; document_row: number };
}

export interface VendusDocumentRequest {
  register_id?: number;
  type: VendusDocumentType;
  mode: VendusMode;
  /** YYYY-MM-DD; defaults to today. */
  date?: string;
  notes?: string;
  external_reference: string;
  tx_id: string;
  client?: VendusClientInput;
  items: VendusDocumentItem[];
  payments?: { id: number; amount: number }[];
  related_document_id?: number;
  output?: "auto" | "pdf_url" | "pdf" | "html" | "escpos";
  return_qrcode?: 0 | 1;
  stock_operation?: "in" | "none" | "out";
}

/** POST /products/ (PATCH takes any subset). Prices in euros, VAT included. */
export interface VendusProductInput {
  title: string;
  /** Mandatory on creation; ids from GET /products/units/. */
  unit_id: number;
  reference?: string;
  barcode?: string;
  gross_price?: number;
  supply_price?: number;
  tax_id?: Exclude<VendusTaxCode, "OUT">;
  category_id?: number;
  brand_id?: number;
  type_id?: "P" | "S" | "O" | "I" | "E";
  stock_control?: 0 | 1;
  status?: "on" | "off";
}
