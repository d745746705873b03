// The day whose VAT rates apply. VAT on a prepaid sale is due when the payment is received (CIVA art. 8.º,
// n.º 2; Directive art. 65): the document date when the store sets one, else the day the order was completed
// (paid) in Jumpseller, else the day it was created, as Lisbon days.
import type { JumpsellerOrder } from "@/lib/jumpseller/schemas";
import { lisbonDay } from "@/lib/lisbon-time";

export function taxDateOf(order: JumpsellerOrder, documentDate: string | undefined): string | null {
  if (documentDate) return documentDate;
  const instant = parseJumpsellerTime(order.completed_at) ?? parseJumpsellerTime(order.created_at);
  return instant ? lisbonDay(instant) : null;
}

/** "2026-03-02 10:15:00 UTC" (Jumpseller's format) or ISO 8601. */
function parseJumpsellerTime(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value.trim().replace(" UTC", "Z").replace(" ", "T"));
  return Number.isNaN(date.getTime()) ? null : date;
}
