// Is a store ready to invoice? The verdict, item by item, from what Vendus and Jumpseller answered. Plain
// TypeScript: lib/readiness/check.ts gathers the facts; the words of every item (what was found, and how
// to fix it) live in messages/*.json under "readiness.items", shared by the CLI and the dashboard.
import { shippingRateOutsideGoods } from "@/lib/invoicing";
import type { Region } from "@/lib/invoicing/types";
import type { JumpsellerOrder } from "@/lib/jumpseller/schemas";
import { REGION_RATES, sameRate } from "@/lib/invoicing/vat";
import type { StoreSettings } from "@/lib/store-settings";
import type {
  VendusAccount,
  VendusExemption,
  VendusPaymentMethod,
  VendusRegister,
  VendusTax,
} from "@/lib/vendus/models";

export type ReadinessStatus = "ok" | "warn" | "fail";

export const readinessCodes = [
  "vendus_key_ok",
  "vendus_key_missing",
  "vendus_key_refused",
  "vendus_unavailable",
  "region_ok",
  "region_mismatch",
  "region_unsupported",
  "register_ok",
  "register_missing",
  "register_unknown",
  "register_closed",
  "register_tests",
  "payment_method_ok",
  "payment_method_not_needed",
  "payment_method_missing",
  "payment_method_unknown",
  "document_type_ok",
  "document_type_refused",
  "vat_ok",
  "vat_not_in_account",
  "exemption_ok",
  "exemption_missing",
  "exemption_unknown",
  "test_mode_on",
  "test_mode_off",
  "store_on",
  "store_off",
  "jumpseller_ok",
  "jumpseller_refused",
  "jumpseller_unavailable",
  "jumpseller_other_store",
  "currency_not_eur",
  "hooks_token_ok",
  "hooks_token_missing",
  "hooks_token_mismatch",
  "webhooks_ok",
  "webhooks_missing",
  "webhooks_duplicated",
  "shipping_vat_ok",
  "shipping_vat_goods_ok",
  "shipping_vat_mismatch",
] as const;
export type ReadinessCode = (typeof readinessCodes)[number];

export type ReadinessParams = Record<string, string | number>;

export interface ReadinessItem {
  code: ReadinessCode;
  status: ReadinessStatus;
  params?: ReadinessParams;
}

export interface Readiness {
  /** No item failed: a paid order would be invoiced (warnings do not stop invoicing). */
  ready: boolean;
  checkedAt: string;
  items: ReadinessItem[];
}

export type ServiceFailure = { failure: "refused" | "unavailable"; detail: string };

export interface VendusFacts {
  account: VendusAccount;
  registers: VendusRegister[];
  paymentMethods: VendusPaymentMethod[];
  /** Document types the account may issue (GET /documents/types/?visible_finalize=yes); null if unknown. */
  documentTypes: string[] | null;
  taxes: VendusTax[];
  exemptions: VendusExemption[];
}

export interface JumpsellerFacts {
  info: { code: string; name: string | null; currency: string | null; hooksToken: string | null };
  hooks: { event: string; url: string }[];
  /** The latest paid orders, when Jumpseller listed them: for the shipping-VAT check. */
  recentPaidOrders?: JumpsellerOrder[];
}

export interface ReadinessFacts {
  store: {
    code: string;
    settings: StoreSettings;
    hasVendusKey: boolean;
    jumpsellerAuth: "private" | "oauth" | null;
    hooksToken: string | null;
  };
  vendus: VendusFacts | ServiceFailure | null;
  jumpseller: JumpsellerFacts | ServiceFailure | null;
  /** Where this Ponte receives webhooks, and the events it needs there. */
  webhookUrl: string;
  webhookEvents: readonly string[];
  /** Hooks created by the OAuth app may be signed with its client secret. */
  clientSecretConfigured: boolean;
}

const regionNames: Record<Region, string> = { PT: "PT", "PT-MA": "PT-MA", "PT-AC": "PT-AC" };

