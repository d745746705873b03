// Read-only account resources: account, registers, stores, taxes, exemptions, payment methods, document types.
import { asId, notFound, ok, paginate, type Route } from "./protocol";
import { formatDecimal } from "./ratio";
import { documentTypes, exemptions, rateOf, taxTitles, type TaxCode } from "./reference-data";
import type { SimState } from "./state";

export function taxRows(state: SimState) {
  return (Object.keys(taxTitles) as TaxCode[]).map((code) => ({
    id: code,
    rate: formatDecimal(rateOf(state.region, code)),
    country: state.region,
    title: taxTitles[code],
  }));
}

const byQuery = (query: URLSearchParams, name: string, value: string | number) =>
  query.get(name) === null || query.get(name) === String(value);

export const accountRoutes: Route[] = [
  { method: "GET", pattern: /^\/account\/$/, handler: (state) => ok(state.account) },
  {
    method: "GET",
    pattern: /^\/registers\/$/,
    handler: (state, req) => {
      const rows = state.registers.filter(
        (r) =>
          byQuery(req.query, "store_id", r.store_id) &&
          byQuery(req.query, "type", r.type) &&
          (req.query.get("isActive") !== "yes" || r.status === "on"),
      );
      return paginate(rows, req.query, ({ series: _series, ...row }) => row);
    },
  },
  {
    method: "GET",
    pattern: /^\/registers\/(\d+)\/$/,
    handler: (state, _req, [id]) => {
      const found = state.registers.find((r) => r.id === asId(id));
      if (!found) throw notFound();
      const { series: _series, ...row } = found;
      return ok(row);
    },
  },
  {
    method: "GET",
    pattern: /^\/stores\/$/,
    handler: (state, req) => paginate(state.stores, req.query, (s) => s),
  },
  {
    method: "GET",
    pattern: /^\/stores\/(\d+)\/$/,
    handler: (state, _req, [id]) => {
      const found = state.stores.find((s) => s.id === asId(id));
      if (!found) throw notFound();
      return ok(found);
    },
  },
  { method: "GET", pattern: /^\/taxes\/$/, handler: (state, req) => paginate(taxRows(state), req.query, (t) => t) },
  {
    method: "GET",
    pattern: /^\/taxes\/exemptions\/$/,
    handler: (_s, req) => paginate(exemptions, req.query, (e) => e),
  },
  {
    method: "GET",
    pattern: /^\/documents\/types\/$/,
    handler: (state, req) => {
      const rows = documentTypes.map((type) =>
        state.disabledDocumentTypes.has(type.id) ? { ...type, visible_finalize: "no" as const } : type,
      );
      const filtered = rows.filter(
        (t) =>
          byQuery(req.query, "visible_finalize", t.visible_finalize) &&
          byQuery(req.query, "visible_filter", t.visible_filter),
      );
      return paginate(filtered, req.query, (t) => t);
    },
  },
  {
    method: "GET",
    pattern: /^\/documents\/paymentmethods\/$/,
    handler: (state, req) => paginate(state.paymentMethods, req.query, (p) => p),
  },
];
