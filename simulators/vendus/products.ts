// Products, brands, categories, units and stock.
import {
  asId,
  asText,
  bodyObject,
  businessError,
  fieldError,
  matchesText,
  notFound,
  ok,
  paginate,
  type Route,
} from "./protocol";
import { formatDecimal, parseRatio, ratio } from "./ratio";
import { units, type TaxCode } from "./reference-data";
import { setStock, stockOf, type SimProduct, type SimState } from "./state";

const taxCodes: TaxCode[] = ["NOR", "INT", "RED", "ISE"];
const productTypes = ["P", "S", "O", "I", "E"];

export function productJson(product: SimProduct) {
  return {
    id: product.id,
    reference: product.reference,
    barcode: product.barcode,
    title: product.title,
    gross_price: formatDecimal(parseRatio(product.grossPrice) ?? ratio(0)),
    supply_price: formatDecimal(parseRatio(product.supplyPrice) ?? ratio(0)),
    tax_id: product.taxId,
    unit_id: product.unitId,
    category_id: product.categoryId,
    brand_id: product.brandId,
    type_id: product.typeId,
    stock_control: product.stockControl,
    status: product.status,
  };
}

/** Applies create/patch fields to a product, validating each the way Vendus does (403 P001). */
function applyProductFields(state: SimState, product: SimProduct, fields: Record<string, unknown>) {
  if ("title" in fields) product.title = asText(fields.title);
  if ("reference" in fields) {
    const reference = asText(fields.reference);
    if (reference && state.products.some((p) => p.reference === reference && p.id !== product.id)) {
      throw businessError(`Já existe um artigo com a referência ${reference}.`);
    }
    product.reference = reference;
  }
  if ("barcode" in fields) product.barcode = asText(fields.barcode);
  for (const key of ["gross_price", "supply_price"] as const) {
    if (!(key in fields) || fields[key] === null) continue;
    const value = parseRatio(fields[key]);
    if (!value || value.n < 0n) throw fieldError(`O campo ${key} é inválido.`);
    if (key === "gross_price") product.grossPrice = asText(fields[key]);
    else product.supplyPrice = asText(fields[key]);
  }
  if ("tax_id" in fields) {
    if (!taxCodes.includes(fields.tax_id as TaxCode)) throw fieldError("O campo tax_id é inválido.");
    product.taxId = fields.tax_id as TaxCode;
  }
  if ("unit_id" in fields) {
    const unitId = asId(fields.unit_id);
    if (!unitId || !units.some((u) => u.id === unitId)) throw fieldError("O campo unit_id é inválido.");
    product.unitId = unitId;
  }
  for (const [key, list, prop] of [
    ["category_id", state.categories, "categoryId"],
    ["brand_id", state.brands, "brandId"],
  ] as const) {
    if (!(key in fields) || fields[key] === null || fields[key] === 0) continue;
    const id = asId(fields[key]);
    if (!id || !list.some((entry) => entry.id === id)) throw fieldError(`O campo ${key} é inválido.`);
    product[prop] = id;
  }
  if ("type_id" in fields) {
    if (!productTypes.includes(asText(fields.type_id))) throw fieldError("O campo type_id é inválido.");
    product.typeId = asText(fields.type_id);
  }
  if ("stock_control" in fields) product.stockControl = Number(fields.stock_control) === 1 ? 1 : 0;
  if ("status" in fields) {
    if (fields.status !== "on" && fields.status !== "off") throw fieldError("O campo status é inválido.");
    product.status = fields.status;
  }
  if (!product.title) throw fieldError("O campo title é obrigatório.");
}

/** Creates a product; `title` and `unit_id` are mandatory, as on the live API. */
export function createProduct(state: SimState, fields: Record<string, unknown>): SimProduct {
  if (!asText(fields.title)) throw fieldError("O campo title é obrigatório.");
  if (fields.unit_id === undefined || fields.unit_id === null) throw fieldError("O campo unit_id é obrigatório.");
  const product: SimProduct = {
    id: state.nextIds.product,
    reference: "",
    barcode: "",
    title: "",
    grossPrice: "0",
    supplyPrice: "0",
    taxId: state.account.tax_id,
    unitId: 1,
    categoryId: null,
    brandId: null,
    typeId: "P",
    stockControl: 0,
    status: "on",
  };
  applyProductFields(state, product, fields);
  state.nextIds.product += 1;
  state.products.push(product);
  return product;
}

function findProduct(state: SimState, id: string | undefined): SimProduct {
  const product = state.products.find((p) => p.id === asId(id));
  if (!product) throw notFound();
  return product;
}

