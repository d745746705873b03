// The simulated catalogue and customers, changed the way a merchant would in the Jumpseller admin. Every
// change announces itself through the matching hook event.
import { toCents } from "@/lib/money";
import { customerJson, productJson } from "./serialize";
import { emptyAddress, type Clock, type SimCustomer, type SimProduct, type StoreState } from "./state";
import type { WebhookDispatcher } from "./webhooks";

export class ShopError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
  ) {
    super(message);
    this.name = "ShopError";
  }
}

export interface CreateProductInput {
  name: string;
  sku?: string | null;
  barcode?: string | null;
  brand?: string | null;
  /** Euros, on the shop's tax basis. */
  price?: number;
  /** null = unlimited stock. */
  stock?: number | null;
  status?: SimProduct["status"];
  categories?: string[];
  variants?: {
    sku?: string | null;
    barcode?: string | null;
    price?: number;
    stock?: number | null;
    options: { name: string; value: string }[] | Record<string, string>;
  }[];
}

export type UpdateProductInput = Partial<Omit<CreateProductInput, "variants" | "stock">>;

export interface CreateCustomerInput {
  email: string;
  fullname?: string | null;
  phone?: string | null;
  nif?: string | null;
}

export function createCatalog(state: StoreState, clock: Clock, hooks: WebhookDispatcher) {
  function categoriesOf(names: string[]) {
    return names.map((name) => {
      let id = state.categories.get(name);
      if (id === undefined) {
        id = state.nextId("category");
        state.categories.set(name, id);
      }
      return { id, name };
    });
  }

  function productOrThrow(productId: number): SimProduct {
    const product = state.products.get(productId);
    if (!product) throw new ShopError(404, `Product ${productId} not found`);
    return product;
  }

  const emitProduct = (event: string, product: SimProduct) => hooks.emit(event, { product: productJson(product) });

  return {
    productOrThrow,

    createProduct(input: CreateProductInput) {
      const now = clock.now();
      const product: SimProduct = {
        id: state.nextId("product"),
        name: input.name,
        sku: input.sku ?? null,
        barcode: input.barcode ?? null,
        brand: input.brand ?? null,
        priceCents: toCents(input.price ?? 0),
        stock: input.stock === undefined ? 0 : input.stock,
        status: input.status ?? "available",
        categories: categoriesOf(input.categories ?? []),
        variants: (input.variants ?? []).map((v) => ({
          id: state.nextId("variant"),
          sku: v.sku ?? null,
          barcode: v.barcode ?? null,
          priceCents: toCents(v.price ?? input.price ?? 0),
          stock: v.stock === undefined ? 0 : v.stock,
          options: Array.isArray(v.options)
            ? v.options.map((o) => ({ ...o }))
            : Object.entries(v.options).map(([name, value]) => ({ name, value })),
        })),
        createdAt: now,
        updatedAt: now,
      };
      state.products.set(product.id, product);
      emitProduct("product_created", product);
      return productJson(product);
    },

    updateProduct(productId: number, patch: UpdateProductInput) {
      const product = productOrThrow(productId);
      if (patch.name !== undefined) product.name = patch.name;
      if (patch.sku !== undefined) product.sku = patch.sku;
      if (patch.barcode !== undefined) product.barcode = patch.barcode;
      if (patch.brand !== undefined) product.brand = patch.brand;
      if (patch.price !== undefined) product.priceCents = toCents(patch.price);
      if (patch.status !== undefined) product.status = patch.status;
      if (patch.categories !== undefined) product.categories = categoriesOf(patch.categories);
      product.updatedAt = clock.now();
      emitProduct("product_updated", product);
      return productJson(product);
    },

    /** `variantId` null sets the product's own stock; `stock` null means unlimited. */
    setStock(productId: number, variantId: number | null, stock: number | null) {
      const product = productOrThrow(productId);
      if (variantId === null) {
        if (product.variants.length > 0)
          throw new ShopError(400, `Product ${productId} has variants: set the stock of a variant`);
        product.stock = stock;
      } else {
        const variant = product.variants.find((v) => v.id === variantId);
        if (!variant) throw new ShopError(404, `Variant ${variantId} not found in product ${productId}`);
        variant.stock = stock;
      }
      product.updatedAt = clock.now();
      emitProduct("product_stock_updated", product);
      return productJson(product);
    },

    deleteProduct(productId: number) {
      const product = productOrThrow(productId);
      state.products.delete(productId);
      emitProduct("product_deleted", product);
    },

    /** Finds the customer with this e-mail or creates one (announced with customer_created). */
    ensureCustomer(input: CreateCustomerInput): SimCustomer {
      const existing = [...state.customers.values()].find((c) => c.email.toLowerCase() === input.email.toLowerCase());
      if (existing) return existing;
      const [name = null, ...rest] = (input.fullname ?? "").split(" ").filter(Boolean);
      const customer: SimCustomer = {
        id: state.nextId("customer"),
        email: input.email,
        fullname: input.fullname ?? null,
        phone: input.phone ?? null,
        billingAddress: {
          ...emptyAddress(),
          name,
          surname: rest.join(" ") || null,
          taxid: input.nif ?? null,
          country: "Portugal",
          country_code: "PT",
        },
      };
      state.customers.set(customer.id, customer);
      hooks.emit("customer_created", { customer: customerJson(customer) });
      return customer;
    },
  };
}
export type Catalog = ReturnType<typeof createCatalog>;
