import { describe, expect, it } from "vitest";
import { applyCorrection, checkCorrection, type OrderCorrection } from "./correction";
import { findTaxId } from "./customer";
import type { JumpsellerOrder } from "@/lib/jumpseller/schemas";

const none: OrderCorrection = {
  taxId: null,
  taxCountry: null,
  consumidorFinal: false,
  name: null,
  address: null,
  postalCode: null,
  city: null,
};

const order = {
  id: 1,
  billing_address: {
    name: "Ana",
    surname: "Silva",
    taxid: "123456780",
    address: "Rua A",
    city: "Porto",
    country_code: "PT",
  },
  additional_fields: [{ label: "NIF", value: "123456780", area: "checkout" }],
  billing_information: { company_name: "Silva Lda" },
} as unknown as JumpsellerOrder;

describe("order corrections", () => {
  it("refuses what the engine would refuse", () => {
    expect(checkCorrection({ ...none, taxId: "123456788" }, "PT").map((p) => p.code)).toEqual(["invalid_nif"]);
    expect(checkCorrection({ ...none, taxId: "999999990" }, "PT").map((p) => p.code)).toEqual(["consumidor_final_nif"]);
    expect(checkCorrection({ ...none, taxId: "DE123" }, "PT").map((p) => p.code)).toEqual(["invalid_vat_number"]);
    expect(checkCorrection(none, "PT").map((p) => p.code)).toEqual(["empty"]);
    expect(checkCorrection({ ...none, taxId: "503 504 564" }, "PT")).toEqual([]);
  });

  it("puts the corrected number, or none, on a copy of the order", () => {
    const fixed = applyCorrection(order, { ...none, taxId: "503504564" }, "NIF");
    expect(findTaxId(fixed, "NIF")).toBe("503504564");
    const consumer = applyCorrection(order, { ...none, consumidorFinal: true }, "NIF");
    expect(findTaxId(consumer, "NIF")).toBeNull();
    expect(findTaxId(order, "NIF")).toBe("123456780");
  });

  it("replaces the name (over the company's) and the address", () => {
    const fixed = applyCorrection(order, { ...none, name: "Ana Sousa", address: "Rua B", city: "Braga" }, null);
    expect(fixed.billing_address).toMatchObject({ name: "Ana Sousa", surname: null, address: "Rua B", city: "Braga" });
    expect(fixed.billing_information?.company_name).toBeNull();
    expect(order.billing_address?.name).toBe("Ana");
  });
});
