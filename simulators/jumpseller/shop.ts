// Orders placed, paid, cancelled and edited the way a shopper and a merchant would, with totals from the
// money model (totals.ts) and the hook events Jumpseller fires for each change.
import { toCents } from "@/lib/money";
import { ShopError, type Catalog } from "./catalog";
import { orderJson, type OrderJson } from "./serialize";
import {
  emptyAddress,
  type Clock,
  type OrderStatus,
  type SimAddress,
  type SimOrder,
  type SimOrderLine,
  type StoreState,
} from "./state";
import { computeOrderTotals, type TotalsInput } from "./totals";
import type { WebhookDispatcher } from "./webhooks";

export interface CreateOrderLineInput {
  productId?: number;
  variantId?: number | null;
  sku?: string;
  /** Defaults to the catalogue product's name. */
  name?: string;
  qty: number;
  /** Unit price in euros on the shop's tax basis; defaults to the catalogue price. */
  price?: number;
  /** Per-unit discount in euros, same basis as the price. */
  discount?: number;
  /** Percent; default 23 (Portugal mainland standard rate). */
  taxRate?: number;
}

export interface CreateOrderInput {
  products: CreateOrderLineInput[];
  /** true: prices include VAT (tax_on_product_price). Default true. */
  taxInclusive?: boolean;
  shipping?: number;
  shippingTaxRate?: number;
  shippingDiscount?: number;
  coupon?: { code?: string; percent?: number; amount?: number } | null;
  /** Euros paid with gift cards. */
  giftCard?: number;
  /** Goes to billing_address.taxid, as typed by the shopper ("PT 123 456 789" is possible). */
  nif?: string | null;
  country?: string;
  countryCode?: string;
  /** Laid over both addresses (city, postal, region… of a buyer abroad). */
  address?: Partial<SimAddress>;
  currency?: string;
  customer?: { email: string; fullname?: string; phone?: string };
  billingAddress?: Partial<SimAddress>;
  additionalFields?: { label: string; value: string; area?: string }[];
  paymentMethodName?: string;
  shippingMethodName?: string;
}

export interface UpdateOrderInput {
  nif?: string | null;
  billingAddress?: Partial<SimAddress>;
  shippingAddress?: Partial<SimAddress>;
  additionalFields?: { label: string; value: string; area?: string }[];
  paymentMethodName?: string;
  /** Laid over the JSON as sent (e.g. `{ total: 9.99 }` to send inconsistent totals). */
  overrides?: Record<string, unknown>;
}

