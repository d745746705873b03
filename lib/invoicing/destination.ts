// Where the goods go, which decides where the sale is taxed (Directive arts. 32-33, CIVA art. 6.º): the
// shipping address; the pickup place when the customer collects the goods (no transport: taxed where they
// are handed over, Directive art. 31); the billing address only when the order has no shipping address.
import type { JumpsellerAddress, JumpsellerOrder } from "@/lib/jumpseller/schemas";
import { problem } from "./problems";
import { vatPlaceOf, type VatPlace } from "./territories";
import type { InvoiceProblem } from "./types";

export type DestinationResult =
  | { ok: true; place: VatPlace; address: JumpsellerAddress; source: "shipping" | "pickup" | "billing" }
  | { ok: false; problem: InvoiceProblem };

export function resolveDestination(order: JumpsellerOrder): DestinationResult {
  const pickup = order.shipping_option?.trim().toLowerCase() === "store_pickup";
  const [address, source] = pickup
    ? [order.pickup_address, "pickup" as const]
    : countryCode(order.shipping_address?.country_code)
      ? [order.shipping_address, "shipping" as const]
      : [order.billing_address, "billing" as const];
  const country = countryCode(address?.country_code);
  if (!address || !country) {
    const what = pickup
      ? "it is collected in store but has no pickup address with a country"
      : "neither its shipping nor its billing address has a country";
    return {
      ok: false,
      problem: problem(
        "unknown_destination",
        `Order #${order.id}: ${what}, so Ponte cannot tell where the sale is taxed. Complete the address in ` +
          "Jumpseller, or invoice this order manually.",
        { orderId: order.id, reason: what },
      ),
    };
  }
  const place = vatPlaceOf({ country, postal: address.postal, region: address.region });
  if (!place.ok) {
    return {
      ok: false,
      problem: problem(
        "unknown_destination",
        `Order #${order.id}: ${place.reason}. Correct the ${source} address in Jumpseller, or invoice this ` +
          "order manually.",
        { orderId: order.id, reason: place.reason },
      ),
    };
  }
  return { ok: true, place: place.place, address, source };
}

export function countryCode(value: string | null | undefined): string | null {
  const code = value?.trim().toUpperCase();
  return code && /^[A-Z]{2}$/.test(code) ? code : null;
}
