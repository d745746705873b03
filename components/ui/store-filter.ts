import type { FilterSelect } from "./filter-bar";

/** A list page's store filter: the stores the user sees, allLabel ("All stores") for no filter. */
export function storeFilter(
  stores: { id: string; name: string }[],
  labels: { label: string; allLabel: string },
  value: string | undefined,
): FilterSelect {
  return { name: "store", ...labels, value, options: stores.map((s) => ({ value: s.id, label: s.name })) };
}
