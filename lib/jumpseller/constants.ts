// Names Jumpseller fixes: webhook events and headers, rate-limit headers, OAuth scopes.
import { z } from "zod";

/** The exact hook events of API v1. There is no order_created, and "canceled" has one l. */
export const jumpsellerWebhookEvents = [
  "order_updated",
  "order_pending_payment",
  "order_paid",
  "order_shipped",
  "order_canceled",
  "order_abandoned",
  "product_created",
  "product_updated",
  "product_deleted",
  "product_stock_updated",
  "customer_created",
  "customer_updated",
  "customer_deleted",
] as const;
export const webhookEventSchema = z.enum(jumpsellerWebhookEvents);
export type JumpsellerWebhookEvent = z.infer<typeof webhookEventSchema>;

/** Headers on every hook delivery. The event name travels only in `Jumpseller-Event`. */
export const jumpsellerWebhookHeaders = {
  storeCode: "Jumpseller-Store-Code",
  event: "Jumpseller-Event",
  signature: "Jumpseller-Hmac-Sha256",
  triggeredAt: "Jumpseller-Triggered-At",
} as const;

export const jumpsellerRateLimitHeaders = {
  perMinuteRemaining: "Jumpseller-PerMinuteRateLimit-Remaining",
  perSecondRemaining: "Jumpseller-PerSecondRateLimit-Remaining",
  bannedReset: "Jumpseller-BannedByRateLimit-Reset",
} as const;

/** `write_orders` is needed to attach invoices to orders; hooks are registered by the app itself. */
export const jumpsellerScopes = [
  "read_store",
  "read_orders",
  "write_orders",
  "read_products",
  "read_customers",
  "read_hooks",
  "write_hooks",
] as const;
export const jumpsellerScope = jumpsellerScopes.join(" ");
