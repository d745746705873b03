// What each Jumpseller hook event means for Ponte, and what makes a delivery "the same" as an earlier one.
// Pure: no database, no network, so the rules can be read and tested alone.
import { createHash } from "node:crypto";
import { z } from "zod";
import { jumpsellerWebhookEvents, type JumpsellerWebhookEvent } from "@/lib/jumpseller/constants";
import { toCents } from "@/lib/money";

const id = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/).transform(Number)]);
const text = z.string().nullish().transform((v) => v ?? null);
const amount = z.union([z.number(), z.string()]).nullish();

// The webhook body is only a hint for the dashboard (the pipeline reads the order again from Jumpseller),
// so it is read leniently: only the id and status must be there.
export const orderHintSchema = z.looseObject({
  id,
  status_enum: z.enum(["abandoned", "canceled", "pending_payment", "paid"]),
  created_at: text,
  completed_at: text,
  currency: text,
  total: amount,
  customer: z.looseObject({ email: text, fullname: text }).nullish(),
  billing_address: z.looseObject({ name: text, surname: text, taxid: text, country_code: text }).nullish(),
  shipping_address: z.looseObject({ country_code: text }).nullish(),
});
export type OrderHint = z.infer<typeof orderHintSchema>;

const variantHint = z.looseObject({ id, stock: amount, stock_unlimited: z.boolean().nullish() });
export const productHintSchema = z.looseObject({
  id,
  updated_at: text,
  stock: amount,
  stock_unlimited: z.boolean().nullish(),
  variants: z.array(variantHint).nullish(),
});
export type ProductHint = z.infer<typeof productHintSchema>;

export type DeliveryPlan =
  | { action: "invoice"; event: "order_paid"; resourceId: string; state: string; order: OrderHint }
  | { action: "cancel"; event: "order_canceled"; resourceId: string; state: string; order: OrderHint }
  | { action: "sync_product" | "sync_stock"; event: string; resourceId: string; state: string; product: ProductHint }
  | { action: "ignore"; event: string };

export type PlanResult = { ok: true; plan: DeliveryPlan } | { ok: false; reason: string };

export function isKnownEvent(event: string): event is JumpsellerWebhookEvent {
  return (jumpsellerWebhookEvents as readonly string[]).includes(event);
}

/** Decides what a verified, parsed delivery asks for. `event` must be a known event. */
export function planDelivery(event: JumpsellerWebhookEvent, body: unknown): PlanResult {
  switch (event) {
    case "order_paid":
    case "order_updated":
    case "order_canceled": {
      const parsed = orderHintSchema.safeParse((body as { order?: unknown } | null)?.order);
      if (!parsed.success) return { ok: false, reason: "payload has no valid order (id, status_enum)" };
      const order = parsed.data;
      const resourceId = String(order.id);
      if (event === "order_canceled") {
        return { ok: true, plan: { action: "cancel", event: "order_canceled", resourceId, state: "canceled", order } };
      }
      // order_updated also fires on payment: recorded as order_paid, so the two deliveries are one.
      if (event === "order_paid" || order.status_enum === "paid") {
        return { ok: true, plan: { action: "invoice", event: "order_paid", resourceId, state: "paid", order } };
      }
      return { ok: true, plan: { action: "ignore", event } };
    }
    case "product_created":
    case "product_updated":
    case "product_stock_updated": {
      const parsed = productHintSchema.safeParse((body as { product?: unknown } | null)?.product);
      if (!parsed.success) return { ok: false, reason: "payload has no valid product (id)" };
      const product = parsed.data;
      const resourceId = String(product.id);
      if (event === "product_stock_updated") {
        return { ok: true, plan: { action: "sync_stock", event, resourceId, state: stockState(product), product } };
      }
      // updated_at has whole seconds: two edits within one second differ only in the body. A retried
      // delivery repeats the body exactly, so it is still recognised.
      const state = `${product.updated_at ?? "-"}|${digest(JSON.stringify(body)).slice(0, 16)}`;
      // Created and updated both mean "make Vendus match"; one event name keeps their duplicates together.
      return { ok: true, plan: { action: "sync_product", event: "product_updated", resourceId, state, product } };
    }
    default:
      return { ok: true, plan: { action: "ignore", event } };
  }
}

/** The stock levels a delivery reports: a repeat with the same levels is a duplicate. */
export function stockState(product: ProductHint): string {
  const level = (stock: unknown, unlimited: boolean | null | undefined) => (unlimited ? "unlimited" : String(stock ?? "null"));
  const variants = product.variants ?? [];
  const state =
    variants.length === 0
      ? level(product.stock, product.stock_unlimited)
      : variants.map((v) => `${v.id}:${level(v.stock, v.stock_unlimited)}`).join(",");
  return state.length > 200 ? `sha256:${digest(state)}` : state;
}

function digest(value: string): string {
  return createHash("sha256").update(value).digest("hex").slice(0, 32);
}

/** The dashboard's columns, from the hint. Missing values stay null rather than failing the delivery. */
export function orderColumns(order: OrderHint) {
  const billing = order.billing_address;
  const name = [billing?.name, billing?.surname].filter(Boolean).join(" ") || order.customer?.fullname || null;
  let totalCents = 0;
  try {
    totalCents = toCents(order.total ?? 0);
  } catch {
    totalCents = 0;
  }
  return {
    jumpsellerId: order.id,
    status: order.status_enum,
    customerName: name,
    customerEmail: order.customer?.email ?? null,
    nif: billing?.taxid?.trim() || null,
    country: billing?.country_code ?? order.shipping_address?.country_code ?? null,
    currency: order.currency ?? "EUR",
    totalCents,
    orderedAt: parseJumpsellerTime(order.created_at) ?? new Date(),
    paidAt: order.status_enum === "paid" ? parseJumpsellerTime(order.completed_at) ?? new Date() : null,
  };
}

/** "2023-02-10 13:56:35 UTC" (or ISO) → Date; null when absent or unreadable. */
export function parseJumpsellerTime(value: string | null | undefined): Date | null {
  if (!value) return null;
  const iso = value.trim().replace(" UTC", "Z").replace(" ", "T");
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}
