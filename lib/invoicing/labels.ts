// How a Jumpseller product line is named on the invoice.
import type { JumpsellerOrderProduct } from "@/lib/jumpseller/schemas";

/** The SKU, or a stable reference from the product and variant ids: Vendus creates a new product for
 * every line that has neither id nor reference. */
export function lineReference(product: JumpsellerOrderProduct): string {
  const sku = product.sku?.trim();
  if (sku) return sku;
  return product.variant_id === null ? `JS-${product.id}` : `JS-${product.id}-${product.variant_id}`;
}

/** "T-shirt (Size: M, Colour: Blue)", unless the name already shows every option value. */
export function lineTitle(product: JumpsellerOrderProduct): string {
  const name = product.name.trim();
  const options = product.options.filter((o) => o.value.trim() !== "");
  const lower = name.toLowerCase();
  if (options.length === 0 || options.every((o) => lower.includes(o.value.trim().toLowerCase()))) return name;
  return `${name} (${options.map((o) => `${o.name.trim()}: ${o.value.trim()}`).join(", ")})`;
}
