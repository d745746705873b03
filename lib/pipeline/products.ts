// The sync-product steps: a Jumpseller product (one Vendus product per variant) created or updated in
// Vendus, with brand and category found or created, and the mapping kept in ProductMapping.
// Prices are taken as VAT-included (how Portuguese shops show them); the VAT rate is the store's default.
import type { RunRef } from "@/lib/jobs/lifecycle";
import { mergeJobPayload, readJobPayload } from "@/lib/jobs/payload";
import { isServiceError } from "@/lib/errors";
import { taxCodeForRate, type Region } from "@/lib/invoicing";
import type { JumpsellerProduct } from "@/lib/jumpseller/schemas";
import { toCents } from "@/lib/money";
import type { VendusProductInput } from "@/lib/vendus/types";
import type { VendusClient, VendusProduct } from "@/lib/vendus/client";
import { isReferenceTaken } from "@/lib/vendus/errors";
import { DataProblem } from "./errors";
import type { PipelineServices } from "./services";

export interface ProductItem {
  /** 0 for a product without variants. */
  variantId: number;
  reference: string;
  barcode: string | null;
  title: string;
  grossPriceCents: number;
  stock: number | null;
  stockUnlimited: boolean;
}

export interface ProductPayload {
  productId: number;
  items: ProductItem[];
  brand: string | null;
  category: string | null;
  brandId: number | null;
  categoryId: number | null;
  unitId: number;
}

/** Like the invoice lines (lib/invoicing/labels.ts): the SKU, else a stable reference from the ids. */
export function productItems(product: JumpsellerProduct): ProductItem[] {
  if (product.variants.length === 0) {
    return [
      {
        variantId: 0,
        reference: product.sku?.trim() || `JS-${product.id}`,
        barcode: product.barcode?.trim() || null,
        title: product.name.trim(),
        grossPriceCents: toCents(product.price),
        stock: product.stock,
        stockUnlimited: product.stock_unlimited,
      },
    ];
  }
  return product.variants.map((variant) => {
    const options = variant.options.filter((o) => o.value.trim() !== "");
    return {
      variantId: variant.id,
      reference: variant.sku?.trim() || `JS-${product.id}-${variant.id}`,
      barcode: variant.barcode?.trim() || null,
      title: options.length
        ? `${product.name.trim()} (${options.map((o) => `${o.name}: ${o.value}`).join(", ")})`
        : product.name.trim(),
      grossPriceCents: toCents(variant.price || product.price),
      stock: variant.stock,
      stockUnlimited: variant.stock_unlimited,
    };
  });
}

export type ReadProductResult =
  | { next: "sync"; variantIds: number[] }
  | { next: "skip"; reason: string; code: "product_gone"; params: { product: string } };

/** Reads the product from Jumpseller (fresh) into the job's payload. */
export async function readProduct(services: PipelineServices, ref: RunRef): Promise<ReadProductResult> {
  const job = await readJobPayload<ProductPayload>(services.db, ref.jobId);
  const { jumpseller } = await services.forStore(job.storeId);
  let product: JumpsellerProduct;
  try {
    product = await jumpseller.getProduct(job.subject);
  } catch (error) {
    if (isServiceError(error) && error.kind === "not_found") {
      return {
        next: "skip",
        reason: `Product ${job.subject} no longer exists in Jumpseller.`,
        code: "product_gone",
        params: { product: job.subject },
      };
    }
    throw error;
  }
  const items = productItems(product);
  await mergeJobPayload(services.db, ref.jobId, {
    productId: product.id,
    items,
    brand: product.brand?.trim() || null,
    category: product.categories[0]?.name.trim() || null,
  });
  return { next: "sync", variantIds: items.map((i) => i.variantId) };
}

