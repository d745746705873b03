// The simulated account, in memory. One state per simulator instance; `reset()` rebuilds it from scratch.
import { lisbonDay, lisbonZone } from "../../lib/lisbon-time";
import type { LineAmounts, TaxGroup } from "./amounts";
import { paymentMethods, type Region, type TaxCode } from "./reference-data";

export type Mode = "normal" | "tests";
export type DocType = "FT" | "FR" | "FS" | "NC" | "RG";

export interface SimRegister {
  id: number;
  store_id: number;
  title: string;
  type: "api" | "pos" | "office";
  mode: Mode;
  status: "on" | "off";
  /** The series code in document numbers ("01" in "FT 01P2026/12"). */
  series: string;
}

export interface SimProduct {
  id: number;
  reference: string;
  barcode: string;
  title: string;
  /** Unit price with VAT, exact decimal as given. */
  grossPrice: string;
  supplyPrice: string;
  taxId: TaxCode;
  unitId: number;
  categoryId: number | null;
  brandId: number | null;
  typeId: string;
  stockControl: 0 | 1;
  status: "on" | "off";
}

export interface SimClient {
  id: number;
  fiscal_id: string;
  name: string;
  address: string;
  postalcode: string;
  city: string;
  country: string;
  email: string;
  phone: string;
  external_reference: string;
}

export interface SimLine {
  productId: number;
  reference: string;
  title: string;
  /** Quantities in thousandths, so that partial credits never drift. */
  qtyMilli: number;
  qtyNcMilli: number;
  grossPrice: string;
  discountPercentage: string;
  discountAmount: string;
  taxId: TaxCode | "OUT";
  rate: string;
  taxCountry: string;
  exemption: string;
  exemptionLaw: string;
  amounts: LineAmounts;
  /** Credit notes: the credited document and its 1-based row. */
  referenceDocument: { documentId: number; documentNumber: string; row: number } | null;
}

export interface SimDocument {
  id: number;
  type: DocType;
  mode: Mode;
  number: string;
  seriesKey: string;
  registerId: number;
  storeId: number;
  date: string;
  systemTime: string;
  status: "N" | "A" | "F";
  externalReference: string;
  txId: string;
  notes: string;
  client: Omit<SimClient, "id"> & { id: number | null };
  lines: SimLine[];
  taxes: TaxGroup[];
  payments: { id: number; amountCents: number }[];
  grossCents: number;
  netCents: number;
  atcud: string;
  hash: string;
  qrcodeData: string;
  relatedDocumentIds: number[];
}

export interface SimAccount {
  id: number;
  company: string;
  fiscal_id: string;
  address: string;
  postal_code: string;
  city: string;
  email: string;
  phone: string;
  country: Region;
  tax_id: TaxCode;
  url: string;
}

export interface SimState {
  region: Region;
  apiKeys: Set<string>;
  clock: () => Date;
  account: SimAccount;
  registers: SimRegister[];
  /** The account's payment methods (GET /documents/paymentmethods/); copies, so a test may turn one off. */
  paymentMethods: { id: number; title: string; type: string; status: "on" | "off" }[];
  /** Document types the account may not issue (hidden from GET /documents/types/?visible_finalize=yes). */
  disabledDocumentTypes: Set<string>;
  stores: { id: number; title: string; address: string; city: string; status: "on" | "off" }[];
  products: SimProduct[];
  clients: SimClient[];
  brands: { id: number; title: string }[];
  categories: { id: number; title: string }[];
  documents: SimDocument[];
  /** product id → store id → stock in thousandths. */
  stock: Map<number, Map<number, number>>;
  series: Map<string, { count: number; lastHash: string; validationCode: string }>;
  /** register id + mode → date of the last document issued there. */
  lastDates: Map<string, string>;
  nextIds: { product: number; client: number; brand: number; category: number; document: number };
}

export interface StateOptions {
  region: Region;
  apiKeys: string[];
  clock: () => Date;
}

export function createState({ region, apiKeys, clock }: StateOptions): SimState {
  return {
    region,
    apiKeys: new Set(apiKeys),
    clock,
    account: {
      id: 90001,
      company: "Loja Exemplo, Lda.",
      fiscal_id: "509100015",
      address: "Rua das Flores, 10",
      postal_code: "4050-262",
      city: region === "PT-MA" ? "Funchal" : region === "PT-AC" ? "Ponta Delgada" : "Porto",
      email: "faturacao@loja-exemplo.pt",
      phone: "220000000",
      country: region,
      tax_id: "NOR",
      url: "loja-exemplo.vendus.pt",
    },
    registers: [
      { id: 101, store_id: 11, title: "Loja Online", type: "api", mode: "normal", status: "on", series: "01" },
      { id: 102, store_id: 11, title: "Testes API", type: "api", mode: "tests", status: "on", series: "02" },
      { id: 103, store_id: 12, title: "Balcão", type: "pos", mode: "normal", status: "off", series: "03" },
    ],
    paymentMethods: paymentMethods.map((method) => ({ ...method })),
    disabledDocumentTypes: new Set(),
    stores: [
      { id: 11, title: "Loja Online", address: "Rua das Flores, 10", city: "Porto", status: "on" },
      { id: 12, title: "Armazém", address: "Zona Industrial, Lote 4", city: "Maia", status: "on" },
    ],
    products: [],
    clients: [],
    brands: [],
    categories: [],
    documents: [],
    stock: new Map(),
    series: new Map(),
    lastDates: new Map(),
    nextIds: { product: 1001, client: 2001, brand: 401, category: 501, document: 50001 },
  };
}

/** "YYYY-MM-DD HH:MM:SS" in Lisbon, as Vendus's system_time. */
export function lisbonDateTime(at: Date): string {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: lisbonZone,
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).format(at);
  return `${lisbonDay(at)} ${parts}`;
}

export function stockOf(state: SimState, productId: number, storeId: number): number {
  return state.stock.get(productId)?.get(storeId) ?? 0;
}

export function setStock(state: SimState, productId: number, storeId: number, milli: number) {
  const stores = state.stock.get(productId) ?? new Map<number, number>();
  stores.set(storeId, milli);
  state.stock.set(productId, stores);
}
