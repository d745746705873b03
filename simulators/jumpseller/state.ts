// The simulated store's in-memory state, and its clock (tests move time instead of sleeping).
import { randomBytes } from "node:crypto";
import type { OrderTotals, TotalsInput } from "./totals";

export type OrderStatus = "abandoned" | "canceled" | "pending_payment" | "paid";
export type ShipmentStatus = "unfulfilled" | "requested" | "in_transit" | "delivered";
export type Locale = "pt" | "en" | "es";

export interface SimAddress {
  name: string | null;
  surname: string | null;
  taxid: string | null;
  address: string | null;
  city: string | null;
  postal: string | null;
  region: string | null;
  country: string | null;
  country_code: string | null;
  municipality: string | null;
}

export interface SimOrderLine {
  productId: number;
  variantId: number | null;
  sku: string | null;
  name: string;
  qty: number;
  priceCents: number;
  discountCents: number;
  taxRate: number;
  options: { name: string; value: string }[];
}

export interface SimOrder {
  id: number;
  createdAt: Date;
  completedAt: Date | null;
  status: OrderStatus;
  shipmentStatus: ShipmentStatus;
  currency: string;
  taxInclusive: boolean;
  lines: SimOrderLine[];
  totalsInput: TotalsInput;
  totals: OrderTotals;
  couponCode: string | null;
  customerId: number | null;
  billingAddress: SimAddress;
  shippingAddress: SimAddress;
  additionalFields: { label: string; value: string; area: string }[];
  paymentMethodName: string;
  paymentMethodType: string;
  shippingMethodName: string | null;
  /** Fields laid over the JSON as sent, to reproduce odd live payloads. */
  overrides: Record<string, unknown>;
}

export interface SimVariant {
  id: number;
  sku: string | null;
  barcode: string | null;
  priceCents: number;
  stock: number | null;
  options: { name: string; value: string }[];
}

export interface SimProduct {
  id: number;
  name: string;
  sku: string | null;
  barcode: string | null;
  brand: string | null;
  priceCents: number;
  stock: number | null;
  status: "available" | "not-available" | "disabled";
  categories: { id: number; name: string }[];
  variants: SimVariant[];
  createdAt: Date;
  updatedAt: Date;
}

export interface SimCustomer {
  id: number;
  email: string;
  fullname: string | null;
  phone: string | null;
  billingAddress: SimAddress;
}

export interface SimHook {
  id: number;
  event: string;
  url: string;
  createdAt: Date;
  /** Jumpseller pauses a hook after its retries run out. */
  paused: boolean;
}

export interface SimDocument {
  id: number;
  document_type: 0 | 1;
  external_id: string | null;
  public_id: string | null;
  url: string | null;
  order_id: number;
  created_at: string;
}

export interface SimHistoryEntry {
  id: number;
  message: string;
  created_at: string;
}

export interface StoreProfile {
  code: string;
  name: string;
  currency: string;
  country: string;
  timezone: string;
  email: string;
  hooksToken: string;
  locale: Locale;
  /** "wrapped" like live stores ({"store": {...}}), "flat" like the OpenAPI spec. */
  infoShape: "wrapped" | "flat";
}

export function createClock() {
  let offsetMs = 0;
  let frozenAt: number | null = null;
  return {
    now: () => new Date((frozenAt ?? Date.now()) + offsetMs),
    advance: (ms: number) => {
      offsetMs += ms;
    },
    /** Stops the clock at `date` (null lets it run again from real time). */
    set: (date: Date | null) => {
      offsetMs = 0;
      frozenAt = date ? date.getTime() : null;
    },
  };
}
export type Clock = ReturnType<typeof createClock>;

export function createStoreState(profile: StoreProfile) {
  const nextIds = {
    order: 1001,
    product: 501,
    variant: 9001,
    customer: 301,
    hook: 1,
    document: 1,
    history: 1,
    category: 11,
  };
  return {
    profile,
    orders: new Map<number, SimOrder>(),
    products: new Map<number, SimProduct>(),
    customers: new Map<number, SimCustomer>(),
    categories: new Map<string, number>(),
    hooks: new Map<number, SimHook>(),
    documents: new Map<number, SimDocument[]>(),
    history: new Map<number, SimHistoryEntry[]>(),
    nextId(kind: keyof typeof nextIds): number {
      const id = nextIds[kind];
      nextIds[kind] = id + 1;
      return id;
    },
  };
}
export type StoreState = ReturnType<typeof createStoreState>;

export const randomToken = (bytes = 16) => randomBytes(bytes).toString("hex");

export const emptyAddress = (): SimAddress => ({
  name: null,
  surname: null,
  taxid: null,
  address: null,
  city: null,
  postal: null,
  region: null,
  country: null,
  country_code: null,
  municipality: null,
});
