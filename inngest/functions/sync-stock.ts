// A stock change in Jumpseller resets the stock of the mapped Vendus product(s). Products not synced yet
// are created first. Steps in lib/pipeline/stock.ts and lib/pipeline/products.ts.
import { readProduct, resolveCatalog, syncProductItem } from "@/lib/pipeline/products";
import { pipelineServices } from "@/lib/pipeline/services";
import { syncStockItem, unmappedVariants } from "@/lib/pipeline/stock";
import { inngest } from "../client";
import { stockChanged } from "../events";
import { finishStep, guarded, jobRetries, onJobFailure, runRef, startStep } from "../job-steps";
import { vendusThrottle } from "./invoice-order";
import { storeCatalogConcurrency } from "./sync-product";

export const syncStock = inngest.createFunction(
  {
    id: "sync-stock",
    name: "Sync a product's stock to Vendus",
    triggers: [stockChanged],
    retries: jobRetries,
    concurrency: storeCatalogConcurrency,
    throttle: vendusThrottle,
    onFailure: onJobFailure,
  },
  async ({ event, step, runId }) => {
    const ref = runRef(event.data);
    const services = pipelineServices();
    const started = await step.run("start", () => startStep(ref, runId));
    if (started.state !== "started") return { ran: false, reason: started.state };

    const read = await step.run("read-product", guarded(ref, () => readProduct(services, ref)));
    if (read.next === "skip") {
      await step.run("skip", finishStep(ref, { status: "skipped", message: read.reason }));
      return { ran: true, skipped: read.reason };
    }
    const missing = await step.run("find-unmapped-variants", () => unmappedVariants(services, ref));
    if (missing.length > 0) {
      await step.run("find-or-create-brand-and-category", guarded(ref, () => resolveCatalog(services, ref)));
      for (const variantId of missing) {
        await step.run(`sync-variant-${variantId}`, guarded(ref, () => syncProductItem(services, ref, variantId)));
      }
    }
    for (const variantId of read.variantIds) {
      await step.run(`reset-stock-${variantId}`, guarded(ref, () => syncStockItem(services, ref, variantId)));
    }
    await step.run("finish", finishStep(ref, { status: "succeeded" }));
    return { ran: true };
  },
);
