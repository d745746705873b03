import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import pt from "@/messages/pt-PT.json";
import {
  applyStoreSettings,
  defaultStoreSettings,
  describeSettingsErrors,
  readSettingsForm,
  storeSettingsFields,
  type SettingsErrors,
  type StoreSettings,
  type StoreSettingsInput,
} from "./store-settings";

const ready: StoreSettings = {
  ...defaultStoreSettings,
  name: "Loja Azul",
  enabled: true,
  vendusRegisterId: 3,
  vendusPaymentMethodId: 7,
};

function errorsOf(changes: StoreSettingsInput, current: StoreSettings = ready): SettingsErrors {
  const result = applyStoreSettings(current, changes);
  return result.ok ? {} : result.errors;
}

function form(values: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
}

describe("the store-settings model", () => {
  it("reads typed values and text alike: checkboxes, yes/no, numbers, e-mail lists", () => {
    const typed = applyStoreSettings(ready, { oss: true, defaultVatRate: 13, notificationEmails: ["a@x.pt"] });
    const text = applyStoreSettings(ready, { oss: "yes", defaultVatRate: "13", notificationEmails: "A@x.pt; a@x.pt" });
    expect(typed).toEqual(text);
    expect(text).toMatchObject({
      ok: true,
      settings: { oss: true, defaultVatRate: 13, notificationEmails: ["a@x.pt"] },
    });
    expect(applyStoreSettings(ready, { vendusRegisterId: "12", testMode: "off", exemptionCode: " " })).toMatchObject({
      ok: true,
      settings: { vendusRegisterId: 12, testMode: false, exemptionCode: null },
    });
  });

  it("keeps what is not given: a change is applied to the current settings", () => {
    const result = applyStoreSettings(ready, { testMode: false });
    expect(result).toEqual({ ok: true, settings: { ...ready, testMode: false } });
  });

  it("needs a payment method for invoice-receipts (FR) in a store that is on", () => {
    expect(errorsOf({ vendusPaymentMethodId: null })).toEqual({ vendusPaymentMethodId: "payment_method_required" });
    expect(errorsOf({ vendusPaymentMethodId: "", enabled: "no" })).toEqual({});
    expect(errorsOf({ vendusPaymentMethodId: null, documentType: "FT" })).toEqual({});
  });

  it("needs a register for a store that is on", () => {
    expect(errorsOf({ vendusRegisterId: "" })).toEqual({ vendusRegisterId: "register_required" });
    expect(errorsOf({ vendusRegisterId: "", enabled: false })).toEqual({});
  });

  it("needs an exemption code and its law for a 0 % default rate", () => {
    expect(errorsOf({ defaultVatRate: 0 })).toEqual({
      exemptionCode: "exemption_required",
      exemptionLaw: "exemption_required",
    });
    expect(errorsOf({ defaultVatRate: "0", exemptionCode: "m10" })).toEqual({ exemptionLaw: "exemption_required" });
    expect(
      applyStoreSettings(ready, { defaultVatRate: 0, exemptionCode: "m10", exemptionLaw: "Artigo 53.º do CIVA" }),
    ).toMatchObject({ ok: true, settings: { exemptionCode: "M10" } });
  });

  it("accepts only the default rates of the store's region", () => {
    expect(errorsOf({ defaultVatRate: 30 })).toEqual({ defaultVatRate: "vat_not_regional" });
    expect(errorsOf({ defaultVatRate: 22 })).toEqual({ defaultVatRate: "vat_not_regional" });
    expect(errorsOf({ defaultVatRate: 22, vendusRegion: "PT-MA" })).toEqual({});
    expect(errorsOf({ defaultVatRate: 4, vendusRegion: "PT-AC" })).toEqual({});
    expect(errorsOf({ defaultVatRate: 101 })).toEqual({ defaultVatRate: "vat_range" });
    expect(errorsOf({ defaultVatRate: "vinte" })).toEqual({ defaultVatRate: "vat_range" });
  });

  it("holds the fiscal settings, today's behaviour by default: refuse malformed VAT numbers, shipping as charged, no VIES", () => {
    expect(defaultStoreSettings).toMatchObject({
      invalidVatNumberPolicy: "refuse",
      shippingVat: "as_charged",
      viesCheck: false,
    });
    expect(
      applyStoreSettings(ready, { invalidVatNumberPolicy: "consumer", shippingVat: "follow_goods", viesCheck: "yes" }),
    ).toMatchObject({
      ok: true,
      settings: { invalidVatNumberPolicy: "consumer", shippingVat: "follow_goods", viesCheck: true },
    });
    expect(errorsOf({ shippingVat: "always_23", invalidVatNumberPolicy: "exempt" })).toEqual({
      shippingVat: "shipping_vat",
      invalidVatNumberPolicy: "invalid_vat_number_policy",
    });
  });

  it("names every malformed value with its code", () => {
    expect(
      errorsOf({
        name: " ",
        documentType: "FS",
        exemptionCode: "X1",
        notificationEmails: "nope",
        vendusRegisterId: "-1",
        vendusPaymentMethodId: "1.5",
        invalidNifPolicy: "ignore",
        vendusRegion: "ES",
        oss: "maybe",
      }),
    ).toEqual({
      name: "required",
      documentType: "document_type",
      exemptionCode: "exemption_code_format",
      notificationEmails: "email_format",
      vendusRegisterId: "must_be_integer",
      vendusPaymentMethodId: "must_be_integer",
      invalidNifPolicy: "invalid_nif_policy",
      vendusRegion: "region",
      oss: "yes_or_no",
    });
    const many = Array.from({ length: 11 }, (_, i) => `p${i}@x.pt`).join(",");
    expect(errorsOf({ notificationEmails: many })).toEqual({ notificationEmails: "too_many_emails" });
  });

  it("reads a submitted form: an unchecked checkbox is off, a field the form lacks is kept", () => {
    const values = readSettingsForm(form({ vendusRegisterId: "5", documentType: "FT" }), [
      "enabled",
      "oss",
      "vendusRegisterId",
      "documentType",
    ]);
    expect(values).toEqual({ enabled: "off", oss: "off", vendusRegisterId: "5", documentType: "FT" });
    expect(applyStoreSettings(ready, values)).toMatchObject({
      ok: true,
      settings: {
        enabled: false,
        vendusRegisterId: 5,
        documentType: "FT",
        vendusPaymentMethodId: 7,
        name: "Loja Azul",
      },
    });
  });

  it("has words for every refusal in English and in Portuguese, and the English ones describe it", () => {
    const codes = [
      ...Object.values(errorsOf({ name: "", documentType: "FS", defaultVatRate: 0, vendusPaymentMethodId: null })),
      "register_required",
      "vat_not_regional",
      "yes_or_no",
      "too_long",
      "must_be_positive",
      "too_many_emails",
      "region",
      "invalid_nif_policy",
      "exemption_code_format",
      "email_format",
      "must_be_integer",
      "vat_range",
    ];
    for (const code of codes) {
      expect(en.storeSettingsErrors).toHaveProperty(code);
      expect(pt.storeSettingsErrors).toHaveProperty(code);
    }
    expect(describeSettingsErrors({ vendusPaymentMethodId: "payment_method_required" })).toBe(
      "vendusPaymentMethodId: Invoice-receipts (FR) need a Vendus payment method",
    );
  });

  it("covers the columns of the database's store row that a user may set", () => {
    expect(storeSettingsFields.sort()).toEqual(Object.keys(ready).sort());
  });
});
