import { describe, expect, it } from "vitest";
import { fieldErrors, parseStoreSettingsForm } from "./store-settings";

function form(values: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
}

const valid = {
  enabled: "on",
  documentType: "FR",
  vendusRegisterId: "3",
  vendusPaymentMethodId: "7",
  defaultVatRate: "23",
  invalidNifPolicy: "refuse",
  notificationEmails: "A@example.pt, b@example.pt",
};

describe("parseStoreSettingsForm", () => {
  it("reads checkboxes, numbers and e-mail lists", () => {
    const result = parseStoreSettingsForm(form(valid));
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({
      enabled: true,
      oss: false,
      vendusRegisterId: 3,
      defaultVatRate: 23,
      exemptionCode: null,
      notificationEmails: ["a@example.pt", "b@example.pt"],
    });
  });

  it("requires an exemption reason for 0 % VAT", () => {
    const result = parseStoreSettingsForm(form({ ...valid, defaultVatRate: "0" }));
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!)).toEqual({ exemptionCode: "exemption_required" });
  });

  it("refuses malformed values", () => {
    const result = parseStoreSettingsForm(
      form({ ...valid, documentType: "NC", exemptionCode: "X1", notificationEmails: "nope", vendusRegisterId: "-1" }),
    );
    const errors = fieldErrors(result.error!);
    expect(Object.keys(errors).sort()).toEqual(["documentType", "exemptionCode", "notificationEmails", "vendusRegisterId"]);
  });

  it("needs a payment method for an enabled FR store", () => {
    const result = parseStoreSettingsForm(form({ ...valid, vendusPaymentMethodId: "" }));
    expect(fieldErrors(result.error!)).toEqual({ vendusPaymentMethodId: "payment_method_required" });
  });
});
