// A store's invoicing settings: the one model, with every rule. The CLI (store:add), the dashboard's
// settings form, the connect flow's setup step and the database writes (lib/stores.ts) all validate through
// it, so they refuse the same settings with the same error codes, worded once in messages/*.json under
// "storeSettingsErrors". Plain TypeScript: no framework, no database.
//
// Values may be typed (code) or text (a form or a command line: "on", "yes", "12", ""); both are read here.
import { z } from "zod";
import type { Region } from "@/lib/invoicing/types";
import { REGION_RATES, isRegionRate, sameRate } from "@/lib/invoicing/vat";
import { readYesNo } from "@/lib/yes-no";
import english from "@/messages/en.json";

export { fieldErrors } from "./form-errors";

const regions = ["PT", "PT-MA", "PT-AC"] as const satisfies readonly Region[];

const text = (v: unknown) => (typeof v === "string" ? v.trim() : v);
const blankToNull = (v: unknown) => {
  const t = text(v);
  return t === "" || t === undefined || t === null ? null : t;
};
// An empty value is "no": a form's unchecked box, a command line's `--oss=`.
const flag = z.preprocess((v) => {
  if (typeof v !== "string") return v ?? false;
  return v.trim() === "" ? false : (readYesNo(v) ?? v);
}, z.boolean("yes_or_no"));

const optionalId = z.preprocess((v) => {
  const t = blankToNull(v);
  return typeof t === "string" ? (/^\d+$/.test(t) ? Number(t) : t) : t;
}, z.number("must_be_integer").int("must_be_integer").positive("must_be_positive").max(2_147_483_647, "must_be_positive").nullable());

const optionalText = (max: number) => z.preprocess(blankToNull, z.string().max(max, "too_long").nullable());

const emailList = z.preprocess(
  (v) => {
    const list = typeof v === "string" ? v.split(/[\s,;]+/) : (v ?? []);
    if (!Array.isArray(list)) return list;
    return [...new Set(list.map((e) => (typeof e === "string" ? e.trim().toLowerCase() : e)).filter(Boolean))];
  },
  z.array(z.email("email_format")).max(10, "too_many_emails"),
);

export const storeSettingsSchema = z
  .object({
    name: z.preprocess(text, z.string("required").min(1, "required").max(120, "too_long")),
    enabled: flag,
    oss: flag,
    testMode: flag,
    autoCreditNote: flag,
    vendusRegisterId: optionalId,
    vendusPaymentMethodId: optionalId,
    // Simplified invoices (FS) are for small counter sales; online orders get FT or FR.
    documentType: z.preprocess(
      (v) => (typeof v === "string" ? v.trim().toUpperCase() : v),
      z.enum(["FT", "FR"], "document_type"),
    ),
    defaultVatRate: z.preprocess(
      (v) => {
        const t = text(v);
        return typeof t === "string" && /^\d+([.,]\d+)?$/.test(t) ? Number(t.replace(",", ".")) : t;
      },
      z.number("vat_range").min(0, "vat_range").max(100, "vat_range").multipleOf(0.01, "vat_range"),
    ),
    // Exemption reasons are the AT codes M01…M99 (Portaria 195/2020); Vendus lists the ones it knows.
    exemptionCode: z.preprocess(
      (v) => {
        const t = blankToNull(v);
        return typeof t === "string" ? t.toUpperCase() : t;
      },
      z
        .string()
        .regex(/^M\d{2}$/, "exemption_code_format")
        .nullable(),
    ),
    exemptionLaw: optionalText(200),
    invalidNifPolicy: z.enum(["refuse", "consumidor_final"], "invalid_nif_policy"),
    // A number with an EU VAT prefix that is not a valid VAT number is never exempt: refuse, or a consumer.
    invalidVatNumberPolicy: z.enum(["refuse", "consumer"], "invalid_vat_number_policy"),
    // Transport charged to the customer: as the shop taxed it, or at the goods' rates (CIVA art. 16.º, n.º 5, b)).
    shippingVat: z.enum(["as_charged", "follow_goods"], "shipping_vat"),
    // Confirm EU VAT numbers in VIES before an exempt intra-community invoice.
    viesCheck: flag,
    nifFieldLabel: optionalText(80),
    notificationEmails: emailList,
    // The Vendus account's VAT region (from GET /account/): which rates exist.
    vendusRegion: z.enum(regions, "region"),
  })
  .superRefine((s, ctx) => {
    const problem = (path: keyof StoreSettings, message: StoreSettingsErrorCode) =>
      ctx.addIssue({ code: "custom", path: [path], message });
    // A 0 % line must say why it is exempt, or the invoice is not valid (CIVA art. 36 n.º 5 e).
    if (sameRate(s.defaultVatRate, 0)) {
      if (!s.exemptionCode) problem("exemptionCode", "exemption_required");
      if (!s.exemptionLaw) problem("exemptionLaw", "exemption_required");
    } else if (!isRegionRate(s.vendusRegion, s.defaultVatRate)) {
      // Vendus refuses a rate its account's region does not have.
      problem("defaultVatRate", "vat_not_regional");
    }
    // A store that is on must be able to invoice; one that is off may be saved half set up (the readiness
    // check lists what it still lacks).
    if (s.enabled) {
      // A fatura-recibo records the payment, so Vendus must know which payment method to book it to.
      if (s.documentType === "FR" && s.vendusPaymentMethodId === null) {
        problem("vendusPaymentMethodId", "payment_method_required");
      }
      // Documents are issued on a register.
      if (s.vendusRegisterId === null) problem("vendusRegisterId", "register_required");
    }
  });

