// Vendus answers, validated at the boundary. Only the fields Ponte reads are declared; amounts arrive as
// strings ("123.00") or numbers and become cents; ids arrive as numbers or strings and become numbers.
import { z } from "zod";
import { toCents } from "@/lib/money";
import type {
  VendusAccount,
  VendusClientRecord,
  VendusDocumentType,
  VendusExemption,
  VendusPaymentMethod,
  VendusProduct,
  VendusRegion,
  VendusRegister,
  VendusStock,
  VendusStore,
  VendusTax,
  VendusTitled,
} from "./models";

export const idSchema = z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]);
export const nullableId = z
  .union([idSchema, z.literal(""), z.literal(0)])
  .nullish()
  .transform((v) => (v === "" || v === 0 || v === undefined ? null : v));

export const centsSchema = z.union([z.number(), z.string()]).transform((value, ctx) => {
  try {
    return toCents(value);
  } catch {
    ctx.addIssue({ code: "custom", message: `not an amount: ${JSON.stringify(value)}` });
    return z.NEVER;
  }
});
export const optionalCents = z
  .union([centsSchema, z.literal("")])
  .nullish()
  .transform((v) => (typeof v === "number" ? v : 0));

export const decimalSchema = z.union([
  z.number(),
  z
    .string()
    .trim()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
]);
export const text = z
  .union([z.string(), z.number().transform(String)])
  .nullish()
  .transform((v) => (v === undefined || v === null || v === "" ? null : v));
const isOn = z
  .union([z.string(), z.number(), z.boolean()])
  .nullish()
  .transform((v) => !(v === "off" || v === 0 || v === "0" || v === false || v === "inactive"));

const regions: Record<string, VendusRegion> = {
  PT: "PT",
  "PT-MA": "PT-MA",
  "PT-AC": "PT-AC",
  // ISO 3166-2 codes for the autonomous regions, in case an account reports them.
  "PT-30": "PT-MA",
  "PT-20": "PT-AC",
};

export const accountSchema = z
  .looseObject({ id: nullableId, company: z.string(), fiscal_id: text, country: text, tax_id: text })
  .transform((a): VendusAccount => ({
    id: a.id,
    company: a.company,
    fiscalId: a.fiscal_id ?? "",
    country: a.country ?? "",
    region: regions[(a.country ?? "").toUpperCase()] ?? null,
    defaultTaxId: a.tax_id,
  }));

export const registerSchema = z
  .looseObject({ id: idSchema, store_id: nullableId, title: text, type: text, mode: text, status: isOn })
  .transform((r): VendusRegister => ({
    id: r.id,
    storeId: r.store_id,
    title: r.title ?? "",
    type: r.type ?? "",
    mode: r.mode === "normal" || r.mode === "tests" ? r.mode : null,
    isActive: r.status,
  }));

export const storeSchema = z
  .looseObject({ id: idSchema, title: text, status: isOn })
  .transform((s): VendusStore => ({ id: s.id, title: s.title ?? "", isActive: s.status }));

export const taxSchema = z
  .looseObject({ id: z.string(), rate: decimalSchema, country: text, title: text })
  .transform((t): VendusTax => ({ id: t.id, rate: t.rate, country: t.country, title: t.title ?? t.id }));

export const exemptionSchema = z
  .looseObject({ id: z.string(), text: text, law: text })
  .transform((e): VendusExemption => ({ id: e.id, text: e.text ?? "", law: e.law ?? "" }));

export const documentTypeSchema = z
  .looseObject({ id: z.string(), title: text })
  .transform((d): VendusDocumentType => ({ id: d.id, title: d.title ?? d.id }));

export const paymentMethodSchema = z
  .looseObject({ id: idSchema, title: text, type: text, status: isOn })
  .transform((p): VendusPaymentMethod => ({ id: p.id, title: p.title ?? "", type: p.type ?? "", isActive: p.status }));

export const clientRecordSchema = z
  .looseObject({
    id: idSchema,
    fiscal_id: text,
    name: text,
    email: text,
    country: text,
    address: text,
    postalcode: text,
    city: text,
    phone: text,
    external_reference: text,
  })
  .transform((c): VendusClientRecord => ({
    id: c.id,
    fiscalId: c.fiscal_id,
    name: c.name ?? "",
    email: c.email,
    country: c.country,
    address: c.address,
    postalcode: c.postalcode,
    city: c.city,
    phone: c.phone,
    externalReference: c.external_reference,
  }));

export const productSchema = z
  .looseObject({
    id: idSchema,
    reference: text,
    barcode: text,
    title: text,
    gross_price: optionalCents,
    supply_price: optionalCents,
    tax_id: text,
    unit_id: nullableId,
    category_id: nullableId,
    brand_id: nullableId,
    type_id: text,
    stock_control: z.union([z.number(), z.string(), z.boolean()]).nullish(),
    status: isOn,
  })
  .transform((p): VendusProduct => ({
    id: p.id,
    reference: p.reference,
    barcode: p.barcode,
    title: p.title ?? "",
    grossPriceCents: p.gross_price,
    supplyPriceCents: p.supply_price,
    taxId: p.tax_id,
    unitId: p.unit_id,
    categoryId: p.category_id,
    brandId: p.brand_id,
    typeId: p.type_id,
    stockControl: p.stock_control === true || Number(p.stock_control) === 1,
    isActive: p.status,
  }));

export const titledSchema = z
  .looseObject({ id: idSchema, title: text })
  .transform((t): VendusTitled => ({ id: t.id, title: t.title ?? "" }));

export const stockSchema = z
  .looseObject({
    total: decimalSchema.nullish(),
    stores: z.array(z.looseObject({ store_id: idSchema, stock: decimalSchema.nullish() })).nullish(),
  })
  .transform((s): VendusStock => {
    const stores = (s.stores ?? []).map((row) => ({ storeId: row.store_id, stock: row.stock ?? 0 }));
    return { total: s.total ?? stores.reduce((sum, row) => sum + row.stock, 0), stores };
  });
