// Products, brands, categories and stock: what Ponte syncs from the shop into Vendus.
import type { Transport } from "./http";
import { getOne, listAll, patch, post } from "./calls";
import type { VendusProduct, VendusStock, VendusTitled } from "./models";
import { productSchema, stockSchema, titledSchema } from "./schemas";
import type { VendusProductInput } from "./types";

export interface VendusCatalogApi {
  getProduct(id: number): Promise<VendusProduct>;
  /** Exact match on reference; null when none. */
  findProductByReference(reference: string): Promise<VendusProduct | null>;
  /** Exact match on barcode; null when none. */
  findProductByBarcode(barcode: string): Promise<VendusProduct | null>;
  /** Never retried: a lost answer may still have created the product (look it up by reference). */
  createProduct(input: VendusProductInput): Promise<VendusProduct>;
  updateProduct(id: number, patch: Partial<VendusProductInput>): Promise<VendusProduct>;
  getStock(productId: number): Promise<VendusStock>;
  /** Sets the stock of a product in a store (the account's default store when omitted). */
  resetStock(input: { productId: number; amount: number; storeId?: number }): Promise<void>;
  listUnits(): Promise<VendusTitled[]>;
  /** Case- and space-insensitive match on title, created when missing. */
  findOrCreateBrand(title: string): Promise<VendusTitled>;
  findOrCreateCategory(title: string): Promise<VendusTitled>;
}

const normalize = (title: string) => title.trim().replace(/\s+/g, " ").toLocaleLowerCase("pt-PT");

export function catalogApi(t: Transport): VendusCatalogApi {
  const findProduct = async (field: "reference" | "barcode", value: string) => {
    const rows = await listAll(t, "products/", productSchema, { [field]: value });
    // The filter is the server's; the exact match is ours (a partial match must not pass as the product).
    return rows.find((p) => p[field] === value) ?? null;
  };
  const findOrCreate = async (path: string, title: string) => {
    const rows = await listAll(t, path, titledSchema);
    return (
      rows.find((row) => normalize(row.title) === normalize(title)) ??
      post(t, path, { title: title.trim() }, titledSchema)
    );
  };
  return {
    getProduct: (id) => getOne(t, `products/${id}/`, productSchema),
    findProductByReference: (reference) => findProduct("reference", reference),
    findProductByBarcode: (barcode) => findProduct("barcode", barcode),
    createProduct: (input) => post(t, "products/", input, productSchema),
    updateProduct: async (id, changes) =>
      (await patch(t, `products/${id}/`, changes, productSchema)) ?? getOne(t, `products/${id}/`, productSchema),
    getStock: (productId) => getOne(t, `products/stocks/${productId}/`, stockSchema),
    resetStock: async ({ productId, amount, storeId }) => {
      await t.send("POST", "products/stocks/", {
        body: { product_id: productId, amount, type: "reset", ...(storeId === undefined ? {} : { store_id: storeId }) },
      });
    },
    listUnits: () => listAll(t, "products/units/", titledSchema),
    findOrCreateBrand: (title) => findOrCreate("products/brands/", title),
    findOrCreateCategory: (title) => findOrCreate("products/categories/", title),
  };
}