export type StoreSettings = z.output<typeof storeSettingsSchema>;
export type StoreSettingsField = keyof StoreSettings;
/** What a caller may give: typed values or text, any subset (the rest comes from the store or the defaults). */
export type StoreSettingsInput = { [K in StoreSettingsField]?: StoreSettings[K] | string | null };

/** Every reason a setting can be refused; each has its words in messages/*.json under "storeSettingsErrors". */
export type StoreSettingsErrorCode =
  | "required"
  | "too_long"
  | "yes_or_no"
  | "must_be_integer"
  | "must_be_positive"
  | "document_type"
  | "vat_range"
  | "vat_not_regional"
  | "exemption_code_format"
  | "exemption_required"
  | "invalid_nif_policy"
  | "invalid_vat_number_policy"
  | "shipping_vat"
  | "email_format"
  | "too_many_emails"
  | "region"
  | "payment_method_required"
  | "register_required";

export const storeSettingsFields = Object.keys(storeSettingsSchema.shape) as StoreSettingsField[];

/** A new store's settings, as the database creates them: off, in test mode, until someone sets it up. */
export const defaultStoreSettings: Omit<StoreSettings, "name"> = {
  enabled: false,
  oss: false,
  testMode: true,
  autoCreditNote: false,
  vendusRegisterId: null,
  vendusPaymentMethodId: null,
  documentType: "FR",
  defaultVatRate: 23,
  exemptionCode: null,
  exemptionLaw: null,
  invalidNifPolicy: "refuse",
  invalidVatNumberPolicy: "refuse",
  shippingVat: "as_charged",
  viesCheck: false,
  nifFieldLabel: null,
  notificationEmails: [],
  vendusRegion: "PT",
};

export type SettingsErrors = Partial<Record<StoreSettingsField, StoreSettingsErrorCode>>;
export type SettingsResult = { ok: true; settings: StoreSettings } | { ok: false; errors: SettingsErrors };

/** Applies changes to a store's current settings and checks the result as a whole. */
export function applyStoreSettings(current: StoreSettings, changes: StoreSettingsInput): SettingsResult {
  const given = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  const result = storeSettingsSchema.safeParse({ ...current, ...given });
  if (result.success) return { ok: true, settings: result.data };
  const errors: SettingsErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as StoreSettingsField;
    errors[field] ??= issue.message as StoreSettingsErrorCode;
  }
  return { ok: false, errors };
}

/** The English words of each refusal: the same text the dashboard shows in English. */
export const storeSettingsErrorWords: Record<StoreSettingsErrorCode, string> = english.storeSettingsErrors;

/** One line per refused field, e.g. "vendusPaymentMethodId: Invoice-receipts (FR) need a Vendus payment method". */
export function describeSettingsErrors(
  errors: SettingsErrors,
  label: (field: StoreSettingsField) => string = (field) => field,
): string {
  return Object.entries(errors)
    .map(([field, code]) => `${label(field as StoreSettingsField)}: ${storeSettingsErrorWords[code]}`)
    .join("; ");
}

/** The settings a form edits, read from what it submitted: an unchecked checkbox is absent, so it is off. */
export function readSettingsForm(
  form: FormData,
  fields: readonly StoreSettingsField[],
  checkboxes: readonly StoreSettingsField[] = ["enabled", "oss", "testMode", "autoCreditNote", "viesCheck"],
): StoreSettingsInput {
  const values: Record<string, string | null> = {};
  for (const field of fields) {
    const value = form.get(field);
    if (typeof value === "string") values[field] = value;
    else if (checkboxes.includes(field)) values[field] = "off";
  }
  return values;
}

/** The region's rates, for pickers and messages. */
export function regionRates(region: Region): number[] {
  return Object.values(REGION_RATES[region]);
}
