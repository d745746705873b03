// A stock change in Jumpseller resets the stock of the mapped Vendus product(s). Products not synced yet
// are created first. Steps in lib/pipeline/stock.ts and lib/pipeline/products.ts.
import { stockChanged } from "@/lib/inngest/events";
import { readProduct, resolveCatalog, syncProductItem } from "@/lib/pipeline/products";
import { syncStockItem, unmappedVariants } from "@/lib/pipeline/stock";
import { storeCatalogConcurrency } from "../flow-control";
import { finishRun, guardedStep, jobFunction, skipRun } from "../job-function";
import { databaseStep } from "../job-steps";

export const syncStock = jobFunction(
  {
    id: "sync-stock",
    name: "Sync a product's stock to Vendus",
    trigger: stockChanged,
    concurrency: storeCatalogConcurrency,
  },
  async (run) => {
    const { ref, services, step } = run;
    const read = await guardedStep(run, "read-product", () => readProduct(services, ref));
    if (read.next === "skip") return skipRun(run, read);
    const missing = await step.run(
      "find-unmapped-variants",
      databaseStep(run.scope.attempt, () => unmappedVariants(services, ref)),
    );
    if (missing.length > 0) {
      await guardedStep(run, "find-or-create-brand-and-category", () => resolveCatalog(services, ref));
      for (const variantId of missing) {
        await guardedStep(run, `sync-variant-${variantId}`, () => syncProductItem(services, ref, variantId));
      }
    }
    for (const variantId of read.variantIds) {
      await guardedStep(run, `reset-stock-${variantId}`, () => syncStockItem(services, ref, variantId));
    }
    await finishRun(run, { status: "succeeded" });
    return { ran: true };
  },
);