function stockJson(state: SimState, productId: number) {
  const stores = state.stores.map((s) => ({ store_id: s.id, stock: stockOf(state, productId, s.id) / 1000 }));
  return { product_id: productId, total: stores.reduce((sum, s) => sum + s.stock, 0), stores };
}

/** Brands and categories share one shape: `{id, title}`, list (filter `q`/`title`) and create. */
function titledRoutes(resource: "brands" | "categories", key: "brand" | "category"): Route[] {
  return [
    {
      method: "GET",
      pattern: new RegExp(`^/products/${resource}/$`),
      handler: (state, req) => {
        const title = req.query.get("title");
        const rows = state[resource].filter(
          (row) => matchesText(row.title, req.query.get("q")) && (title === null || row.title === title),
        );
        return paginate(rows, req.query, (row) => row);
      },
    },
    {
      method: "POST",
      pattern: new RegExp(`^/products/${resource}/$`),
      handler: (state, req) => {
        const title = asText(bodyObject(req.body).title);
        if (!title) throw fieldError("O campo title é obrigatório.");
        const row = { id: state.nextIds[key], title };
        state.nextIds[key] += 1;
        state[resource].push(row);
        return ok(row, 201);
      },
    },
    {
      method: "GET",
      pattern: new RegExp(`^/products/${resource}/(\\d+)/$`),
      handler: (state, _req, [id]) => {
        const row = state[resource].find((entry) => entry.id === asId(id));
        if (!row) throw notFound();
        return ok(row);
      },
    },
  ];
}

export const productRoutes: Route[] = [
  ...titledRoutes("brands", "brand"),
  ...titledRoutes("categories", "category"),
  { method: "GET", pattern: /^\/products\/units\/$/, handler: (_s, req) => paginate(units, req.query, (u) => u) },
  {
    method: "GET",
    pattern: /^\/products\/stocks\/(\d+)\/$/,
    handler: (state, _req, [id]) => ok(stockJson(state, findProduct(state, id).id)),
  },
  {
    method: "POST",
    pattern: /^\/products\/stocks\/$/,
    handler: (state, req) => {
      const body = bodyObject(req.body);
      const product = findProductForStock(state, body.product_id);
      const amount = parseRatio(body.amount);
      if (!amount || amount.n < 0n) throw fieldError("O campo amount é inválido.");
      const storeId = body.store_id === undefined ? state.stores[0]!.id : asId(body.store_id);
      if (!storeId || !state.stores.some((s) => s.id === storeId)) throw fieldError("O campo store_id é inválido.");
      const milli = Number((amount.n * 1000n) / amount.d);
      const current = stockOf(state, product.id, storeId);
      const next = { reset: milli, add: current + milli, remove: current - milli }[asText(body.type)];
      // Transfers between stores are not simulated.
      if (next === undefined) throw fieldError("O campo type é inválido (reset, add ou remove).");
      setStock(state, product.id, storeId, next);
      return ok(stockJson(state, product.id), 201);
    },
  },
  {
    method: "GET",
    pattern: /^\/products\/$/,
    handler: (state, req) => {
      const q = req.query;
      const rows = state.products.filter(
        (p) =>
          (q.get("reference") === null || p.reference === q.get("reference")) &&
          (q.get("barcode") === null || p.barcode === q.get("barcode")) &&
          (q.get("category_id") === null || String(p.categoryId) === q.get("category_id")) &&
          (q.get("brand_id") === null || String(p.brandId) === q.get("brand_id")) &&
          (q.get("status") === null || p.status === q.get("status")) &&
          (q.get("q") === null || matchesText(`${p.title} ${p.reference} ${p.barcode}`, q.get("q"))),
      );
      return paginate(rows, q, productJson);
    },
  },
  {
    method: "POST",
    pattern: /^\/products\/$/,
    handler: (state, req) => ok(productJson(createProduct(state, bodyObject(req.body))), 201),
  },
  {
    method: "GET",
    pattern: /^\/products\/(\d+)\/$/,
    handler: (state, _r, [id]) => ok(productJson(findProduct(state, id))),
  },
  {
    method: "PATCH",
    pattern: /^\/products\/(\d+)\/$/,
    handler: (state, req, [id]) => {
      const product = findProduct(state, id);
      const draft = { ...product };
      applyProductFields(state, draft, bodyObject(req.body));
      Object.assign(product, draft);
      return ok(productJson(product));
    },
  },
];

function findProductForStock(state: SimState, value: unknown): SimProduct {
  const id = asId(value);
  const product = id ? state.products.find((p) => p.id === id) : undefined;
  if (!product) throw fieldError("O campo product_id é inválido.");
  return product;
}