function isFailure<T>(facts: T | ServiceFailure | null): facts is ServiceFailure {
  return facts !== null && typeof facts === "object" && "failure" in facts;
}

const sameUrl = (a: string, b: string) => a.replace(/\/+$/, "") === b.replace(/\/+$/, "");

function vendusItems(facts: ReadinessFacts): ReadinessItem[] {
  const { settings, hasVendusKey } = facts.store;
  const fail = (code: ReadinessCode, params?: ReadinessParams): ReadinessItem => ({ code, status: "fail", params });
  const ok = (code: ReadinessCode, params?: ReadinessParams): ReadinessItem => ({ code, status: "ok", params });
  if (!hasVendusKey || facts.vendus === null) return [fail("vendus_key_missing")];
  if (isFailure(facts.vendus)) {
    return [fail(facts.vendus.failure === "refused" ? "vendus_key_refused" : "vendus_unavailable", facts.vendus)];
  }
  const { account, registers, paymentMethods, documentTypes, taxes, exemptions } = facts.vendus;
  const items: ReadinessItem[] = [ok("vendus_key_ok", { company: account.company, fiscalId: account.fiscalId })];

  if (!account.region) items.push(fail("region_unsupported", { country: account.country }));
  else if (account.region !== settings.vendusRegion) {
    items.push(fail("region_mismatch", { account: account.region, store: settings.vendusRegion }));
  } else items.push(ok("region_ok", { region: regionNames[account.region] }));

  const registerId = settings.vendusRegisterId;
  const register = registers.find((r) => r.id === registerId);
  if (registerId === null) items.push(fail("register_missing"));
  else if (!register) items.push(fail("register_unknown", { register: registerId }));
  else if (!register.isActive) items.push(fail("register_closed", { register: register.id, title: register.title }));
  else if (register.mode === "tests") {
    items.push({ code: "register_tests", status: "warn", params: { register: register.id, title: register.title } });
  } else items.push(ok("register_ok", { register: register.id, title: register.title }));

  if (settings.documentType === "FT") items.push(ok("payment_method_not_needed"));
  else {
    const methodId = settings.vendusPaymentMethodId;
    const method = paymentMethods.find((m) => m.id === methodId && m.isActive);
    if (methodId === null) items.push(fail("payment_method_missing"));
    else if (!method) items.push(fail("payment_method_unknown", { method: methodId }));
    else items.push(ok("payment_method_ok", { method: method.id, title: method.title }));
  }

  if (documentTypes && !documentTypes.includes(settings.documentType)) {
    items.push(fail("document_type_refused", { type: settings.documentType }));
  } else items.push(ok("document_type_ok", { type: settings.documentType }));

  const rate = settings.defaultVatRate;
  if (sameRate(rate, 0)) {
    const code = settings.exemptionCode;
    if (!code || !settings.exemptionLaw) items.push(fail("exemption_missing"));
    else if (exemptions.length > 0 && !exemptions.some((e) => e.id === code)) {
      items.push(fail("exemption_unknown", { exemption: code }));
    } else items.push(ok("exemption_ok", { exemption: code }));
  } else {
    const region = account.region ?? settings.vendusRegion;
    const known = taxes.length > 0 ? taxes.some((t) => sameRate(t.rate, rate)) : true;
    const regional = Object.values(REGION_RATES[region]).some((r) => sameRate(r, rate));
    if (!known || !regional) items.push(fail("vat_not_in_account", { rate, region: regionNames[region] }));
    else items.push(ok("vat_ok", { rate, region: regionNames[region] }));
  }
  return items;
}

