// The dashboard's columns of an order, from what Jumpseller says about it: the webhook's hint when a payment
// arrives (lib/ingest/record.ts), the order read from the API when the pipeline refreshes it
// (lib/pipeline/orders.ts). Missing values stay null rather than failing.
import { parseJumpsellerTime } from "@/lib/jumpseller/time";
import { toCents } from "@/lib/money";

type Text = string | null | undefined;

/** The fields of a Jumpseller order that the dashboard shows. */
export interface OrderColumnsSource {
  id: number;
  status_enum: "abandoned" | "canceled" | "pending_payment" | "paid";
  created_at?: Text;
  completed_at?: Text;
  currency?: Text;
  total?: number | string | null;
  payment_method_name?: Text;
  customer?: { email?: Text; fullname?: Text } | null;
  billing_address?: { name?: Text; surname?: Text; taxid?: Text; country_code?: Text } | null;
  shipping_address?: { country_code?: Text } | null;
}

// PostgreSQL text cannot hold NUL characters; no legitimate name or address has one.
const clean = (value: Text): string | null => (value == null ? null : value.replaceAll("\u0000", ""));

const maxCents = 2_147_483_647;

export function orderColumns(order: OrderColumnsSource) {
  const billing = order.billing_address;
  const name = clean([billing?.name, billing?.surname].filter(Boolean).join(" ") || order.customer?.fullname || null);
  let totalCents = 0;
  try {
    totalCents = toCents(order.total ?? 0);
  } catch {
    totalCents = 0;
  }
  // A total no order can have (beyond the column's range, or not a number) is shown as unknown, i.e. 0.
  if (!Number.isSafeInteger(totalCents) || Math.abs(totalCents) > maxCents) totalCents = 0;
  return {
    jumpsellerId: order.id,
    status: order.status_enum,
    customerName: name || null,
    customerEmail: clean(order.customer?.email),
    nif: clean(billing?.taxid)?.trim() || null,
    country: clean(billing?.country_code ?? order.shipping_address?.country_code),
    currency: clean(order.currency) ?? "EUR",
    totalCents,
    orderedAt: parseJumpsellerTime(order.created_at) ?? new Date(),
    paymentMethod: order.payment_method_name?.trim() || null,
    paidAt: order.status_enum === "paid" ? (parseJumpsellerTime(order.completed_at) ?? new Date()) : null,
  };
}
