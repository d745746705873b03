// The store settings an admin can change, validated on the server whatever the form sent.
import { z } from "zod";

export { fieldErrors } from "./form-errors";

const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
const optionalId = z.preprocess(
  (v) => (v === "" || v === null || v === undefined ? null : v),
  z.coerce.number().int("must_be_integer").positive("must_be_positive").max(2_147_483_647).nullable(),
);
const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : null), z.string().max(max).nullable());

export const storeSettingsSchema = z
  .object({
    enabled: checkbox,
    oss: checkbox,
    testMode: checkbox,
    autoCreditNote: checkbox,
    vendusRegisterId: optionalId,
    vendusPaymentMethodId: optionalId,
    // Simplified invoices (FS) are only for small sales at the counter; online orders get FT or FR.
    documentType: z.enum(["FT", "FR"]),
    defaultVatRate: z.coerce.number().min(0, "vat_range").max(100, "vat_range").multipleOf(0.01, "vat_range"),
    // Exemption reasons are the AT codes M01…M99 (Portaria 195/2020 list).
    exemptionCode: optionalText(3).refine((v) => v === null || /^M\d{2}$/.test(v), "exemption_code_format"),
    exemptionLaw: optionalText(200),
    invalidNifPolicy: z.enum(["refuse", "consumidor_final"]),
    notificationEmails: z.preprocess(
      (v) => (typeof v === "string" ? v.split(/[\s,;]+/).filter(Boolean).map((e) => e.toLowerCase()) : v),
      z.array(z.email("email_format")).max(10, "too_many_emails"),
    ),
  })
  .superRefine((s, ctx) => {
    // A 0 % line must state why it is exempt, or the invoice is not valid (CIVA art. 36 n.º 5 e).
    if (s.defaultVatRate === 0 && (!s.exemptionCode || !s.exemptionLaw)) {
      ctx.addIssue({ code: "custom", path: ["exemptionCode"], message: "exemption_required" });
    }
    // A fatura-recibo records the payment, so Vendus needs to know which payment method to book it to.
    if (s.enabled && s.documentType === "FR" && s.vendusPaymentMethodId === null) {
      ctx.addIssue({ code: "custom", path: ["vendusPaymentMethodId"], message: "payment_method_required" });
    }
    if (s.enabled && s.vendusRegisterId === null) {
      ctx.addIssue({ code: "custom", path: ["vendusRegisterId"], message: "register_required" });
    }
  });
export type StoreSettings = z.infer<typeof storeSettingsSchema>;

export const storeSettingsFields = Object.keys(storeSettingsSchema.shape) as (keyof StoreSettings)[];

export function parseStoreSettingsForm(form: FormData) {
  const raw = Object.fromEntries(storeSettingsFields.map((field) => [field, form.get(field) ?? undefined]));
  return storeSettingsSchema.safeParse(raw);
}
