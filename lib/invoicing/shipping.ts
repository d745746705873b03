// Shipping's VAT. Transport charged to the customer is part of the taxable amount of the goods it carries
// (CIVA art. 16.º, n.º 5, b); Directive art. 78(b)), so it is taxed at the goods' rate; with goods at several
// rates it is split in proportion to each rate's share of the goods. Splitting the shipping's gross by the
// goods' gross per rate gives net parts proportional to the goods' net per rate, the same apportionment.
import type { JumpsellerOrder } from "@/lib/jumpseller/schemas";
import { toCents } from "@/lib/money";
import { allocateProportionally } from "./allocate";
import type { LineTarget } from "./lines";
import { problem } from "./problems";
import type { InvoiceProblem } from "./types";

export type ShippingVatMode = "as_charged" | "follow_goods";

/**
 * Shipping charged at a rate none of the order's goods has (goods without a tax count at the store's default
 * rate), or null: what the readiness check counts over a store's recent orders.
 */
export function shippingRateOutsideGoods(
  order: JumpsellerOrder,
  defaultRate: number,
): { shippingRate: number; goodsRates: number[] } | null {
  if (toCents(order.shipping) - toCents(order.shipping_discount) <= 0 || order.products.length === 0) return null;
  const shippingRate = order.shipping_taxes[0]?.rate ?? defaultRate;
  const goodsRates = [...new Set(order.products.map((p) => p.taxes[0]?.rate ?? defaultRate))];
  return goodsRates.some((r) => sameRate(r, shippingRate)) ? null : { shippingRate, goodsRates };
}

export function applyShippingVat(
  lines: LineTarget[],
  mode: ShippingVatMode,
  orderId: number,
): { lines: LineTarget[]; problems: InvoiceProblem[]; warnings: string[] } {
  const shipping = lines.find((l) => l.kind === "shipping");
  const goods = lines.filter((l) => l.kind === "product");
  if (!shipping) return { lines, problems: [], warnings: [] };
  const byRate = new Map<number, number>();
  for (const line of goods) byRate.set(line.rate, (byRate.get(line.rate) ?? 0) + line.targetCents);
  const rates = [...byRate.keys()];

  if (mode === "as_charged") {
    if (rates.length === 0 || rates.some((r) => sameRate(r, shipping.rate)))
      return { lines, problems: [], warnings: [] };
    return {
      lines,
      problems: [],
      warnings: [
        `Shipping was charged at ${shipping.rate} % VAT, a rate none of the goods has (${rates.map((r) => `${r} %`).join(", ")}). ` +
          "Transport charged to the customer is taxed like the goods (CIVA art. 16.º, n.º 5, b)): consider the " +
          'store setting "shipping VAT following the goods".',
      ],
    };
  }

  const weights = rates.map((r) => byRate.get(r)!);
  if (weights.reduce((a, b) => a + b, 0) <= 0) {
    return {
      lines,
      problems: [
        problem(
          "shipping_without_goods",
          `Order #${orderId} charges shipping, but its goods add up to 0.00 EUR, so shipping cannot follow the ` +
            "goods' VAT rate. Invoice this order manually.",
          { orderId },
        ),
      ],
      warnings: [],
    };
  }
  if (rates.length === 1 && sameRate(rates[0]!, shipping.rate)) return { lines, problems: [], warnings: [] };
  const targets = allocateProportionally(shipping.targetCents, weights);
  const units = allocateProportionally(shipping.unitGrossCents, weights);
  const several = rates.length > 1;
  const parts: LineTarget[] = rates
    .map((rate, i) => ({
      ...shipping,
      rate,
      title: several ? `${shipping.title} (${rate} %)` : shipping.title,
      unitGrossCents: Math.max(units[i]!, targets[i]!),
      targetCents: targets[i]!,
    }))
    .filter((part) => part.targetCents > 0);
  return { lines: [...goods, ...parts], problems: [], warnings: [] };
}

function sameRate(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-9;
}