/** Finds or creates the brand and category, and picks the unit; ids go to the payload. */
export async function resolveCatalog(services: PipelineServices, ref: RunRef) {
  const job = await readJobPayload<ProductPayload>(services.db, ref.jobId);
  const { vendus } = await services.forStore(job.storeId);
  const brandId = job.payload.brand ? (await vendus.findOrCreateBrand(job.payload.brand)).id : null;
  const categoryId = job.payload.category ? (await vendus.findOrCreateCategory(job.payload.category)).id : null;
  const units = await vendus.listUnits();
  const unit = units.find((u) => /^unidade|^unit/i.test(u.title)) ?? units[0];
  if (!unit)
    throw new DataProblem(
      "no_unit",
      "The Vendus account has no product units; create one (Unidade) in Vendus.",
      "validation",
    );
  await mergeJobPayload(services.db, ref.jobId, { brandId, categoryId, unitId: unit.id });
  return { brandId, categoryId, unitId: unit.id };
}

function productFields(
  item: ProductItem,
  p: Partial<ProductPayload>,
  taxId: VendusProductInput["tax_id"],
): VendusProductInput {
  return {
    title: item.title,
    unit_id: p.unitId!,
    reference: item.reference,
    ...(item.barcode ? { barcode: item.barcode } : {}),
    gross_price: item.grossPriceCents / 100,
    ...(taxId ? { tax_id: taxId } : {}),
    ...(p.brandId ? { brand_id: p.brandId } : {}),
    ...(p.categoryId ? { category_id: p.categoryId } : {}),
    type_id: "P",
    stock_control: item.stockUnlimited ? 0 : 1,
    status: "on",
  };
}

async function findMapped(
  vendus: VendusClient,
  vendusProductId: number | undefined,
  reference: string,
): Promise<VendusProduct | null> {
  if (vendusProductId) {
    try {
      return await vendus.getProduct(vendusProductId);
    } catch (error) {
      // Deleted in Vendus since: fall back to the reference, or create it again.
      if (!isServiceError(error) || error.kind !== "not_found") throw error;
    }
  }
  return vendus.findProductByReference(reference);
}

/**
 * Updates the product found, or creates it. "Reference already exists" means another article took the
 * reference since the lookup (an invoice line with an unknown reference creates one in Vendus): that article
 * is the product, so it is updated instead of the sync failing.
 */
async function saveProduct(
  vendus: VendusClient,
  existing: VendusProduct | null,
  fields: VendusProductInput,
): Promise<{ saved: VendusProduct; created: boolean }> {
  try {
    if (existing) return { saved: await vendus.updateProduct(existing.id, fields), created: false };
    return { saved: await vendus.createProduct(fields), created: true };
  } catch (error) {
    if (!fields.reference || !isReferenceTaken(error)) throw error;
    const holder = await vendus.findProductByReference(fields.reference);
    if (!holder || holder.id === existing?.id) throw error;
    return { saved: await vendus.updateProduct(holder.id, fields), created: false };
  }
}

/** Creates or updates one Vendus product, and records the mapping. */
export async function syncProductItem(services: PipelineServices, ref: RunRef, variantId: number) {
  const job = await readJobPayload<ProductPayload>(services.db, ref.jobId);
  const item = job.payload.items?.find((i) => i.variantId === variantId);
  if (!item || job.payload.productId === undefined)
    throw new Error(`Job ${ref.jobId} has no product item ${variantId}`);
  const { store, vendus } = await services.forStore(job.storeId);
  const key = { storeId: store.id, jumpsellerProductId: job.payload.productId, jumpsellerVariantId: variantId };
  const mapping = await services.db.productMapping.findUnique({
    where: { storeId_jumpsellerProductId_jumpsellerVariantId: key },
  });
  const rate = Number(store.defaultVatRate);
  const taxCode = taxCodeForRate(store.vendusRegion as Region, rate);
  const fields = productFields(item, job.payload, taxCode === null ? undefined : taxCode);
  const existing = await findMapped(vendus, mapping?.vendusProductId, item.reference);
  // A create whose answer was lost is found by reference on the next attempt, so it is not created twice.
  const { saved, created } = await saveProduct(vendus, existing, fields);
  const data = {
    reference: item.reference,
    title: item.title,
    vendusProductId: saved.id,
    stockUnlimited: item.stockUnlimited,
    syncedAt: new Date(),
  };
  await services.db.productMapping.upsert({
    where: { storeId_jumpsellerProductId_jumpsellerVariantId: key },
    create: { ...key, ...data },
    update: data,
  });
  return { variantId, vendusProductId: saved.id, created };
}
