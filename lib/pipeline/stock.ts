// The sync-stock step: the Vendus stock of a mapped product is reset to Jumpseller's quantity. Stock flows
// one way (Jumpseller → Vendus), as in Vendus's own integration. Unlimited stock turns stock control off.
import type { RunRef } from "@/lib/jobs/lifecycle";
import { readJobPayload } from "@/lib/jobs/payload";
import type { ProductPayload } from "./products";
import type { PipelineServices } from "./services";

/** Which of the product's items have no Vendus product yet (they are synced first). */
export async function unmappedVariants(services: PipelineServices, ref: RunRef): Promise<number[]> {
  const job = await readJobPayload<ProductPayload>(services.db, ref.jobId);
  const items = job.payload.items ?? [];
  const mapped = await services.db.productMapping.findMany({
    where: { storeId: job.storeId, jumpsellerProductId: job.payload.productId },
    select: { jumpsellerVariantId: true },
  });
  const known = new Set(mapped.map((m) => m.jumpsellerVariantId));
  return items.filter((i) => !known.has(i.variantId)).map((i) => i.variantId);
}

export async function syncStockItem(services: PipelineServices, ref: RunRef, variantId: number) {
  const job = await readJobPayload<ProductPayload>(services.db, ref.jobId);
  const item = job.payload.items?.find((i) => i.variantId === variantId);
  if (!item || job.payload.productId === undefined)
    throw new Error(`Job ${ref.jobId} has no product item ${variantId}`);
  const key = { storeId: job.storeId, jumpsellerProductId: job.payload.productId, jumpsellerVariantId: variantId };
  const mapping = await services.db.productMapping.findUniqueOrThrow({
    where: { storeId_jumpsellerProductId_jumpsellerVariantId: key },
  });
  const { vendus } = await services.forStore(job.storeId);
  const productId = mapping.vendusProductId;

  if (item.stockUnlimited || item.stock === null) {
    await vendus.updateProduct(productId, { stock_control: 0 });
    await services.db.productMapping.update({
      where: { id: mapping.id },
      data: { stockUnlimited: true, lastStock: null, syncedAt: new Date() },
    });
    return { variantId, vendusProductId: productId, stock: "unlimited" as const };
  }
  if (mapping.stockUnlimited) await vendus.updateProduct(productId, { stock_control: 1 });
  // A reset (not add/remove) is idempotent: sending it again after a lost answer sets the same number.
  const amount = Math.trunc(item.stock);
  await vendus.resetStock({ productId, amount });
  await services.db.productMapping.update({
    where: { id: mapping.id },
    data: { stockUnlimited: false, lastStock: amount, syncedAt: new Date() },
  });
  return { variantId, vendusProductId: productId, stock: amount };
}
