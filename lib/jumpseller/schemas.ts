// Jumpseller API v1 payloads, validated at the boundary. Only the fields Ponte reads are declared; the rest
// pass through untouched. Numbers may arrive as strings (customer.id, amounts) and empty values as null.
import { z } from "zod";

const num = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
]);
const nullableNum = num.nullish().transform((v) => v ?? 0);
const id = z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]);
/** A value that may be missing: read as null. */
const orNull = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? null);
/** A list that may be missing: read as []. */
const listOf = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullish()
    .transform((v) => v ?? []);
const text = orNull(z.string());

export const orderStatusEnum = z.enum(["abandoned", "canceled", "pending_payment", "paid"]);
export type OrderStatus = z.infer<typeof orderStatusEnum>;

export const orderTaxSchema = z.looseObject({
  id: id.nullish(),
  name: text,
  rate: num,
  fixed: z.boolean().nullish(),
  // true: the product price already includes this tax.
  tax_on_product_price: z.boolean().nullish(),
});

export const orderProductSchema = z.looseObject({
  id: id,
  variant_id: orNull(id),
  sku: text,
  name: z.string(),
  qty: num,
  // Unit price, VAT included when taxes[].tax_on_product_price is true, excluded otherwise.
  price: num,
  // Discount per unit, on the same tax basis as price.
  discount: nullableNum,
  // VAT per unit after the discount.
  tax: nullableNum,
  taxes: listOf(orderTaxSchema),
  // Variant options, when the simulator or a live store sends them.
  options: listOf(z.looseObject({ name: z.string(), value: z.string() })),
});

export const addressSchema = z.looseObject({
  name: text,
  surname: text,
  taxid: text,
  address: text,
  city: text,
  postal: text,
  region: text,
  country: text,
  country_code: text,
  municipality: text,
});

export const orderSchema = z.looseObject({
  id: id,
  created_at: z.string(),
  completed_at: text,
  status: text,
  status_enum: orderStatusEnum,
  currency: z.string(),
  subtotal: nullableNum,
  tax: nullableNum,
  shipping: nullableNum,
  shipping_tax: nullableNum,
  shipping_discount: nullableNum,
  discount: nullableNum,
  gift_cards_discount: nullableNum,
  total: num,
  coupons: z.union([z.string(), z.array(z.unknown())]).nullish(),
  shipping_method_name: text,
  payment_method_name: text,
  payment_method_type: text,
  customer: orNull(z.looseObject({ id: id.nullish(), email: text, phone: text, fullname: text })),
  billing_address: orNull(addressSchema),
  shipping_address: orNull(addressSchema),
  products: z.array(orderProductSchema),
  shipping_taxes: listOf(orderTaxSchema),
  additional_fields: listOf(z.looseObject({ label: text, value: text, area: text })),
  shipment_status_enum: text,
  // "delivery" | "store_pickup" | "no_shipping"; with store_pickup the goods are handed over at pickup_address.
  shipping_option: text,
  pickup_address: orNull(addressSchema),
  // The buyer's company, when the checkout asks for it ("Razón social").
  billing_information: orNull(z.looseObject({ company_name: text, business_activity: text, taxpayer_type: text })),
});

export type JumpsellerOrder = z.infer<typeof orderSchema>;
export type JumpsellerOrderProduct = z.infer<typeof orderProductSchema>;
export type JumpsellerAddress = z.infer<typeof addressSchema>;

/** A single order arrives wrapped: `{"order": {...}}`. */
export const wrappedOrderSchema = z.object({ order: orderSchema });

/** Lists arrive as arrays of wrapped items: `[{"order": {...}}]`. */
export const orderListSchema = z.array(wrappedOrderSchema).transform((items) => items.map((item) => item.order));

export const countSchema = z.looseObject({ count: num });

// GET /store/info.json: the spec shows a flat object, live stores answer {"store": {...}}; parse `body.store ?? body`.
export const storeInfoSchema = z.looseObject({
  code: z.string().min(1),
  name: text,
  currency: text,
  country: text,
  timezone: text,
  email: text,
  hooks_token: text,
  url: text,
});
export type JumpsellerStoreInfo = z.infer<typeof storeInfoSchema>;

export const hookSchema = z.looseObject({
  id: id,
  event: z.string(),
  url: z.string(),
  name: text,
  created_at: text,
});
export type JumpsellerHook = z.infer<typeof hookSchema>;
export const wrappedHookSchema = z.object({ hook: hookSchema });

const categorySchema = z.looseObject({ id: id, name: z.string() });
const optionSchema = z.looseObject({ name: z.string(), value: z.string() });

// Price and stock, on a product without variants and on each variant.
const stockFields = {
  price: nullableNum,
  stock: orNull(num),
  stock_unlimited: z
    .boolean()
    .nullish()
    .transform((v) => v ?? false),
};

// With variants, price and stock live on each variant; stock is meaningless when stock_unlimited is true.
export const variantSchema = z.looseObject({
  id: id,
  sku: text,
  barcode: text,
  ...stockFields,
  options: listOf(optionSchema),
});
export type JumpsellerVariant = z.infer<typeof variantSchema>;
export const wrappedVariantSchema = z.object({ variant: variantSchema });

export const productSchema = z.looseObject({
  id: id,
  name: z.string(),
  sku: text,
  barcode: text,
  brand: text,
  ...stockFields,
  status: text,
  categories: listOf(categorySchema),
  variants: listOf(variantSchema),
  updated_at: text,
});
export type JumpsellerProduct = z.infer<typeof productSchema>;
export const wrappedProductSchema = z.object({ product: productSchema });

export const customerSchema = z.looseObject({
  id: id,
  email: text,
  phone: text,
  fullname: text,
  status: text,
  billing_address: orNull(addressSchema),
  shipping_address: orNull(addressSchema),
});
export type JumpsellerCustomer = z.infer<typeof customerSchema>;
export const wrappedCustomerSchema = z.object({ customer: customerSchema });

/** document_type: 1 = invoice, 0 = credit note. */
export const orderDocumentSchema = z.looseObject({
  document_type: z.union([z.literal(0), z.literal(1), z.enum(["0", "1"]).transform(Number)]),
  external_id: text,
  public_id: text,
  url: text,
  order_id: orNull(id),
});
export type JumpsellerOrderDocument = z.infer<typeof orderDocumentSchema>;
export const wrappedOrderDocumentSchema = z.object({ document: orderDocumentSchema });

export const orderHistorySchema = z.looseObject({ id: id.nullish(), message: z.string(), created_at: text });
export type JumpsellerOrderHistory = z.infer<typeof orderHistorySchema>;
export const wrappedOrderHistorySchema = z.object({ order_history: orderHistorySchema });
