// Seeding the simulated account for tests and the demo. Seeded records go through the same validation as
// the API, so a seed cannot hold data Vendus would refuse.
import { createClientRecord } from "./clients";
import { createProduct, productJson } from "./products";
import { setStock, type SimClient, type SimState } from "./state";

export type SeedProduct = {
  title: string;
  reference?: string;
  barcode?: string;
  gross_price?: number | string;
  tax_id?: "NOR" | "INT" | "RED" | "ISE";
  unit_id?: number;
  type_id?: "P" | "S" | "O" | "I" | "E";
  /** Brand and category by title; created when missing. */
  brand?: string;
  category?: string;
  /** Stock in the first store; turns stock control on. */
  stock?: number;
};

export type SeedClient = {
  name: string;
  fiscal_id?: string;
  email?: string;
  country?: string;
  address?: string;
  postalcode?: string;
  city?: string;
  external_reference?: string;
};

export interface SeedInput {
  brands?: string[];
  categories?: string[];
  products?: SeedProduct[];
  clients?: SeedClient[];
}

export interface SeedResult {
  brands: { id: number; title: string }[];
  categories: { id: number; title: string }[];
  products: ReturnType<typeof productJson>[];
  clients: SimClient[];
}

function titled(state: SimState, kind: "brands" | "categories", title: string) {
  const key = kind === "brands" ? "brand" : "category";
  const existing = state[kind].find((row) => row.title === title);
  if (existing) return existing;
  const row = { id: state.nextIds[key], title };
  state.nextIds[key] += 1;
  state[kind].push(row);
  return row;
}

export function seedState(state: SimState, input: SeedInput): SeedResult {
  const brands = (input.brands ?? []).map((title) => titled(state, "brands", title));
  const categories = (input.categories ?? []).map((title) => titled(state, "categories", title));
  const products = (input.products ?? []).map(({ brand, category, stock, ...fields }) => {
    const product = createProduct(state, {
      unit_id: 1,
      ...fields,
      ...(brand ? { brand_id: titled(state, "brands", brand).id } : {}),
      ...(category ? { category_id: titled(state, "categories", category).id } : {}),
      ...(stock !== undefined ? { stock_control: 1 } : {}),
    });
    if (stock !== undefined) setStock(state, product.id, state.stores[0]!.id, Math.round(stock * 1000));
    return productJson(product);
  });
  const clients = (input.clients ?? []).map((client) => createClientRecord(state, client));
  return { brands, categories, products, clients };
}

/** What `npm run sim:vendus` starts with: a small shop with a few products and a returning customer. */
export const demoSeed: SeedInput = {
  brands: ["Casa Fina", "Mar Salgado"],
  categories: ["Têxteis", "Mercearia", "Livros"],
  products: [
    {
      title: "Toalha de linho",
      reference: "TOA-001",
      barcode: "5601234000017",
      gross_price: "24.90",
      brand: "Casa Fina",
      category: "Têxteis",
      stock: 40,
    },
    {
      title: "Flor de sal 250 g",
      reference: "SAL-250",
      barcode: "5601234000024",
      gross_price: "6.50",
      tax_id: "RED",
      brand: "Mar Salgado",
      category: "Mercearia",
      stock: 120,
    },
    { title: "Guia de Lisboa", reference: "LIV-LX", gross_price: "18.00", tax_id: "RED", category: "Livros" },
    { title: "Portes de envio", reference: "PORTES", gross_price: "4.95", type_id: "S" },
  ],
  clients: [
    {
      name: "Maria Santos",
      fiscal_id: "234567899",
      email: "maria.santos@example.pt",
      city: "Lisboa",
      postalcode: "1100-148",
      address: "Rua Augusta, 100",
    },
    {
      name: "Atelier Norte, Lda.",
      fiscal_id: "514123451",
      email: "compras@ateliernorte.example",
      city: "Braga",
      postalcode: "4700-321",
      address: "Avenida Central, 5",
    },
  ],
};