export function createShop(state: StoreState, clock: Clock, hooks: WebhookDispatcher, catalog: Catalog) {
  function lineFrom(input: CreateOrderLineInput): SimOrderLine {
    let product = input.productId !== undefined ? catalog.productOrThrow(input.productId) : undefined;
    let variant = product && input.variantId ? product.variants.find((v) => v.id === input.variantId) : undefined;
    if (product && input.variantId && !variant)
      throw new ShopError(404, `Variant ${input.variantId} not found in product ${product.id}`);
    if (!product && input.sku) {
      for (const p of state.products.values()) {
        const v = p.variants.find((candidate) => candidate.sku === input.sku);
        if (v || p.sku === input.sku) {
          product = p;
          variant = v;
          break;
        }
      }
    }
    const name = input.name ?? product?.name;
    if (!name) throw new ShopError(400, "An order line needs a name or a catalogue product");
    if (!Number.isInteger(input.qty) || input.qty <= 0) throw new ShopError(400, `Invalid quantity ${input.qty}`);
    return {
      // A line sold outside the catalogue still carries an id, as live orders of deleted products do.
      productId: product?.id ?? state.nextId("product"),
      variantId: variant?.id ?? null,
      sku: input.sku ?? variant?.sku ?? product?.sku ?? null,
      name,
      qty: input.qty,
      priceCents: input.price !== undefined ? toCents(input.price) : (variant?.priceCents ?? product?.priceCents ?? 0),
      discountCents: toCents(input.discount ?? 0),
      taxRate: input.taxRate ?? 23,
      options: variant?.options.map((o) => ({ ...o })) ?? [],
    };
  }

  function orderOrThrow(orderId: number): SimOrder {
    const order = state.orders.get(orderId);
    if (!order) throw new ShopError(404, `Order ${orderId} not found`);
    return order;
  }

  function announce(order: SimOrder, ...events: string[]) {
    const payload = { order: orderJson(state, order) };
    for (const event of events) hooks.emit(event, payload);
    return payload.order;
  }

  function transition(orderId: number, from: OrderStatus[], to: OrderStatus): SimOrder {
    const order = orderOrThrow(orderId);
    if (!from.includes(order.status))
      throw new ShopError(409, `Order ${orderId} is ${order.status}, cannot become ${to}`);
    order.status = to;
    return order;
  }

  return {
    orderOrThrow,

    createOrder(input: CreateOrderInput): OrderJson {
      if (!input.products?.length) throw new ShopError(400, "An order needs at least one product");
      const lines = input.products.map(lineFrom);
      const taxInclusive = input.taxInclusive ?? true;
      const totalsInput: TotalsInput = {
        lines: lines.map((l) => ({
          priceCents: l.priceCents,
          discountCents: l.discountCents,
          qty: l.qty,
          taxRate: l.taxRate,
        })),
        taxInclusive,
        shippingCents: toCents(input.shipping ?? 0),
        shippingDiscountCents: toCents(input.shippingDiscount ?? 0),
        shippingTaxRate: input.shippingTaxRate ?? 23,
        coupon: input.coupon
          ? {
              percent: input.coupon.percent,
              amountCents: input.coupon.amount === undefined ? undefined : toCents(input.coupon.amount),
            }
          : null,
        giftCardCents: toCents(input.giftCard ?? 0),
      };
      const customer = catalog.ensureCustomer(
        input.customer ?? { email: "cliente@example.com", fullname: "Cliente Exemplo" },
      );
      const [first = null, ...rest] = (customer.fullname ?? "").split(" ").filter(Boolean);
      const address: SimAddress = {
        ...emptyAddress(),
        name: first,
        surname: rest.join(" ") || null,
        address: "Rua do Exemplo 1",
        city: "Lisboa",
        postal: "1000-001",
        region: "Lisboa",
        municipality: "Lisboa",
        country: input.country ?? "Portugal",
        country_code: input.countryCode ?? "PT",
        ...input.address,
      };
      const order: SimOrder = {
        id: state.nextId("order"),
        createdAt: clock.now(),
        completedAt: null,
        status: "pending_payment",
        shipmentStatus: "unfulfilled",
        currency: input.currency ?? state.profile.currency,
        taxInclusive,
        lines,
        totalsInput,
        totals: computeOrderTotals(totalsInput),
        couponCode: input.coupon ? (input.coupon.code ?? "DESCONTO") : null,
        customerId: customer.id,
        billingAddress: { ...address, taxid: input.nif ?? null, ...input.billingAddress },
        shippingAddress: { ...address },
        additionalFields: (input.additionalFields ?? []).map((f) => ({
          label: f.label,
          value: f.value,
          area: f.area ?? "billing",
        })),
        paymentMethodName: input.paymentMethodName ?? "Multibanco",
        paymentMethodType: "manual",
        shippingMethodName: (input.shipping ?? 0) > 0 ? (input.shippingMethodName ?? "CTT Expresso") : null,
        overrides: {},
      };
      state.orders.set(order.id, order);
      return announce(order, "order_pending_payment", "order_updated");
    },

    payOrder(orderId: number): OrderJson {
      const order = transition(orderId, ["pending_payment", "abandoned"], "paid");
      order.completedAt = clock.now();
      return announce(order, "order_paid", "order_updated");
    },

    cancelOrder(orderId: number): OrderJson {
      const order = transition(orderId, ["pending_payment", "paid", "abandoned"], "canceled");
      return announce(order, "order_canceled", "order_updated");
    },

    abandonOrder(orderId: number): OrderJson {
      const order = transition(orderId, ["pending_payment"], "abandoned");
      return announce(order, "order_abandoned", "order_updated");
    },

    shipOrder(orderId: number): OrderJson {
      const order = orderOrThrow(orderId);
      if (order.status !== "paid")
        throw new ShopError(409, `Order ${orderId} is ${order.status}, only paid orders ship`);
      order.shipmentStatus = "delivered";
      return announce(order, "order_shipped", "order_updated");
    },

    updateOrder(orderId: number, patch: UpdateOrderInput): OrderJson {
      const order = orderOrThrow(orderId);
      if (patch.nif !== undefined) order.billingAddress.taxid = patch.nif;
      if (patch.billingAddress) order.billingAddress = { ...order.billingAddress, ...patch.billingAddress };
      if (patch.shippingAddress) order.shippingAddress = { ...order.shippingAddress, ...patch.shippingAddress };
      if (patch.additionalFields) {
        order.additionalFields = patch.additionalFields.map((f) => ({
          label: f.label,
          value: f.value,
          area: f.area ?? "billing",
        }));
      }
      if (patch.paymentMethodName !== undefined) order.paymentMethodName = patch.paymentMethodName;
      if (patch.overrides) order.overrides = { ...order.overrides, ...patch.overrides };
      return announce(order, "order_updated");
    },

    getOrder: (orderId: number): OrderJson => orderJson(state, orderOrThrow(orderId)),
  };
}
export type Shop = ReturnType<typeof createShop>;
