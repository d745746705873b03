// Resources as Jumpseller sends them: snake_case, null for empty, amounts as JSON numbers, translated
// status names beside the *_enum fields, times as "2023-02-10 13:56:35 UTC".
import type {
  Locale,
  OrderStatus,
  ShipmentStatus,
  SimCustomer,
  SimHook,
  SimOrder,
  SimProduct,
  StoreState,
} from "./state";

export const jumpsellerTime = (date: Date) => `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
export const triggeredAtTime = (date: Date) => date.toISOString().replace("T", " ").replace("Z", " UTC");
const amount = (cents: number) => cents / 100;

const statusNames: Record<Locale, Record<OrderStatus, string>> = {
  pt: { paid: "Pago", pending_payment: "Pendente de Pagamento", canceled: "Cancelado", abandoned: "Abandonado" },
  en: { paid: "Paid", pending_payment: "Pending Payment", canceled: "Canceled", abandoned: "Abandoned" },
  es: { paid: "Pagado", pending_payment: "Pendiente de Pago", canceled: "Cancelado", abandoned: "Abandonado" },
};
const shipmentNames: Record<Locale, Record<ShipmentStatus, string>> = {
  pt: { unfulfilled: "Por Enviar", requested: "Pedido", in_transit: "Em Trânsito", delivered: "Entregue" },
  en: { unfulfilled: "Unfulfilled", requested: "Requested", in_transit: "In Transit", delivered: "Delivered" },
  es: { unfulfilled: "No Enviado", requested: "Solicitado", in_transit: "En Tránsito", delivered: "Entregado" },
};
const taxName: Record<Locale, string> = { pt: "IVA", en: "VAT", es: "IVA" };

export type OrderJson = Record<string, unknown> & {
  id: number;
  status: string;
  status_enum: OrderStatus;
  subtotal: number;
  tax: number;
  shipping: number;
  shipping_tax: number;
  shipping_discount: number;
  discount: number;
  gift_cards_discount: number;
  total: number;
  products: Array<Record<string, unknown> & { id: number; qty: number; price: number; discount: number; tax: number }>;
};

export function orderJson(state: StoreState, order: SimOrder): OrderJson {
  const locale = state.profile.locale;
  const t = order.totals;
  const customer = order.customerId === null ? null : state.customers.get(order.customerId);
  const tax = (rate: number, onPrice: Record<string, boolean>) => ({
    id: Math.round(rate * 100),
    name: `${taxName[locale]} ${rate}%`,
    rate,
    fixed: false,
    ...onPrice,
  });
  const json: OrderJson = {
    id: order.id,
    created_at: jumpsellerTime(order.createdAt),
    completed_at: order.completedAt ? jumpsellerTime(order.completedAt) : null,
    status: statusNames[locale][order.status],
    status_name: statusNames[locale][order.status],
    status_enum: order.status,
    currency: order.currency,
    subtotal: amount(t.subtotal),
    tax: amount(t.tax),
    shipping: amount(t.shipping),
    shipping_tax: amount(t.shippingTax),
    shipping_discount: amount(t.shippingDiscount),
    discount: amount(t.discount),
    gift_cards_discount: amount(t.giftCardsDiscount),
    total: amount(t.total),
    shipping_required: t.shipping > 0,
    shipping_option: t.shipping > 0 ? "delivery" : "no_shipping",
    shipping_method_name: order.shippingMethodName,
    payment_method_name: order.paymentMethodName,
    payment_method_type: order.paymentMethodType,
    coupons: order.couponCode ?? "",
    promotions: [],
    // Live stores send the customer id as a string.
    customer: customer
      ? {
          id: String(customer.id),
          email: customer.email,
          phone: customer.phone,
          fullname: customer.fullname ?? customer.email,
        }
      : null,
    billing_address: { ...order.billingAddress },
    shipping_address: { ...order.shippingAddress },
    products: order.lines.map((line, i) => ({
      id: line.productId,
      variant_id: line.variantId,
      sku: line.sku,
      name: line.name,
      qty: line.qty,
      price: amount(line.priceCents),
      discount: amount(line.discountCents),
      tax: amount(t.lines[i]?.unitTaxCents ?? 0),
      weight: 1,
      taxes: [tax(line.taxRate, { tax_on_product_price: order.taxInclusive })],
      options: line.options,
    })),
    shipping_taxes:
      t.shipping > 0 ? [tax(order.totalsInput.shippingTaxRate, { tax_on_shipping_price: order.taxInclusive })] : [],
    additional_fields: order.additionalFields.map((f, i) => ({ id: i + 1, ...f })),
    fulfillment_status: order.shipmentStatus === "delivered" ? "fulfilled" : "unfulfilled",
    shipment_status: shipmentNames[locale][order.shipmentStatus],
    shipment_status_enum: order.shipmentStatus,
    tracking_number: null,
    tracking_url: null,
  };
  return { ...json, ...order.overrides } as OrderJson;
}

export function productJson(product: SimProduct) {
  const hasVariants = product.variants.length > 0;
  return {
    id: product.id,
    name: product.name,
    sku: product.sku,
    barcode: product.barcode,
    brand: product.brand,
    price: amount(product.priceCents),
    stock: hasVariants ? product.variants.reduce((sum, v) => sum + (v.stock ?? 0), 0) : product.stock,
    stock_unlimited: hasVariants ? false : product.stock === null,
    status: product.status,
    permalink: product.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, ""),
    categories: product.categories.map((c) => ({ ...c })),
    variants: product.variants.map(variantJson),
    created_at: jumpsellerTime(product.createdAt),
    updated_at: jumpsellerTime(product.updatedAt),
  };
}

export function variantJson(variant: SimProduct["variants"][number]) {
  return {
    id: variant.id,
    sku: variant.sku,
    barcode: variant.barcode,
    price: amount(variant.priceCents),
    stock: variant.stock,
    stock_unlimited: variant.stock === null,
    options: variant.options.map((o) => ({ ...o, option_type: "option" })),
  };
}

export function customerJson(customer: SimCustomer) {
  return {
    id: customer.id,
    email: customer.email,
    phone: customer.phone,
    fullname: customer.fullname,
    status: "approved",
    billing_address: { ...customer.billingAddress },
    shipping_address: { ...customer.billingAddress },
  };
}

export function hookJson(hook: SimHook) {
  return { id: hook.id, name: null, event: hook.event, url: hook.url, created_at: jumpsellerTime(hook.createdAt) };
}

export function storeJson(state: StoreState) {
  const p = state.profile;
  return {
    code: p.code,
    name: p.name,
    currency: p.currency,
    country: p.country,
    timezone: p.timezone,
    email: p.email,
    hooks_token: p.hooksToken,
    url: `https://${p.code}.jumpseller.com`,
    logo: null,
    weight_unit: "kg",
    subscription_status: "active",
    subscription_plan: "plus",
  };
}