function jumpsellerItems(facts: ReadinessFacts): ReadinessItem[] {
  const { code, hooksToken, jumpsellerAuth } = facts.store;
  if (facts.jumpseller === null) return [{ code: "jumpseller_refused", status: "fail", params: { detail: "-" } }];
  if (isFailure(facts.jumpseller)) {
    const itemCode = facts.jumpseller.failure === "refused" ? "jumpseller_refused" : "jumpseller_unavailable";
    return [{ code: itemCode, status: "fail", params: { detail: facts.jumpseller.detail } }];
  }
  const { info, hooks } = facts.jumpseller;
  if (info.code !== code) {
    return [{ code: "jumpseller_other_store", status: "fail", params: { found: info.code, store: code } }];
  }
  const items: ReadinessItem[] = [{ code: "jumpseller_ok", status: "ok", params: { name: info.name ?? code } }];
  if (info.currency && info.currency.toUpperCase() !== "EUR") {
    items.push({ code: "currency_not_eur", status: "fail", params: { currency: info.currency } });
  }

  // Deliveries are signed with the store's hooks token (or, for the OAuth app's hooks, its client secret).
  const appSigned = jumpsellerAuth === "oauth" && facts.clientSecretConfigured;
  if (!hooksToken && !appSigned) items.push({ code: "hooks_token_missing", status: "fail" });
  else if (hooksToken && info.hooksToken && info.hooksToken !== hooksToken && !appSigned) {
    items.push({ code: "hooks_token_mismatch", status: "fail" });
  } else items.push({ code: "hooks_token_ok", status: "ok" });

  const ours = hooks.filter((h) => sameUrl(h.url, facts.webhookUrl));
  const missing = facts.webhookEvents.filter((event) => !ours.some((h) => h.event === event));
  const duplicated = facts.webhookEvents.filter((event) => ours.filter((h) => h.event === event).length > 1);
  const url = facts.webhookUrl;
  if (missing.length > 0) {
    items.push({ code: "webhooks_missing", status: "fail", params: { url, events: missing.join(", "), store: code } });
  } else if (duplicated.length > 0) {
    items.push({ code: "webhooks_duplicated", status: "warn", params: { events: duplicated.join(", "), store: code } });
  } else items.push({ code: "webhooks_ok", status: "ok", params: { url, count: facts.webhookEvents.length } });
  const shipping = shippingItem(facts.store.settings, facts.jumpseller.recentPaidOrders);
  if (shipping) items.push(shipping);
  return items;
}

/**
 * Transport is taxed like the goods (CIVA art. 16.º, n.º 5, b)). A store that keeps the shop's shipping tax
 * is warned when its recent orders charge shipping at a rate none of their goods has.
 */
function shippingItem(settings: StoreSettings, orders: JumpsellerOrder[] | undefined): ReadinessItem | null {
  if (settings.shippingVat === "follow_goods") return { code: "shipping_vat_goods_ok", status: "ok" };
  if (!orders || orders.length === 0) return null;
  const mismatched = orders
    .map((order) => ({ order, found: shippingRateOutsideGoods(order, settings.defaultVatRate) }))
    .filter((m) => m.found !== null);
  if (mismatched.length === 0) return { code: "shipping_vat_ok", status: "ok", params: { checked: orders.length } };
  const { order, found } = mismatched[0]!;
  return {
    code: "shipping_vat_mismatch",
    status: "warn",
    params: {
      count: mismatched.length,
      checked: orders.length,
      order: order.id,
      shippingRate: found!.shippingRate,
      goodsRates: found!.goodsRates.map((r) => `${r} %`).join(", "),
    },
  };
}

/** Every item of the checklist, in the order a person fixes them: Vendus, the settings, then Jumpseller. */
export function evaluateReadiness(facts: ReadinessFacts, now = new Date()): Readiness {
  const { settings } = facts.store;
  const items = [
    ...vendusItems(facts),
    settings.testMode
      ? ({ code: "test_mode_on", status: "warn" } as const)
      : ({ code: "test_mode_off", status: "ok" } as const),
    // A store that is off invoices nothing: not ready, however well it is set up.
    settings.enabled ? ({ code: "store_on", status: "ok" } as const) : ({ code: "store_off", status: "fail" } as const),
    ...jumpsellerItems(facts),
  ];
  return { ready: items.every((item) => item.status !== "fail"), checkedAt: now.toISOString(), items };
}
