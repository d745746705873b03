// What each Jumpseller hook event means for Ponte, and what makes a delivery "the same" as an earlier one.
// Pure: no database, no network, so the rules can be read and tested alone.
import { createHash } from "node:crypto";
import { z } from "zod";
import { jumpsellerWebhookEvents, type JumpsellerWebhookEvent } from "@/lib/jumpseller/constants";

// Jumpseller ids are positive 32-bit integers (Ponte stores order ids in an integer column).
const maxId = 2_147_483_647;
const id = z.union([
  z.number().int().nonnegative().max(maxId),
  z
    .string()
    .regex(/^\d{1,10}$/)
    .transform(Number)
    .pipe(z.number().max(maxId)),
]);
const text = z
  .string()
  .nullish()
  .transform((v) => v ?? null);
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
  const level = (stock: unknown, unlimited: boolean | null | undefined) =>
    unlimited ? "unlimited" : String(stock ?? "null");
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
